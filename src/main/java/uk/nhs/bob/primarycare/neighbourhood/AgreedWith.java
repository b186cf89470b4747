package uk.nhs.bob.primarycare.neighbourhood;

/** Who a care and support plan was agreed with. */
enum AgreedWith {

	PERSON("The person"), CARER("Their carer"), REPRESENTATIVE("Their representative");

	private final String label;

	AgreedWith(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
