package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.CodedRecord.Admission;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.population.GeneratorCodes.Medicine;
import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.CodeSetEntry;

/**
 * The coded record of one person, built from latent risk factors and conditions: what a person has is drawn first,
 * then what their practice has coded, prescribed and measured. Prevalence figures cite their source (see
 * {@link PopulationGenerator}); every code is drawn from the published code sets ({@link GeneratorCodes}).
 */
final class ClinicalHistory {


	private static final BloodPressureSetting[] SETTINGS = { BloodPressureSetting.CLINIC,
			BloodPressureSetting.HOME_AVERAGE, BloodPressureSetting.AMBULATORY, BloodPressureSetting.PHARMACY,
			BloodPressureSetting.OPTOMETRY };

	// Clinic readings dominate; community pharmacy BP checks (since 2021), home monitoring averages and a few
	// ambulatory averages (NICE NG136 confirmation) add the rest.
	private static final double[] SETTING_WEIGHTS = { 72, 8, 2, 15, 3 };

	private record Deficit(Cluster cluster, double weight) {
	}

	// eFI deficits (Clegg et al. 2016) that this generator codes, from the published eFI code sets, on top of the
	// long-term conditions that also count as deficits (hypertension, AF, CKD, diabetes, heart failure...).
	private static final List<Deficit> FRAILTY_DEFICITS = List.of(new Deficit(Cluster.EFI_FALLS, 3),
			new Deficit(Cluster.EFI_MEMORY_COGNITIVE, 2), new Deficit(Cluster.DEM_COD, 1),
			new Deficit(Cluster.EFI_URINARY_INCONTINENCE, 2), new Deficit(Cluster.OSTEO_COD, 1.5),
			new Deficit(Cluster.EFI_HEARING_IMPAIRMENT, 2.5), new Deficit(Cluster.EFI_VISUAL_IMPAIRMENT, 1.5),
			new Deficit(Cluster.EFI_HOUSEBOUND, 0.8), new Deficit(Cluster.EFI_FRAGILITY_FRACTURE, 0.5),
			new Deficit(Cluster.EFI_DIZZINESS, 1.5), new Deficit(Cluster.EFI_DYSPNOEA, 1.5),
			new Deficit(Cluster.EFI_ANAEMIA, 1.2), new Deficit(Cluster.EFI_SKIN_ULCER, 0.7),
			new Deficit(Cluster.EFI_SLEEP_DISTURBANCE, 1.2), new Deficit(Cluster.EFI_SOCIAL_VULNERABILITY, 2),
			new Deficit(Cluster.EFI_WEIGHT_LOSS, 0.8), new Deficit(Cluster.EFI_MOBILITY_TRANSFER, 2),
			new Deficit(Cluster.EFI_PARKINSONISM_TREMOR, 0.3));

	private static final double[] DEFICIT_WEIGHTS = FRAILTY_DEFICITS.stream().mapToDouble(Deficit::weight).toArray();

	// Mean deficits coded on top of the long-term conditions, for 65-69, 70-74, 75-79, 80-84, 85-89 and 90+.
	private static final double[] MEAN_DEFICITS = { 2.0, 2.8, 3.8, 5.2, 6.4, 7.6 };

	private static final String[] UNPLANNED_REASONS = { "Fall", "Chest infection", "Urinary tract infection",
			"Chest pain", "Shortness of breath", "Acute confusion", "Cellulitis" };

	private static final String[] PLANNED_REASONS = { "Cataract surgery", "Hip replacement", "Knee replacement",
			"Colonoscopy", "Hernia repair" };

	/** The products prescribed in the synthetic records, each with its dm+d codes from the published lists. */
	record Medicines(Medicine atorvastatin20, Medicine atorvastatin80, Medicine simvastatin40,
			List<Medicine> antihypertensives, Medicine bisoprolol, Medicine furosemide, Medicine apixaban,
			Medicine warfarin, List<Medicine> antipsychotics, Medicine prednisolone) {

		static Medicines of(GeneratorCodes codes) {
			return new Medicines(codes.medicine(Cluster.STAT_COD, "Atorvastatin 20mg tablets"),
					codes.medicine(Cluster.STAT_COD, "Atorvastatin 80mg tablets"),
					codes.medicine(Cluster.STAT_COD, "Simvastatin 40mg tablets"),
					List.of(codes.medicine(Cluster.CCB, "Amlodipine 5mg tablets"),
							codes.medicine(Cluster.ACE_COD, "Ramipril 5mg capsules"),
							codes.medicine(Cluster.AII_COD, "Losartan 50mg tablets"),
							codes.medicine(Cluster.DIURETIC, "Indapamide 2.5mg tablets"),
							codes.medicine(Cluster.ACE_COD, "Lisinopril 10mg tablets")),
					codes.medicine(Cluster.BETA_BLOCKER, "Bisoprolol 5mg tablets"),
					codes.medicine(Cluster.DIURETIC, "Furosemide 40mg tablets"),
					codes.medicine(Cluster.DOAC, "Apixaban 5mg tablets"),
					codes.medicine(Cluster.WARFARIN, "Warfarin 1mg tablets"),
					List.of(codes.medicine(Cluster.ATYPICAL_ANTIPSYCHOTIC, "Olanzapine 10mg tablets"),
							codes.medicine(Cluster.ATYPICAL_ANTIPSYCHOTIC, "Quetiapine 100mg tablets"),
							codes.medicine(Cluster.ATYPICAL_ANTIPSYCHOTIC, "Risperidone 2mg tablets"),
							codes.medicine(Cluster.ATYPICAL_ANTIPSYCHOTIC, "Aripiprazole 10mg tablets")),
					codes.medicine(Cluster.ORAL_STEROID, "Prednisolone 5mg tablets"));
		}

	}

