package uk.nhs.bob.primarycare.cvd;

import org.jspecify.annotations.Nullable;

/**
 * A personalised care adjustment to record: the rule it takes the person off, the reason, an optional review date
 * (12 months from today when left blank) and a short note.
 */
record AdjustmentForm(@Nullable String adjustmentRule, @Nullable String adjustmentReason, @Nullable String reviewDay,
		@Nullable String reviewMonth, @Nullable String reviewYear, @Nullable String adjustmentNote) {

	static AdjustmentForm empty() {
		return new AdjustmentForm(null, null, null, null, null, null);
	}

}
