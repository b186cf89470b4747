package uk.nhs.bob.primarycare.programme.spc;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.programme.DateFields;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.FormDates;
import uk.nhs.bob.primarycare.programme.VersionedForm;
import uk.nhs.bob.primarycare.programme.feed.Feed;

/**
 * A measure as typed. With a feed, the name, definition, direction and unit may be left empty and are taken from the
 * feed; the feed replaces hand entry from the week of the date given. The version is set when editing.
 */
@DateFields(@DateFields.Date(value = "feedFrom", optional = true,
		message = "Enter a real date in the week the feed takes over, for example 16 11 2026"))
record MeasureForm(@Size(max = 200, message = "Name must be 200 characters or fewer") @Nullable String name,
		@NotNull(message = "Choose outcome, process or balancing") Measure.@Nullable Kind kind,
		@Size(max = 2000, message = "Definition must be 2000 characters or fewer") @Nullable String definition,
		Spc.@Nullable Direction direction,
		@Size(max = 20, message = "Unit must be 20 characters or fewer") @Nullable String unit,
		@Pattern(regexp = "^\\s*(-?\\d{1,10}(\\.\\d{1,4})?)?\\s*$", message = "Target must be a number, like 75 or 12.5") @Nullable String target,
		@Nullable Feed feed, @Nullable String feedFromDay, @Nullable String feedFromMonth, @Nullable String feedFromYear,
		@NotBlank(message = "Enter the minimum n, a whole number from 1 to 1000000") @Pattern(regexp = "^\\s*0*([1-9]\\d{0,5}|1000000)\\s*$", message = "Minimum n must be a whole number from 1 to 1000000") @Nullable String minimumN,
		@NotNull(groups = Editing.class, message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<MeasureForm> {

	static MeasureForm empty(int minimumN, LocalDate feedFrom) {
		return new MeasureForm("", null, "", null, "", "", null, FormDates.day(feedFrom), FormDates.month(feedFrom),
				FormDates.year(feedFrom), String.valueOf(minimumN), null);
	}

	static MeasureForm of(Measure measure) {
		return new MeasureForm(measure.name(), measure.kind(), measure.definition(), measure.direction(),
				measure.unit(), Measures.plain(measure.target()), measure.feed(),
				FormDates.day(measure.feedFrom()), FormDates.month(measure.feedFrom()), FormDates.year(measure.feedFrom()),
				String.valueOf(measure.minimumN()), measure.version());
	}

	@Override
	public MeasureForm withVersion(long latest) {
		return new MeasureForm(name, kind, definition, direction, unit, target, feed, feedFromDay, feedFromMonth,
				feedFromYear, minimumN, latest);
	}

	/**
	 * What was typed, with the feed's name, definition, direction and unit where those were left empty (the feed is
	 * the one chosen when adding, the measure's own when editing). The service refuses what is still missing.
	 */
	Measures.Draft draft(@Nullable Feed source) {
		LocalDate from = FormDates.parse(feedFromDay, feedFromMonth, feedFromYear)
			.map(day -> IsoWeek.of(day).monday())
			.orElse(null);
		return new Measures.Draft(orFeed(name, source == null ? "" : source.label()), kind,
				orFeed(definition, source == null ? "" : source.definition()),
				direction != null ? direction : source == null ? null : source.direction(),
				orFeed(unit, source == null ? "" : source.unit()),
				target == null || target.isBlank() ? null : new BigDecimal(target.strip()), source,
				source == null ? null : from, Integer.parseInt(minimumN.strip()));
	}

	private static String orFeed(@Nullable String typed, String fromFeed) {
		return typed == null || typed.isBlank() ? fromFeed : typed.strip();
	}

}