	/** The conditions and risk factors a person has, whether or not their practice has coded them. */
	private enum Latent {

		SMOKER, EX_SMOKER, HYPERTENSION, HYPERTENSION_DIAGNOSED, TYPE_2_DIABETES, TYPE_1_DIABETES, ATRIAL_FIBRILLATION,
		CORONARY_HEART_DISEASE, STROKE, HEART_FAILURE, PERIPHERAL_ARTERIAL_DISEASE, CHRONIC_KIDNEY_DISEASE, COPD, ASTHMA,
		DEPRESSION, SEVERE_MENTAL_ILLNESS, RHEUMATOID_ARTHRITIS, OSTEOARTHRITIS, HYPOTHYROIDISM, MIGRAINE, SLE

	}

	private final SplittableRandom random;

	private final GeneratorCodes codes;

	private final Medicines drugs;

	private final int age;

	private final Sex sex;

	private final Ethnicity ethnicity;

	private final int imdDecile;

	/** The last day of the record: today, or the date of death. */
	private final LocalDate end;

	private final List<Problem> problems = new ArrayList<>();

	private final List<Observation> observations = new ArrayList<>();

	private final List<Medication> medications = new ArrayList<>();

	private final List<Admission> admissions = new ArrayList<>();

	private final Set<Latent> latent = EnumSet.noneOf(Latent.class);

	ClinicalHistory(SplittableRandom random, GeneratorCodes codes, Medicines drugs, int age, Sex sex,
			Ethnicity ethnicity, int imdDecile, LocalDate end) {
		this.random = random;
		this.codes = codes;
		this.drugs = drugs;
		this.age = age;
		this.sex = sex;
		this.ethnicity = ethnicity;
		this.imdDecile = imdDecile;
		this.end = end;
	}

	CodedRecord build() {
		if (age >= 6 && age < 18 && chance(0.05)) {
			// Asthma in children: QOF 2022/23 register 6.5% (aged 6+) across ages
			condition(Cluster.AST_COD, yearsAgo(1, age - 3));
		}
		if (age >= 18) {
			adult();
		}
		problems.sort(Comparator.comparing(Problem::onset));
		observations.sort(Comparator.comparing(Observation::date));
		medications.sort(Comparator.comparing(Medication::start));
		admissions.sort(Comparator.comparing(Admission::date));
		return new CodedRecord(problems, observations, medications, admissions);
	}

	/**
	 * An adult's record: risk factors first, then the latent conditions they raise, then what a practice codes and
	 * prescribes for them, then the readings and tests. Every step draws from the one random stream in this order, so
	 * the same seed gives the same person (reorder nothing here).
	 */
	private void adult() {
		smoking();
		double bmi = bmi();
		cardiometabolicConditions(bmi);
		otherConditions();
		codeCardiovascularConditions();
		codeOtherConditions();
		boolean treated = has(Latent.HYPERTENSION_DIAGNOSED) && chance(0.85);
		if (treated) {
			antihypertensives();
		}
		boolean controlled = treated && chance(0.67);
		boolean cvd = has(Latent.CORONARY_HEART_DISEASE) || has(Latent.STROKE) || has(Latent.PERIPHERAL_ARTERIAL_DISEASE);
		LocalDate statinStart = statins(cvd);
		if (has(Latent.HYPERTENSION_DIAGNOSED) && chance(0.02)) {
			coded(codes.any(random, Cluster.HYPPCADEC_COD, term -> true), daysAgo(1, 500));
		}
		boolean hypertensive = has(Latent.HYPERTENSION);
		boolean type2 = has(Latent.TYPE_2_DIABETES);
		bloodPressures(hypertensive, has(Latent.HYPERTENSION_DIAGNOSED), treated, controlled);
		lipids(statinStart != null, statinStart, type2 || has(Latent.HYPERTENSION_DIAGNOSED) || cvd);
		kidney(has(Latent.CHRONIC_KIDNEY_DISEASE), hypertensive || type2);
		if (age >= 65) {
			frailty();
		}
		admissions();
	}

