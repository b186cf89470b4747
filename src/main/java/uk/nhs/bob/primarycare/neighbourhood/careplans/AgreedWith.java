package uk.nhs.bob.primarycare.neighbourhood.careplans;

/** Who a care and support plan was agreed with. */
public enum AgreedWith {

	PERSON("The person"), CARER("Their carer"), REPRESENTATIVE("Their representative");

	private final String label;

	AgreedWith(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
