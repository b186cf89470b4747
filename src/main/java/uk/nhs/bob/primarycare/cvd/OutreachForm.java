package uk.nhs.bob.primarycare.cvd;

import org.jspecify.annotations.Nullable;

/** Outreach to record for a person: what, for which rule, the outcome and its date, and a short note. */
record OutreachForm(@Nullable String type, @Nullable String ruleCode, @Nullable String outcome, @Nullable String day,
		@Nullable String month, @Nullable String year, @Nullable String note) {

	static OutreachForm empty() {
		return new OutreachForm(null, null, null, null, null, null, null);
	}

}