	/**
	 * Smoking: 11.9% of adults in England smoke (ONS Annual Population Survey 2023), about twice as many in the most
	 * deprived areas as the least (ONS APS by IMD decile); fewer among older people. Nine in ten have a status coded.
	 */
	private void smoking() {
		double smokeAge = age < 35 ? 1.15 : age < 50 ? 1.1 : age < 65 ? 1.0 : 0.55;
		double smokeDeprivation = imdDecile <= 2 ? 1.8 : imdDecile <= 4 ? 1.3 : imdDecile <= 6 ? 1.05 : 0.8;
		boolean smoker = draw(Latent.SMOKER, 0.119 * smokeAge * smokeDeprivation);
		boolean exSmoker = !smoker && draw(Latent.EX_SMOKER, Math.min(0.42, 0.08 + 0.006 * (age - 18)));
		if (!chance(0.9)) {
			return;
		}
		SmokingStatus status = smoker ? SmokingStatus.SMOKER
				: exSmoker ? SmokingStatus.EX_SMOKER : SmokingStatus.NEVER_SMOKED;
		int perDay = smoker ? 1 + Draw.weighted(random, new double[] { 40, 40, 20 }) * 10 + random.nextInt(10) : 0;
		// the codes that name a status ("Cigarette smoker", "Ex-smoker"), not consumption or intentions
		CodeSetEntry code = codes.any(random, status.cluster(),
				term -> term.contains("smoke") && !term.contains("consumption") && !term.contains("stop")
						&& !term.contains("Wants") && !term.contains("Thinking") && !term.contains("Ready")
						&& !term.contains("chewed"));
		observations.add(new Observation(ObservationType.SMOKING_STATUS, null, code.code(), BigDecimal.valueOf(perDay),
				ObservationType.SMOKING_STATUS.unit(), daysAgo(1, 1100), null, status));
	}

	/**
	 * BMI: 64% of adults overweight or obese, 26-29% obese (Health Survey for England 2021/2022, NHS Digital); four in
	 * five have one recorded.
	 */
	private double bmi() {
		double bmiMean = 27.1 + (age < 30 ? -2.0 : age < 45 ? -0.2 : age < 65 ? 0.8 : age < 80 ? 0.6 : -0.9)
				+ (imdDecile <= 3 ? 0.7 : 0) + (ethnicity.qrisk() == Ethnicity.QriskEthnicity.CHINESE ? -3 : 0);
		double bmi = Draw.clamp(Draw.gaussian(random, bmiMean, 4.9), 15.5, 58);
		if (chance(0.8)) {
			observation(ObservationType.BMI, codes.any(random, Cluster.BMIVAL_COD, term -> true).code(), bmi,
					daysAgo(1, 1400), null);
		}
		return bmi;
	}

	/** Hypertension, diabetes and the cardiovascular and kidney conditions, with the risk factors that raise them. */
	private void cardiometabolicConditions(double bmi) {
		boolean obese = bmi >= 30;
		// Hypertension: about 30% of adults have high blood pressure and roughly a third of them do not know
		// (Health Survey for England 2015/2019; PHE "Health matters: combating high blood pressure", 2017).
		// QOF 2022/23 recorded prevalence: 14.5% of all registered patients in England.
		double htnAge = age < 30 ? 0.035 : age < 40 ? 0.07 : age < 50 ? 0.14 : age < 60 ? 0.27 : age < 70 ? 0.41
				: age < 80 ? 0.53 : 0.6;
		boolean hypertensive = draw(Latent.HYPERTENSION,
				Math.min(0.9, htnAge * (obese ? 1.35 : 1) * (black() ? 1.3 : 1) * (imdDecile <= 3 ? 1.1 : 1)));
		double diagnosedShare = age < 40 ? 0.38 : age < 60 ? 0.58 : age < 80 ? 0.72 : 0.78;
		if (hypertensive) {
			draw(Latent.HYPERTENSION_DIAGNOSED, diagnosedShare);
		}
		// Type 2 diabetes: QOF 2022/23 diabetes register 7.5% of people aged 17+ in England; about 2-4 times as
		// common in South Asian people and 2-3 times in Black people (Diabetes UK), and with obesity.
		double t2Age = age < 40 ? 0.007 : age < 50 ? 0.03 : age < 60 ? 0.06 : age < 70 ? 0.095 : 0.115;
		boolean type2 = draw(Latent.TYPE_2_DIABETES, t2Age * (southAsian() ? 2.2 : black() ? 1.7 : 1)
				* (obese ? 2.0 : bmi >= 25 ? 1.0 : 0.4) * deprivation());
		// Type 1 diabetes: about 0.5% of people (National Diabetes Audit 2022/23: ~8% of people with diabetes)
		if (!type2) {
			draw(Latent.TYPE_1_DIABETES, 0.005);
		}
		cardiovascularConditions();
	}

