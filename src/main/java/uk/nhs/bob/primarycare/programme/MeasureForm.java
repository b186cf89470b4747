package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new measure. With a feed chosen, the name, definition, direction and unit may be left empty and are taken from
 * the feed.
 */
record MeasureForm(@Size(max = 200, message = "Name must be 200 characters or fewer") @Nullable String name,
		@NotNull(message = "Choose outcome, process or balancing") Measure.@Nullable Kind kind,
		@Size(max = 2000, message = "Definition must be 2000 characters or fewer") @Nullable String definition,
		Spc.@Nullable Direction direction,
		@Size(max = 20, message = "Unit must be 20 characters or fewer") @Nullable String unit,
		@Size(max = 20, message = "Target must be a number") @Nullable String target, @Nullable Feed feed) {

	static MeasureForm empty() {
		return new MeasureForm("", null, "", null, "", "", null);
	}

	boolean hasFeed() {
		return feed != null;
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
