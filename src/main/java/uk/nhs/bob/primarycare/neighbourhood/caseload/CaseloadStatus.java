package uk.nhs.bob.primarycare.neighbourhood.caseload;

/** Where a person is on the team's caseload, in the order of NHS England's proactive care components. */
public enum CaseloadStatus {

	IDENTIFIED("Identified", "nhsuk-tag--grey"), ASSESSED("Assessed", "nhsuk-tag--blue"),
	PLAN_AGREED("Plan agreed", "nhsuk-tag--green"), UNDER_REVIEW("Under review", "nhsuk-tag--yellow"),
	DISCHARGED("Discharged", "nhsuk-tag--white");

	private final String label;

	private final String tagClass;

	CaseloadStatus(String label, String tagClass) {
		this.label = label;
		this.tagClass = tagClass;
	}

	public String label() {
		return label;
	}

	public String tagClass() {
		return tagClass;
	}

	public boolean open() {
		return this != DISCHARGED;
	}

}