	private void cardiovascularConditions() {
		// AF: QOF 2022/23 2.1% of all patients, steeply age-related
		draw(Latent.ATRIAL_FIBRILLATION, age < 40 ? 0.0005 : age < 55 ? 0.004 : age < 65 ? 0.015 : age < 75 ? 0.045
				: age < 85 ? 0.1 : 0.16);
		// CHD: QOF 2022/23 3.0%; more common in men and South Asian people
		boolean chd = draw(Latent.CORONARY_HEART_DISEASE, (age < 45 ? 0.002 : age < 55 ? 0.015 : age < 65 ? 0.04
				: age < 75 ? 0.08 : age < 85 ? 0.13 : 0.17) * (sex == Sex.MALE ? 1.3 : 0.55)
				* (southAsian() ? 1.5 : 1) * deprivation());
		// Stroke and TIA: QOF 2022/23 1.8%
		draw(Latent.STROKE, age < 55 ? 0.003 : age < 65 ? 0.015 : age < 75 ? 0.035 : age < 85 ? 0.07 : 0.11);
		// Heart failure: QOF 2022/23 1.0%
		draw(Latent.HEART_FAILURE, (age < 55 ? 0.001 : age < 65 ? 0.005 : age < 75 ? 0.015 : age < 85 ? 0.04 : 0.08)
				* (chd ? 3 : 1));
		// Peripheral arterial disease: QOF 2022/23 0.6%
		draw(Latent.PERIPHERAL_ARTERIAL_DISEASE, (age < 55 ? 0.001 : age < 65 ? 0.008 : 0.025) * (smokes() ? 1.8 : 0.6));
		// CKD stage 3-5: QOF 2022/23 4.1% of people aged 18+
		draw(Latent.CHRONIC_KIDNEY_DISEASE, (age < 40 ? 0.002 : age < 60 ? 0.01 : age < 70 ? 0.04 : age < 80 ? 0.11
				: 0.25) * (has(Latent.HYPERTENSION) || has(Latent.TYPE_2_DIABETES) ? 1.5 : 1));
	}

	/** Respiratory, mental health, musculoskeletal and other long-term conditions. */
	private void otherConditions() {
		// COPD: QOF 2022/23 1.9%, mostly in people who smoke or smoked
		if (age >= 40) {
			draw(Latent.COPD, (age < 60 ? 0.01 : age < 70 ? 0.035 : 0.06) * (smokes() ? 2.5 : 0.3) * deprivation());
		}
		// Asthma: QOF 2022/23 6.5% of people aged 6+
		draw(Latent.ASTHMA, 0.07);
		// Depression: QOF 2022/23 13.2% of people aged 18+
		draw(Latent.DEPRESSION, (age < 65 ? 0.16 : 0.1) * deprivation());
		// Severe mental illness: QOF 2022/23 0.95%
		draw(Latent.SEVERE_MENTAL_ILLNESS, 0.01 * deprivation());
		// Rheumatoid arthritis: QOF 2022/23 0.77% of people aged 16+
		draw(Latent.RHEUMATOID_ARTHRITIS, age < 40 ? 0.003 : age < 65 ? 0.008 : 0.015);
		// Osteoarthritis: about 1 in 5 people aged 45+ have sought treatment for it (Versus Arthritis, State of
		// Musculoskeletal Health 2023)
		draw(Latent.OSTEOARTHRITIS, age < 45 ? 0.01 : age < 65 ? 0.1 : age < 75 ? 0.2 : 0.3);
		// Hypothyroidism: QOF 2022/23 3.6%, mostly women
		draw(Latent.HYPOTHYROIDISM, sex == Sex.FEMALE ? 0.055 : 0.012);
		// Migraine recorded in primary care: about 1 in 7 people have migraine (Migraine Trust); about a third of
		// them have it coded
		if (age < 65) {
			draw(Latent.MIGRAINE, sex == Sex.FEMALE ? 0.06 : 0.02);
		}
		if (sex == Sex.FEMALE) {
			draw(Latent.SLE, 0.001);
		}
	}

