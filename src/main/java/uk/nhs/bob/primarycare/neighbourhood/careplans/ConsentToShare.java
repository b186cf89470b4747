package uk.nhs.bob.primarycare.neighbourhood.careplans;

/** The person's answer to sharing their care and support plan with others involved in their care. */
public enum ConsentToShare {

	NOT_RECORDED("Not recorded"), YES("Agreed to share"), NO("Did not agree to share");

	private final String label;

	ConsentToShare(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
