package uk.nhs.bob.primarycare.neighbourhood.careplans;

/** How someone listed with the plan stands to the person: their carer, their next of kin, or both. */
public enum CarerRole {

	CARER("Carer"), NEXT_OF_KIN("Next of kin"), CARER_AND_NEXT_OF_KIN("Carer and next of kin");

	private final String label;

	CarerRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