	/** The diagnoses and treatments a practice codes for the cardiovascular and metabolic conditions. */
	private void codeCardiovascularConditions() {
		if (has(Latent.HYPERTENSION_DIAGNOSED)) {
			codeHypertension();
		}
		if (has(Latent.TYPE_2_DIABETES)) {
			condition(Cluster.DMTYPE2_COD, yearsAgo(1, Math.min(20, age - 25)), Cluster.DM_COD);
		}
		if (has(Latent.TYPE_1_DIABETES)) {
			condition(Cluster.DMTYPE1_COD, yearsAgo(3, Math.min(40, age - 2)), Cluster.DM_COD);
		}
		if (has(Latent.ATRIAL_FIBRILLATION)) {
			codeAtrialFibrillation();
		}
		if (has(Latent.CORONARY_HEART_DISEASE)) {
			condition(Cluster.CHD_COD, yearsAgo(1, 20));
			if (chance(0.35)) {
				// several codes per condition, as practices record an angina diagnosis and a later infarction
				condition(Cluster.CHD_COD, yearsAgo(1, 15));
			}
			medicationMaybe(0.5, drugs.bisoprolol());
		}
		if (has(Latent.STROKE)) {
			condition(chance(0.6) ? Cluster.STRK_COD : Cluster.TIA_COD, yearsAgo(1, 15));
		}
		if (has(Latent.HEART_FAILURE)) {
			condition(Cluster.HF_COD, yearsAgo(0, 10));
			medicationMaybe(0.8, drugs.furosemide());
		}
		if (has(Latent.PERIPHERAL_ARTERIAL_DISEASE)) {
			condition(Cluster.PAD_COD, yearsAgo(1, 12));
		}
		if (has(Latent.CHRONIC_KIDNEY_DISEASE)) {
			condition(Cluster.CKD_COD, yearsAgo(0, 10));
		}
	}

	private void codeHypertension() {
		LocalDate diagnosed = yearsAgo(1, Math.min(25, age - 25));
		condition(Cluster.HYP_COD, diagnosed);
		// A few diagnoses are later resolved (QOF HYPRES_COD): off the register unless coded again
		if (chance(0.02)) {
			coded(codes.any(random, Cluster.HYPRES_COD, term -> true), later(diagnosed));
			latent.remove(Latent.HYPERTENSION_DIAGNOSED);
		}
	}

	private void codeAtrialFibrillation() {
		condition(Cluster.AFIB_COD, yearsAgo(0, 12));
		if (chance(0.7)) {
			medication(drugs.apixaban(), yearsAgo(0, 6), null);
		}
		else if (chance(0.3)) {
			medication(drugs.warfarin(), yearsAgo(1, 10), null);
		}
		medicationMaybe(0.5, drugs.bisoprolol());
	}

	/** The diagnoses and treatments a practice codes for the other long-term conditions. */
	private void codeOtherConditions() {
		if (has(Latent.COPD)) {
			condition(Cluster.COPD_COD, yearsAgo(1, 15));
		}
		if (has(Latent.ASTHMA)) {
			condition(Cluster.AST_COD, yearsAgo(1, Math.min(40, age - 2)));
		}
		if (has(Latent.DEPRESSION)) {
			codeDepression();
		}
		if (has(Latent.SEVERE_MENTAL_ILLNESS)) {
			condition(Cluster.MH_COD, yearsAgo(2, Math.min(30, age - 16)));
			if (chance(0.7)) {
				medication(Draw.pick(random, drugs.antipsychotics().toArray(Medicine[]::new)), yearsAgo(0, 10), null);
			}
		}
		if (has(Latent.RHEUMATOID_ARTHRITIS)) {
			condition(Cluster.RARTH_COD, yearsAgo(1, 20));
			medicationMaybe(0.25, drugs.prednisolone());
		}
		if (has(Latent.COPD) && chance(0.08)) {
			medication(drugs.prednisolone(), yearsAgo(0, 3), null);
		}
		codeUnregisteredConditions();
	}

	private void codeDepression() {
		LocalDate onset = yearsAgo(0, Math.min(20, age - 16));
		CodeSetEntry code = codes.condition(random, Cluster.DEPR_COD);
		LocalDate ended = chance(0.3) ? later(onset) : null;
		problems.add(Problem.of(code.code(), code.term(), onset, ended));
		if (ended != null) {
			// an episode that ended is coded resolved (QOF DEPRES_COD), which takes the person off the depression
			// register; the list's first code, so the draws for everyone after are unchanged
			coded(codes.first(Cluster.DEPRES_COD), ended);
		}
	}

	/** Conditions the eFI or the QRISK3 inputs read, coded from their own clusters. */
	private void codeUnregisteredConditions() {
		if (has(Latent.OSTEOARTHRITIS)) {
			coded(codes.any(random, Cluster.EFI_ARTHRITIS, term -> term.startsWith("Osteoarthritis")), yearsAgo(1, 15));
		}
		if (has(Latent.HYPOTHYROIDISM)) {
			coded(codes.any(random, Cluster.EFI_THYROID_DISEASE, term -> term.startsWith("Hypothyroidism")),
					yearsAgo(1, 25));
		}
		if (has(Latent.MIGRAINE)) {
			condition(Cluster.MIGRAINE, yearsAgo(1, Math.min(20, age - 12)));
		}
		if (has(Latent.SLE)) {
			condition(Cluster.SLE, yearsAgo(1, 15));
		}
	}

