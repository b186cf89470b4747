package uk.nhs.bob.primarycare.neighbourhood.frailty;

/**
 * eFI categories at the published cut-offs (Clegg et al., Age Ageing 2016;45:353): fit up to 0.12 (0-4 deficits), mild
 * 0.13-0.24 (5-8), moderate 0.25-0.36 (9-12), severe above 0.36 (13 or more; 13/36 is 0.361).
 */
public enum FrailtyCategory {

	FIT("Fit", 0.12), MILD("Mild frailty", 0.24), MODERATE("Moderate frailty", 0.36),
	SEVERE("Severe frailty", Double.MAX_VALUE);

	private final String label;

	private final double upperScore;

	FrailtyCategory(String label, double upperScore) {
		this.label = label;
		this.upperScore = upperScore;
	}

	public String label() {
		return label;
	}

	/** The category of an eFI score: the first whose upper cut-off the score does not exceed. */
	static FrailtyCategory of(double score) {
		for (FrailtyCategory category : values()) {
			// the raw score, not rounded: 13/36 = 0.361 is above 0.36, so severe
			if (score <= category.upperScore) {
				return category;
			}
		}
		return SEVERE;
	}

	public boolean atLeast(FrailtyCategory other) {
		return compareTo(other) >= 0;
	}

}
