package uk.nhs.bob.primarycare.population;

/**
 * The observations the platform reads, each with the SNOMED CT concept it is recorded under and its unit. Blood
 * pressure and BMI codes follow UK Core / GP Connect (DOMAIN.md B10). Smoking status is recorded under one of the
 * {@link SmokingStatus} codes, with the cigarettes smoked a day as its value.
 */
public enum ObservationType {

	SYSTOLIC_BP("72313002", "Systolic blood pressure", "mmHg"),
	DIASTOLIC_BP("1091811000000102", "Diastolic blood pressure", "mmHg"),
	BMI("60621009", "Body mass index", "kg/m2"),
	SMOKING_STATUS("77176002", "Smoking status", "cigarettes/day"),
	TOTAL_CHOLESTEROL("77068002", "Total cholesterol", "mmol/L"),
	HDL_CHOLESTEROL("17888004", "HDL cholesterol", "mmol/L"),
	EGFR("80274001", "eGFR", "mL/min/1.73m2"),
	WEIGHT("27113001", "Body weight", "kg");

	private final String snomedCode;

	private final String label;

	private final String unit;

	ObservationType(String snomedCode, String label, String unit) {
		this.snomedCode = snomedCode;
		this.label = label;
		this.unit = unit;
	}

	/** The usual SNOMED CT code (smoking status varies with the status). */
	public String snomedCode() {
		return snomedCode;
	}

	public String label() {
		return label;
	}

	public String unit() {
		return unit;
	}

	public boolean isBloodPressure() {
		return this == SYSTOLIC_BP || this == DIASTOLIC_BP;
	}

}