	/**
	 * Treated hypertension: about 85% of people on the register take an antihypertensive, one to three of them;
	 * about two-thirds of them are treated to target (CVDPREVENT 2023: ~67% of people with hypertension treated to
	 * target).
	 */
	private void antihypertensives() {
		List<Medicine> antihypertensives = drugs.antihypertensives();
		int count = 1 + Draw.weighted(random, new double[] { 55, 33, 12 });
		int first = random.nextInt(antihypertensives.size());
		for (int d = 0; d < count; d++) {
			medication(antihypertensives.get((first + d) % antihypertensives.size()), yearsAgo(0, 12), null);
		}
	}

	/**
	 * Statins: most people with CVD (secondary prevention), many with diabetes or a high QRISK; about 8m people in
	 * England take one (NICE NG238 committee discussion). The start of the current statin, or null for none.
	 */
	@Nullable
	private LocalDate statins(boolean cvd) {
		boolean htnDiagnosed = has(Latent.HYPERTENSION_DIAGNOSED);
		double statinChance = cvd ? 0.8 : (has(Latent.TYPE_2_DIABETES) && age >= 40) ? 0.6
				: (htnDiagnosed && age >= 50) ? 0.4 : age >= 60 ? 0.12 : age >= 45 ? 0.04 : 0;
		if (!chance(statinChance)) {
			if (age >= 40 && chance(0.03)) {
				// Statin personalised care adjustments coded by the practice (QOF STATNIND/STATINTOL clusters)
				coded(codes.any(random, chance(0.5) ? Cluster.STATNIND_COD : Cluster.STATINTOL_COD, term -> true),
						daysAgo(1, 700));
			}
			return null;
		}
		Medicine product = cvd ? drugs.atorvastatin80() : chance(0.8) ? drugs.atorvastatin20() : drugs.simvastatin40();
		LocalDate statinStart = yearsAgo(0, 12);
		medication(product, statinStart, null);
		if (chance(0.06)) {
			// Stopped statins (side effects, choice) stay on the record with an end date
			LocalDate start = yearsAgo(3, 10);
			medication(drugs.simvastatin40(), start, later(start));
		}
		return statinStart;
	}


	/** Whether the person has the condition or risk factor (drawing the chance of it), as the record then shows. */
	private boolean draw(Latent condition, double probability) {
		if (chance(probability)) {
			latent.add(condition);
			return true;
		}
		return false;
	}

	private boolean has(Latent condition) {
		return latent.contains(condition);
	}

	private boolean smokes() {
		return has(Latent.SMOKER) || has(Latent.EX_SMOKER);
	}

	private boolean southAsian() {
		return switch (ethnicity.qrisk()) {
			case INDIAN, PAKISTANI, BANGLADESHI, OTHER_ASIAN -> true;
			default -> false;
		};
	}

	private boolean black() {
		return ethnicity.qrisk() == Ethnicity.QriskEthnicity.BLACK_AFRICAN
				|| ethnicity.qrisk() == Ethnicity.QriskEthnicity.BLACK_CARIBBEAN;
	}

	/** Most conditions are commoner in more deprived areas (IMD deciles 1-4) and rarer in the least (8-10). */
	private double deprivation() {
		return imdDecile <= 2 ? 1.35 : imdDecile <= 4 ? 1.15 : imdDecile >= 8 ? 0.9 : 1.0;
	}

