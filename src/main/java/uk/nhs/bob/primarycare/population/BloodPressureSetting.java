package uk.nhs.bob.primarycare.population;

/**
 * Where a blood pressure was taken. Home readings count towards diagnosis (HBPM, NICE NG136); pharmacy and
 * optometry readings are case-finding prompts that need confirming.
 */
public enum BloodPressureSetting {

	CLINIC("Clinic"), HOME("Home"), PHARMACY("Community pharmacy"), OPTOMETRY("Optometry");

	private final String label;

	BloodPressureSetting(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
