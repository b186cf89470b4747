package uk.nhs.bob.primarycare.population;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.terminology.Cluster;

/**
 * The observations the platform reads, each recognised by a published cluster (SNOMED CT codes) and, for records
 * coded in LOINC, by the project's own mapping ({@code population/record-codes.csv}); values are read in the unit
 * named here. Smoking status is recognised by the current, ex- and never-smoker clusters.
 */
public enum ObservationType {

	SYSTOLIC_BP(Cluster.SYSBP_COD, "Systolic blood pressure", "mmHg"),
	DIASTOLIC_BP(Cluster.DIABP_COD, "Diastolic blood pressure", "mmHg"),
	BMI(Cluster.BMIVAL_COD, "Body mass index", "kg/m2"),
	SMOKING_STATUS(null, "Smoking status", "cigarettes/day"),
	TOTAL_CHOLESTEROL(Cluster.CHOL2_COD, "Total cholesterol", "mmol/L"),
	HDL_CHOLESTEROL(Cluster.HDLCCHOL_COD, "HDL cholesterol", "mmol/L"),
	EGFR(Cluster.EGFR, "eGFR", "mL/min/1.73m2");

	private final @Nullable Cluster cluster;

	private final String label;

	private final String unit;

	ObservationType(@Nullable Cluster cluster, String label, String unit) {
		this.cluster = cluster;
		this.label = label;
		this.unit = unit;
	}

	/** The cluster whose SNOMED CT codes are this observation (none for smoking status: see {@link SmokingStatus}). */
	public @Nullable Cluster cluster() {
		return cluster;
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
