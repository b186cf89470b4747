package uk.nhs.bob.primarycare.cvd;

import java.util.Arrays;
import java.util.Optional;

/**
 * The named, versioned case-finding rules, in order of clinical priority (1 most urgent). Each names the national
 * indicator or guidance it mirrors (DOMAIN.md A3, B4, B5, B8). Changing a threshold means a new version, so a
 * finding can always be explained by the rule version that made it.
 */
enum CaseFindingRule {

	SEVERE_BLOOD_PRESSURE("CVD-BP-SEVERE", 1, 1, "Severe blood pressure in the last 30 days",
			"A reading of 180 systolic or 120 diastolic or more in the last 30 days: urgent, same-day assessment.",
			"NICE NG136 severe hypertension (stage 3); community pharmacy hypertension case-finding same-day referral"),
	POSSIBLE_UNDIAGNOSED_HYPERTENSION("CVD-HTN-UNDX", 1, 2, "Possible undiagnosed hypertension",
			"Latest reading at or above 140 systolic and 90 diastolic, aged 18 or over, no hypertension diagnosis.",
			"CVDPREVENT CVDP005HYP"),
	HIGH_RISK_NOT_ON_STATIN("CVD-QRISK-STATIN", 1, 3, "QRISK3 10% or more, not on lipid-lowering therapy",
			"QRISK3-2017 10-year risk of 10% or more and no current lipid-lowering medicine.",
			"NICE NG238; CVDPREVENT CVDP006CHOL"),
	HYPERTENSION_NOT_TO_TARGET("CVD-HTN-TARGET", 1, 4, "Hypertension not treated to target",
			"Diagnosed hypertension and the latest reading at or above target: under 80 below 140/90, 80 and over "
					+ "below 150/90.",
			"NICE NG136 targets; CVDPREVENT CVDP007HYP"),
	WEIGHT_MANAGEMENT("CVD-WEIGHT-DWMP", 1, 5, "Eligible for the NHS Digital Weight Management Programme",
			"Aged 18 or over, latest BMI 30 or more (27.5 or more for Black, Asian and other ethnic minority groups) "
					+ "with hypertension or diabetes, and not referred.",
			"NHS Digital Weight Management Programme eligibility; QOF NM203"),
	SMOKER_NOT_REFERRED("CVD-SMOKE-REFER", 1, 6, "Smoker without a tobacco dependency referral",
			"Latest smoking status is smoker, aged 18 or over, and no tobacco dependency referral in the last 12 "
					+ "months.",
			"Core20PLUS5 / NHS Long Term Plan tobacco dependency treatment"),
	NO_RISK_ASSESSMENT("CVD-ASSESS-5Y", 1, 7, "No CVD risk assessment in 5 years",
			"Aged 40-74 with no cholesterol test and no attended CVD risk review in the last 5 years.",
			"National ambition: 75% of 40-74s with a CVD risk assessment and cholesterol in 5 years (PHE/NHSE 2019)"),
	RISK_NOT_ASSESSABLE("CVD-QRISK-MISSING", 1, 8, "Risk not assessable: missing inputs",
			"Aged 25-84, QRISK3 appropriate, but BMI, cholesterol ratio or systolic pressure is missing.",
			"NICE NG238 (QRISK3 for 25-84 without CVD)");

	private final String code;

	private final int version;

	private final int priority;

	private final String title;

	private final String description;

	private final String indicator;

	CaseFindingRule(String code, int version, int priority, String title, String description, String indicator) {
		this.code = code;
		this.version = version;
		this.priority = priority;
		this.title = title;
		this.description = description;
		this.indicator = indicator;
	}

	public String code() {
		return code;
	}

	public int version() {
		return version;
	}

	public int priority() {
		return priority;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public String indicator() {
		return indicator;
	}

	/** "CVD-HTN-UNDX v1". */
	public String label() {
		return code + " v" + version;
	}

	static Optional<CaseFindingRule> ofCode(String code) {
		return Arrays.stream(values()).filter(rule -> rule.code.equals(code)).findFirst();
	}

}
