package uk.nhs.bob.primarycare.neighbourhood.careplans;

/** What a clinical supervisor concluded about one use of break-glass. */
enum BreakGlassReview {

	APPROPRIATE("Appropriate"), TO_INVESTIGATE("To investigate");

	private final String label;

	BreakGlassReview(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

	static java.util.Optional<BreakGlassReview> of(@org.jspecify.annotations.Nullable String code) {
		return java.util.Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
	}

}
