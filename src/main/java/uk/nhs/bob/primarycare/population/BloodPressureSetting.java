package uk.nhs.bob.primarycare.population;

/**
 * Where and how a blood pressure was taken. Clinic, pharmacy and optometry readings are single readings judged by
 * the clinic thresholds (NICE NG136); a single home reading counts only as part of a home monitoring series; a home
 * monitoring average and an ambulatory (ABPM) average are judged by the NG136 home/ambulatory thresholds.
 */
public enum BloodPressureSetting {

	CLINIC("Clinic", false), HOME("Home reading", false), HOME_AVERAGE("Home monitoring average", true),
	AMBULATORY("Ambulatory (ABPM) average", true), PHARMACY("Community pharmacy", false),
	OPTOMETRY("Optometry", false);

	private final String label;

	private final boolean average;

	BloodPressureSetting(String label, boolean average) {
		this.label = label;
		this.average = average;
	}

	public String label() {
		return label;
	}

	/** A home monitoring or ambulatory average (NG136: 135/85 thresholds), not a single reading. */
	public boolean average() {
		return average;
	}

}
