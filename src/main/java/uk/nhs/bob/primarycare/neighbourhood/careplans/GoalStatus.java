package uk.nhs.bob.primarycare.neighbourhood.careplans;

/** A goal's status (FHIR R4 Goal achievementStatus). */
public enum GoalStatus {

	PROPOSED("Proposed", "proposed", null), IN_PROGRESS("In progress", "active", "in-progress"),
	IMPROVING("Improving", "active", "improving"), ACHIEVED("Achieved", "completed", "achieved"),
	NOT_ACHIEVED("Not achieved", "cancelled", "not-achieved");

	private final String label;

	private final String fhirLifecycle;

	private final @org.jspecify.annotations.Nullable String fhirAchievement;

	GoalStatus(String label, String fhirLifecycle, @org.jspecify.annotations.Nullable String fhirAchievement) {
		this.label = label;
		this.fhirLifecycle = fhirLifecycle;
		this.fhirAchievement = fhirAchievement;
	}

	public String label() {
		return label;
	}

	String fhirLifecycle() {
		return fhirLifecycle;
	}

	@org.jspecify.annotations.Nullable String fhirAchievement() {
		return fhirAchievement;
	}

}
