package uk.nhs.bob.primarycare.triage;

import org.jspecify.annotations.Nullable;

/**
 * A triage decision (coordinator) or a supervision (clinical supervisor): the disposition, the service referred to,
 * the reason for overriding the suggestion or the supervisor's note, and the safety-net advice and follow-up date
 * (blank means the pathway's default from the rule pack).
 */
record DecisionForm(@Nullable String version, @Nullable String disposition, @Nullable String serviceId,
		@Nullable String overrideReason, @Nullable String note, @Nullable String safetyNet, @Nullable String day,
		@Nullable String month, @Nullable String year) {

	static DecisionForm suggesting(long version, Disposition suggested) {
		return new DecisionForm(Long.toString(version), suggested.name(), null, null, null, null, null, null, null);
	}

	DecisionForm withVersion(long latest) {
		return new DecisionForm(Long.toString(latest), disposition, serviceId, overrideReason, note, safetyNet, day,
				month, year);
	}

}
