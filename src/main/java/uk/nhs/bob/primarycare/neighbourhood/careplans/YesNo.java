package uk.nhs.bob.primarycare.neighbourhood.careplans;

/** A yes or no answer that may not have been asked yet. */
public enum YesNo {

	NOT_RECORDED("Not recorded"), YES("Yes"), NO("No");

	private final String label;

	YesNo(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
