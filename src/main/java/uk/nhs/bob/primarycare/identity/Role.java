package uk.nhs.bob.primarycare.identity;

/** What a user does; each maps to the Spring Security authority {@code ROLE_<name>}. */
public enum Role {

	CARE_COORDINATOR("Care coordinator"),
	CLINICAL_SUPERVISOR("Clinical supervisor"),
	INT_MEMBER("Integrated Neighbourhood Team member"),
	PLACE_DELIVERY("Place delivery team"),
	ICB_ADMIN("ICB administrator"),
	API_CLIENT("Service account (API)");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