	/**
	 * Blood pressure history. Everyone has a usual blood pressure; readings scatter around it. Undiagnosed
	 * hypertension shows as readings at or above 140/90 with no diagnosis (the CVDPREVENT CVDP005HYP-style case
	 * finding cohort); a few people have a severe reading (180/120 or more) in the last month.
	 */
	private void bloodPressures(boolean hypertensive, boolean diagnosed, boolean treated, boolean controlled) {
		double usualSystolic;
		if (!hypertensive) {
			usualSystolic = Math.min(133, Draw.gaussian(random, 116 + 0.25 * (age - 18), 8));
		}
		else if (treated) {
			usualSystolic = controlled ? Draw.gaussian(random, 128, 5) : Draw.gaussian(random, 151, 8);
		}
		else {
			usualSystolic = Draw.gaussian(random, 152, 9);
		}
		// Isolated systolic hypertension in older people: diastolic falls with age after 60
		double usualDiastolic = usualSystolic * 0.5 + 18 - (age > 60 ? (age - 60) * 0.25 : 0)
				+ Draw.gaussian(random, 0, 4);

		int readings;
		int lookbackDays;
		if (diagnosed) {
			readings = 2 + random.nextInt(4);
			lookbackDays = 1500;
		}
		else if (age >= 40) {
			// NHS Health Check every 5 years from 40; about 3 in 4 have a reading in 5 years
			readings = chance(0.75) ? 1 + random.nextInt(3) : 0;
			lookbackDays = 1800;
		}
		else {
			readings = chance(0.4) ? 1 : 0;
			lookbackDays = 1800;
		}
		for (int r = 0; r < readings; r++) {
			BloodPressureSetting setting = SETTINGS[Draw.weighted(random, SETTING_WEIGHTS)];
			// Home and ambulatory averages run lower (white-coat effect; NICE NG136 uses 135/85 for them)
			double offset = setting.average() ? -5 : 0;
			double systolic = Draw.gaussian(random, usualSystolic + offset, 7);
			double diastolic = Draw.gaussian(random, usualDiastolic + offset / 2, 5);
			bloodPressure(systolic, diastolic, daysAgo(1, lookbackDays), setting);
		}
		// Severe readings: about 1 in 50 people with (treated or not) hypertension has a recent reading in the
		// severe range; these need same-day assessment (NICE NG136 1.5)
		if (age >= 30 && chance(hypertensive ? 0.02 : 0.0008)) {
			bloodPressure(180 + random.nextInt(25), 105 + random.nextInt(20), daysAgo(0, 30),
					chance(0.6) ? BloodPressureSetting.CLINIC : BloodPressureSetting.PHARMACY);
		}
	}

	private void bloodPressure(double systolic, double diastolic, LocalDate date, BloodPressureSetting setting) {
		String[] recorded = RecordCodes.standard().recordingCodes(setting);
		observation(ObservationType.SYSTOLIC_BP, recorded[0], Math.round(Draw.clamp(systolic, 85, 230)), date,
				setting);
		observation(ObservationType.DIASTOLIC_BP, recorded[1], Math.round(Draw.clamp(diastolic, 45, 135)), date,
				setting);
	}

	/**
	 * Total and HDL cholesterol, tested at NHS Health Checks and in chronic disease reviews; someone who started a
	 * statin usually has a baseline test before and a check about 3 months after (NICE NG238).
	 */
	private void lipids(boolean statin, @Nullable LocalDate statinStart, boolean chronicReview) {
		if (age < 30 || !chance(chronicReview ? 0.9 : age >= 40 ? 0.55 : 0.15)) {
			return;
		}
		double baseline = Draw.gaussian(random, 5.2 + (age >= 40 && age < 65 ? 0.3 : 0), 0.95);
		double hdl = sex == Sex.FEMALE ? Draw.gaussian(random, 1.55, 0.38) : Draw.gaussian(random, 1.25, 0.3);
		if (statin && statinStart != null && statinStart.isAfter(end.minusYears(4)) && chance(0.5)) {
			lipidPair(baseline, hdl, statinStart.minusDays(7 + random.nextInt(60)));
			// non-HDL falls by 40% or more on a statin taken as prescribed; by less for about a third
			double fall = chance(0.65) ? 0.40 + random.nextDouble() * 0.15 : 0.1 + random.nextDouble() * 0.28;
			LocalDate check = statinStart.plusDays(75 + random.nextInt(40));
			if (!check.isAfter(end)) {
				lipidPair(hdl + (baseline - hdl) * (1 - fall), hdl, check);
			}
			return;
		}
		lipidPair(baseline - (statin ? 1.3 : 0), hdl, daysAgo(1, 1500));
	}

	private void lipidPair(double total, double hdl, LocalDate date) {
		observation(ObservationType.TOTAL_CHOLESTEROL, codes.any(random, Cluster.CHOL2_COD, term -> true).code(),
				Draw.clamp(total, 2.2, 11), date, null);
		observation(ObservationType.HDL_CHOLESTEROL, codes.any(random, Cluster.HDLCCHOL_COD, term -> true).code(),
				Draw.clamp(hdl, 0.5, 3.2), date, null);
	}

	private void kidney(boolean ckd, boolean atRisk) {
		if (!(ckd || ((atRisk || age >= 60) && chance(0.7)))) {
			return;
		}
		double egfr = ckd ? 30 + random.nextInt(30) : Math.max(60, Draw.gaussian(random, 95 - 0.5 * (age - 30), 11));
		observation(ObservationType.EGFR,
				codes.any(random, Cluster.EGFR, term -> term.startsWith("Estimated glomerular filtration rate"))
					.code(),
				Math.min(120, egfr), daysAgo(1, 700), null);
	}

