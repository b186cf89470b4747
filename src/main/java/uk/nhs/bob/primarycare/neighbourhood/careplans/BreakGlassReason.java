package uk.nhs.bob.primarycare.neighbourhood.careplans;

/** Why someone outside the person's team and practice needs their care plan now: the short list of break-glass. */
enum BreakGlassReason {

	EMERGENCY("Emergency: the person needs urgent care now"),
	PERSON_ASKED("The person or their carer asked me for help with their care"),
	COVERING("Covering for the person's team or practice"),
	SAFEGUARDING("Safeguarding concern"),
	OTHER("Another reason (explain below)");

	private final String label;

	BreakGlassReason(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

	static java.util.Optional<BreakGlassReason> of(@org.jspecify.annotations.Nullable String code) {
		return java.util.Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
	}

}
