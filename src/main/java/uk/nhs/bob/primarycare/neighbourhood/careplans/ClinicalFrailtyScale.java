package uk.nhs.bob.primarycare.neighbourhood.careplans;

/**
 * The Clinical Frailty Scale (Rockwood K et al., CMAJ 2005;173:489; the labels of version 2.0, Dalhousie University
 * 2020): a clinician's judgement from 1 (very fit) to 9 (terminally ill).
 */
public enum ClinicalFrailtyScale {

	VERY_FIT(1, "Very fit"), FIT(2, "Fit"), MANAGING_WELL(3, "Managing well"),
	VERY_MILD(4, "Living with very mild frailty"), MILD(5, "Living with mild frailty"),
	MODERATE(6, "Living with moderate frailty"), SEVERE(7, "Living with severe frailty"),
	VERY_SEVERE(8, "Living with very severe frailty"), TERMINALLY_ILL(9, "Terminally ill");

	private final int score;

	private final String label;

	ClinicalFrailtyScale(int score, String label) {
		this.score = score;
		this.label = label;
	}

	public int score() {
		return score;
	}

	public String label() {
		return label;
	}

	public String describe() {
		return score + ": " + label;
	}

}
