package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A measure as typed. With a feed chosen, the name, definition, direction and unit may be left empty and are taken
 * from the feed; the feed replaces hand entry from the week of the date given. The version is set when editing.
 */
record MeasureForm(@Size(max = 200, message = "Name must be 200 characters or fewer") @Nullable String name,
		@NotNull(message = "Choose outcome, process or balancing") Measure.@Nullable Kind kind,
		@Size(max = 2000, message = "Definition must be 2000 characters or fewer") @Nullable String definition,
		Spc.@Nullable Direction direction,
		@Size(max = 20, message = "Unit must be 20 characters or fewer") @Nullable String unit,
		@Size(max = 20, message = "Target must be a number") @Nullable String target, @Nullable Feed feed,
		@Nullable String feedFromDay, @Nullable String feedFromMonth, @Nullable String feedFromYear,
		@Size(max = 10, message = "Minimum n must be a whole number from 1 to 1000000") @Nullable String minimumN,
		@Nullable Long version) {

	static MeasureForm empty(int minimumN, java.time.LocalDate feedFrom) {
		return new MeasureForm("", null, "", null, "", "", null, FormDates.day(feedFrom), FormDates.month(feedFrom),
				FormDates.year(feedFrom), String.valueOf(minimumN), null);
	}

	static MeasureForm of(Measure measure) {
		return new MeasureForm(measure.name(), measure.kind(), measure.definition(), measure.direction(),
				measure.unit(), Measures.plain(measure.target()), measure.feed(), FormDates.day(measure.feedFrom()),
				FormDates.month(measure.feedFrom()), FormDates.year(measure.feedFrom()),
				String.valueOf(measure.minimumN()), measure.version());
	}

	MeasureForm withVersion(long latest) {
		return new MeasureForm(name, kind, definition, direction, unit, target, feed, feedFromDay, feedFromMonth,
				feedFromYear, minimumN, latest);
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