	/**
	 * Frailty deficits for people aged 65+, more with age, so the eFI spreads roughly as Clegg et al. found: about
	 * half fit, a third mild, one in eight moderate and a few severe (Clegg et al., Age Ageing 2016;45:353).
	 */
	private void frailty() {
		double mean = age < 70 ? MEAN_DEFICITS[0] : age < 75 ? MEAN_DEFICITS[1] : age < 80 ? MEAN_DEFICITS[2]
				: age < 85 ? MEAN_DEFICITS[3] : age < 90 ? MEAN_DEFICITS[4] : MEAN_DEFICITS[5];
		int count = Math.min(FRAILTY_DEFICITS.size(), Draw.poisson(random, mean));
		double[] weights = DEFICIT_WEIGHTS.clone();
		for (int i = 0; i < count; i++) {
			int pick = Draw.weighted(random, weights);
			weights[pick] = 0;
			Deficit deficit = FRAILTY_DEFICITS.get(pick);
			condition(deficit.cluster(), yearsAgo(0, 6));
		}
	}

	/**
	 * Unplanned admissions concentrate in older people with several conditions; planned ones are mostly
	 * elective procedures after 50.
	 */
	private void admissions() {
		if (age >= 65) {
			double chance = Math.min(0.6, 0.03 + 0.035 * problems.size());
			if (chance(chance)) {
				int count = 1 + Draw.weighted(random, new double[] { 65, 25, 10 });
				for (int i = 0; i < count; i++) {
					admissions.add(new Admission(daysAgo(1, 730), false, Draw.pick(random, UNPLANNED_REASONS)));
				}
			}
		}
		else if (chance(problems.size() >= 2 ? 0.03 : 0.008)) {
			admissions.add(new Admission(daysAgo(1, 730), false, Draw.pick(random, UNPLANNED_REASONS)));
		}
		if (age >= 50 && chance(0.04)) {
			admissions.add(new Admission(daysAgo(1, 1095), true, Draw.pick(random, PLANNED_REASONS)));
		}
		emergencyAttendances();
	}

	/**
	 * A&amp;E attendances, drawn after everything else so that adding them left the rest of each person as it was:
	 * most emergency admissions come through A&amp;E (an attendance the same day), and older people with several
	 * conditions attend without being admitted too.
	 */
	private void emergencyAttendances() {
		List<Admission> attendances = new ArrayList<>();
		for (Admission admission : admissions) {
			if (admission.unplanned() && chance(0.7)) {
				attendances.add(new Admission(admission.date(), false, admission.reason(), true));
			}
		}
		double chance = age >= 65 ? Math.min(0.5, 0.05 + 0.03 * problems.size()) : problems.size() >= 2 ? 0.06 : 0.03;
		if (chance(chance)) {
			int count = 1 + Draw.weighted(random, new double[] { 60, 25, 15 });
			for (int i = 0; i < count; i++) {
				attendances.add(new Admission(daysAgo(1, 730), false, Draw.pick(random, UNPLANNED_REASONS), true));
			}
		}
		admissions.addAll(attendances);
	}

	private boolean chance(double probability) {
		return Draw.chance(random, probability);
	}

	/** A diagnosis drawn from a register cluster (or eFI deficit cluster), in no other register. */
	private void condition(Cluster cluster, LocalDate onset, Cluster... alsoIn) {
		coded(codes.condition(random, cluster, alsoIn), onset);
	}

	private void coded(CodeSetEntry code, LocalDate onset) {
		problems.add(Problem.of(code.code(), code.term(), onset, null));
	}

	private void medication(Medicine medicine, LocalDate start, @Nullable LocalDate stop) {
		medications.add(Medication.of(medicine.code(random), medicine.name(), start, stop));
	}

	private void medicationMaybe(double probability, Medicine medicine) {
		if (chance(probability)) {
			medication(medicine, yearsAgo(0, 8), null);
		}
	}

	private void observation(ObservationType type, String code, double value, LocalDate date,
			@Nullable BloodPressureSetting setting) {
		observations.add(new Observation(type, null, code, BigDecimal.valueOf(Math.round(value * 10), 1),
				type.unit(), date, setting, null));
	}

	private LocalDate daysAgo(int min, int max) {
		return end.minusDays(min + random.nextInt(Math.max(1, max - min + 1)));
	}

	private LocalDate yearsAgo(int min, int max) {
		int upper = Math.max(min, max);
		return end.minusDays(min * 365L + random.nextInt(Math.max(1, (upper - min) * 365 + 1)));
	}

	private LocalDate later(LocalDate start) {
		long days = ChronoUnit.DAYS.between(start, end);
		return start.plusDays(1 + random.nextInt((int) Math.max(1, days - 1)));
	}

	private LocalDate notBefore(LocalDate start) {
		return start.isAfter(end.minusDays(30)) ? start : later(start);
	}

}
