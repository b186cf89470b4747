package uk.nhs.bob.primarycare.cvd;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The named, versioned case-finding rules, in order of clinical priority (1 most urgent), each with the published
 * guidance or indicator it follows (docs/cvd.md holds each definition and source). Changing a rule's definition
 * means a new version, so a finding can always be explained by the rule version that made it. Each names the
 * personalised care adjustments that can take a person off its list (none for severe blood pressure).
 */
public enum CaseFindingRule {

	SEVERE_BLOOD_PRESSURE("CVD-BP-SEVERE", 1, 1, "Severe blood pressure in the last 30 days",
			"A reading of 180 systolic or 120 diastolic or more in the last 30 days: urgent, same-day assessment.",
			"NICE NG136 severe hypertension (stage 3); community pharmacy hypertension case-finding same-day referral",
			EnumSet.noneOf(AdjustmentReason.class)),
	AF_NOT_ANTICOAGULATED("CVD-AF-ANTICOAG", 1, 2, "Atrial fibrillation, CHA2DS2-VASc 2 or more, no anticoagulant",
			"On the atrial fibrillation register with a CHA2DS2-VASc score of 2 or more computed from the record, and "
					+ "no current anticoagulant.",
			"NICE NG196 atrial fibrillation (offer anticoagulation at a CHA2DS2-VASc score of 2 or more)",
			EnumSet.of(AdjustmentReason.DECLINED, AdjustmentReason.NOT_INDICATED)),
	CVD_NOT_ON_LIPID_LOWERING("CVD-LLT-CVD", 1, 3, "Existing CVD, not on lipid-lowering therapy",
			"On the coronary heart disease, stroke or TIA, or peripheral arterial disease register, no current "
					+ "lipid-lowering medicine and no statin exception coded.",
			"NICE NG238 secondary prevention (offer atorvastatin 80 mg)",
			EnumSet.allOf(AdjustmentReason.class)),
	POSSIBLE_UNDIAGNOSED_HYPERTENSION("CVD-HTN-UNDX", 2, 4, "Possible undiagnosed hypertension",
			"Aged 18 or over, not on the hypertension register, and the latest reading of the last 12 months is a "
					+ "clinic reading of 140 systolic or 90 diastolic or more, or a home monitoring or ambulatory "
					+ "average of 135 systolic or 85 diastolic or more.",
			"NICE NG136 (140/90 clinic, 135/85 home or ambulatory); CVDPREVENT CVDP005HYP",
			EnumSet.of(AdjustmentReason.DECLINED, AdjustmentReason.NOT_INDICATED)),
	HIGH_RISK_NOT_ON_STATIN("CVD-QRISK-STATIN", 2, 5, "QRISK3 10% or more, not on lipid-lowering therapy",
			"QRISK3-2017 10-year risk of 10% or more (QRISK3 appropriate), no current lipid-lowering medicine and no "
					+ "statin exception coded.",
			"NICE NG238 primary prevention; CVDPREVENT CVDP006CHOL", EnumSet.allOf(AdjustmentReason.class)),
	CKD_NOT_ON_LIPID_LOWERING("CVD-LLT-CKD", 1, 6, "CKD stage 3-5, not on lipid-lowering therapy",
			"On the CKD stage 3-5 register (and not on a CVD register), no current lipid-lowering medicine and no "
					+ "statin exception coded.",
			"NICE NG238 (offer atorvastatin 20 mg to people with CKD); QRISK3 is not used in CKD",
			EnumSet.allOf(AdjustmentReason.class)),
	NON_HDL_NOT_REDUCED("CVD-NONHDL-40", 2, 7, "Non-HDL cholesterol reduced by less than 40% on a statin",
			"On a statin, with a non-HDL cholesterol (total minus HDL) measured 2 months or more after starting that "
					+ "fell by less than 40% from the last result in the 12 months before starting, starting being "
					+ "the first statin of the continuous course (a switch or repeat within 90 days continues it).",
			"NICE NG238 (measure at 3 months; aim for a reduction of more than 40% in non-HDL cholesterol)",
			EnumSet.allOf(AdjustmentReason.class)),
	HYPERTENSION_NOT_TO_TARGET("CVD-HTN-TARGET", 2, 8, "Hypertension not treated to target",
			"On the hypertension register and the latest reading of the last 12 months is not below target: clinic "
					+ "under 80 below 140/90, 80 and over below 150/90; home or ambulatory average under 80 below "
					+ "135/85, 80 and over below 145/85. No hypertension exception coded in the last 12 months.",
			"NICE NG136 targets; CVDPREVENT CVDP007HYP", EnumSet.allOf(AdjustmentReason.class)),
	WEIGHT_MANAGEMENT("CVD-WEIGHT-DWMP", 2, 9, "Eligible for the NHS Digital Weight Management Programme",
			"Aged 18 or over, latest BMI 30 or more (27.5 or more for Black, Asian and other ethnic minority groups) "
					+ "on the hypertension or diabetes register, and not referred.",
			"NHS Digital Weight Management Programme eligibility; QOF NM203",
			EnumSet.of(AdjustmentReason.DECLINED, AdjustmentReason.NOT_INDICATED)),
	SMOKER_NOT_REFERRED("CVD-SMOKE-REFER", 1, 10, "Smoker without a tobacco dependency referral",
			"Latest smoking status is smoker, aged 18 or over, and no tobacco dependency referral in the last 12 "
					+ "months.",
			"Core20PLUS5 / NHS Long Term Plan tobacco dependency treatment",
			EnumSet.of(AdjustmentReason.DECLINED, AdjustmentReason.NOT_INDICATED)),
	NO_RISK_ASSESSMENT("CVD-ASSESS-5Y", 1, 11, "No CVD risk assessment in 5 years",
			"Aged 40-74 with no cholesterol test and no attended CVD risk review in the last 5 years.",
			"National ambition: 75% of 40-74s with a CVD risk assessment and cholesterol in 5 years (PHE/NHSE 2019)",
			EnumSet.of(AdjustmentReason.DECLINED, AdjustmentReason.NOT_INDICATED)),
	RISK_NOT_ASSESSABLE("CVD-QRISK-MISSING", 2, 12, "Risk not assessable: missing inputs",
			"Aged 25-84, QRISK3 appropriate, but BMI, cholesterol ratio or systolic pressure is missing, or the "
					+ "diabetes type is not coded.",
			"NICE NG238 (QRISK3 for 25-84 without CVD)",
			EnumSet.of(AdjustmentReason.DECLINED, AdjustmentReason.NOT_INDICATED));

	private final String code;

	private final int version;

	private final int priority;

	private final String title;

	private final String description;

	private final String indicator;

	private final Set<AdjustmentReason> adjustments;

	CaseFindingRule(String code, int version, int priority, String title, String description, String indicator,
			Set<AdjustmentReason> adjustments) {
		this.code = code;
		this.version = version;
		this.priority = priority;
		this.title = title;
		this.description = description;
		this.indicator = indicator;
		this.adjustments = Set.copyOf(adjustments);
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

	/** The personalised care adjustments that take a person off this rule's list (empty: none does). */
	public Set<AdjustmentReason> adjustments() {
		return adjustments;
	}

	/** "CVD-HTN-UNDX v2". */
	public String label() {
		return code + " v" + version;
	}

	static Optional<CaseFindingRule> ofCode(String code) {
		return Arrays.stream(values()).filter(rule -> rule.code.equals(code)).findFirst();
	}

}
