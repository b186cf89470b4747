package uk.nhs.bob.primarycare.neighbourhood;

/** A yes or no answer that may not have been asked yet. */
enum YesNo {

	NOT_RECORDED("Not recorded"), YES("Yes"), NO("No");

	private final String label;

	YesNo(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
