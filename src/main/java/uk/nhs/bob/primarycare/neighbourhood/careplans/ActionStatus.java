package uk.nhs.bob.primarycare.neighbourhood.careplans;

/** A care plan action's status (maps to FHIR CarePlan.activity.detail.status). */
public enum ActionStatus {

	NOT_STARTED("Not started", "not-started"), IN_PROGRESS("In progress", "in-progress"), DONE("Done", "completed"),
	CANCELLED("Cancelled", "cancelled");

	private final String label;

	private final String fhirCode;

	ActionStatus(String label, String fhirCode) {
		this.label = label;
		this.fhirCode = fhirCode;
	}

	public String label() {
		return label;
	}

	String fhirCode() {
		return fhirCode;
	}

	boolean open() {
		return this == NOT_STARTED || this == IN_PROGRESS;
	}

}
