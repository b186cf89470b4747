package uk.nhs.bob.primarycare.neighbourhood.teams;

/**
 * The professions an Integrated Neighbourhood Team brings together (BOB draft primary care strategy, January 2024;
 * NHS England proactive care).
 */
public enum Discipline {

	GP("GP"), PRACTICE_NURSE("Practice nurse"), COMMUNITY_NURSING("Community nursing"), SOCIAL_CARE("Social care"),
	MENTAL_HEALTH("Mental health"), PHARMACIST("Pharmacist"), VCSE("Voluntary and community sector (VCSE)"),
	HOSPITAL_CONSULTANT("Hospital consultant"), CARE_COORDINATOR("Care coordinator");

	private final String label;

	Discipline(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
