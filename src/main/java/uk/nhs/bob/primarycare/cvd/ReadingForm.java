package uk.nhs.bob.primarycare.cvd;

import org.jspecify.annotations.Nullable;

/** A blood pressure reading taken outside the practice (community pharmacy, optometrist, home). */
record ReadingForm(@Nullable String systolic, @Nullable String diastolic, @Nullable String setting,
		@Nullable String readingDay, @Nullable String readingMonth, @Nullable String readingYear) {

	static ReadingForm empty() {
		return new ReadingForm(null, null, null, null, null, null);
	}

}
