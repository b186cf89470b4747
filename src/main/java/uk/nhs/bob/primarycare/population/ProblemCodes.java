package uk.nhs.bob.primarycare.population;

/**
 * SNOMED CT concepts the synthetic population codes problems with and later modules (QRISK3 inputs, case finding,
 * eFI deficits) look for. A real record uses many more codes for each condition; those modules map code sets.
 * Blood pressure, BMI and smoking codes come from DOMAIN.md B10; the rest are SNOMED CT concepts as commonly used in
 * UK primary care and must be checked against the terminology server (and the clinical safety case) before any
 * clinical use, as must the medicines' substance codes in the generator.
 */
public final class ProblemCodes {

	public static final String HYPERTENSION = "38341003";

	public static final String TYPE_1_DIABETES = "46635009";

	public static final String TYPE_2_DIABETES = "44054006";

	public static final String ATRIAL_FIBRILLATION = "49436004";

	public static final String CKD_STAGE_3 = "433144002";

	public static final String CORONARY_HEART_DISEASE = "53741008";

	public static final String MYOCARDIAL_INFARCTION = "22298006";

	public static final String STROKE = "230690007";

	public static final String TIA = "266257000";

	public static final String HEART_FAILURE = "84114007";

	public static final String PERIPHERAL_VASCULAR_DISEASE = "400047006";

	public static final String ASTHMA = "195967001";

	public static final String COPD = "13645005";

	public static final String DEPRESSION = "35489007";

	public static final String ANXIETY = "197480006";

	public static final String CHRONIC_PAIN = "82423001";

	public static final String SCHIZOPHRENIA = "58214004";

	public static final String BIPOLAR_DISORDER = "13746004";

	public static final String RHEUMATOID_ARTHRITIS = "69896004";

	public static final String SLE = "55464009";

	public static final String MIGRAINE = "37796009";

	public static final String ERECTILE_DYSFUNCTION = "397803000";

	public static final String FAMILY_HISTORY_CHD = "266894000";

	public static final String OSTEOARTHRITIS = "396275006";

	public static final String HYPOTHYROIDISM = "40930008";

	// Frailty deficits (eFI, Clegg et al. 2016; DOMAIN.md B7)
	public static final String FALLS = "161898004";

	public static final String DEMENTIA = "52448006";

	public static final String MEMORY_IMPAIRMENT = "386807006";

	public static final String URINARY_INCONTINENCE = "165232002";

	public static final String OSTEOPOROSIS = "64859006";

	public static final String PARKINSONS_DISEASE = "49049000";

	public static final String HEARING_LOSS = "15188001";

	public static final String VISUAL_IMPAIRMENT = "397540003";

	public static final String HOUSEBOUND = "160689007";

	public static final String FRACTURED_NECK_OF_FEMUR = "5913000";

	public static final String DIZZINESS = "404640003";

	public static final String DYSPNOEA = "267036007";

	public static final String ANAEMIA = "271737000";

	public static final String SKIN_ULCER = "46742003";

	public static final String INSOMNIA = "193462001";

	public static final String LIVES_ALONE = "105529008";

	public static final String WEIGHT_LOSS = "89362005";

	public static final String DIFFICULTY_WALKING = "228158008";

	private ProblemCodes() {
	}

}
