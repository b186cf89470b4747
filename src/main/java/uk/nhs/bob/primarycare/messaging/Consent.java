package uk.nhs.bob.primarycare.messaging;

/** Whether the person agreed to receive messages from the platform about their care. */
enum Consent {

	GIVEN("Agreed to receive messages"), REFUSED("Does not want messages"), NOT_RECORDED("Not recorded");

	private final String label;

	Consent(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
