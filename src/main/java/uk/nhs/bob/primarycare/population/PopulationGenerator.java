package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.CodedRecord.Admission;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;

/**
 * Generates a synthetic BOB population, one person at a time, so any size streams through a fixed amount of memory.
 * Every person is drawn from their own random stream (seed and position), so the same seed, size, practices and
 * reference date give the same people and records.
 * <p>
 * Prevalence figures cite their source; they are England-wide unless noted, and BOB, being less deprived than
 * England, comes out a little lower where deprivation drives them. These are for demonstration, not epidemiology.
 */
final class PopulationGenerator {

	/**
	 * Share of the population in each five-year age band 0-4 ... 85-89 and 90+. Shaped on the ONS mid-2021 estimates
	 * for England: about 19% under 16 and about 19% aged 65 and over.
	 */
	private static final double[] AGE_BANDS = { 5.6, 6.0, 6.2, 5.8, 5.6, 6.0, 6.4, 6.6, 6.5, 6.5, 7.0, 6.9, 6.0, 5.1,
			5.0, 3.8, 2.6, 1.6, 0.9 };

	// Ethnic group mix, in Ethnicity.values() order (A, B, C1, C2, C, D, E, F, G, H, J, K, R, L, M, N, P, S1, S, Z).
	// Approximations of Census 2021 (ONS TS021) for the kinds of area the demo practices serve: most of BOB is about
	// 85-90% White British; High Wycombe has a large Pakistani community; Reading and Oxford are the most diverse;
	// Aylesbury, Banbury and the towns next to Slough sit between.
	private static final double[] ETHNICITY_DEFAULT = { 86, 1, 0.1, 0.1, 5.5, 0.7, 0.2, 0.8, 0.5, 1.2, 0.6, 0.2, 0.6,
			0.7, 0.3, 0.6, 0.1, 0.1, 0.4, 0.3 };

	private static final double[] ETHNICITY_MIXED_TOWN = { 74, 1, 0.2, 0.3, 8, 1.2, 0.3, 1, 0.7, 2.5, 5, 0.3, 0.6,
			1.2, 0.6, 1.2, 0.3, 0.2, 0.6, 0.5 };

	private static final double[] ETHNICITY_WYCOMBE = { 56, 1, 0.3, 0.4, 8, 1.8, 0.4, 1.2, 0.8, 3, 16, 1, 0.6, 2.5,
			1.8, 2, 0.6, 0.3, 1, 0.6 };

	private static final double[] ETHNICITY_READING = { 52, 1, 0.1, 0.5, 11, 1.6, 0.8, 1.3, 1, 7, 5, 1, 2, 4, 2, 5.5,
			1, 0.5, 1.5, 0.5 };

	private static final double[] ETHNICITY_OXFORD = { 62, 1.2, 0.1, 0.3, 13, 1, 0.6, 1.5, 1.2, 2.5, 3, 1.5, 3, 2.5, 1,
			2.5, 0.5, 0.6, 1.5, 0.5 };

	private static final Map<String, double[]> ETHNICITY_BY_DISTRICT = Map.ofEntries(
			Map.entry("HP11", ETHNICITY_WYCOMBE), Map.entry("HP12", ETHNICITY_WYCOMBE),
			Map.entry("HP13", ETHNICITY_WYCOMBE), Map.entry("RG1", ETHNICITY_READING),
			Map.entry("RG2", ETHNICITY_READING), Map.entry("RG30", ETHNICITY_READING),
			Map.entry("OX1", ETHNICITY_OXFORD), Map.entry("OX2", ETHNICITY_OXFORD), Map.entry("OX3", ETHNICITY_OXFORD),
			Map.entry("OX4", ETHNICITY_OXFORD), Map.entry("HP19", ETHNICITY_MIXED_TOWN),
			Map.entry("HP20", ETHNICITY_MIXED_TOWN), Map.entry("HP21", ETHNICITY_MIXED_TOWN),
			Map.entry("OX16", ETHNICITY_MIXED_TOWN), Map.entry("SL7", ETHNICITY_MIXED_TOWN),
			Map.entry("SL8", ETHNICITY_MIXED_TOWN), Map.entry("SL9", ETHNICITY_MIXED_TOWN),
			Map.entry("HP9", ETHNICITY_MIXED_TOWN), Map.entry("RG5", ETHNICITY_MIXED_TOWN),
			Map.entry("RG4", ETHNICITY_MIXED_TOWN));

	private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

	private static final BloodPressureSetting[] SETTINGS = BloodPressureSetting.values();

	// Clinic readings dominate; community pharmacy BP checks (since 2021) and home monitoring add the rest.
	private static final double[] SETTING_WEIGHTS = { 72, 10, 15, 3 };

	private record Deficit(String code, String term, double weight) {
	}

	// eFI deficits (Clegg et al. 2016; DOMAIN.md B7) that this generator codes on top of the long-term conditions
	// that also count as deficits (hypertension, AF, CKD, diabetes, heart failure...).
	private static final List<Deficit> FRAILTY_DEFICITS = List.of(
			new Deficit(ProblemCodes.FALLS, "History of falls", 3),
			new Deficit(ProblemCodes.MEMORY_IMPAIRMENT, "Memory impairment", 2),
			new Deficit(ProblemCodes.DEMENTIA, "Dementia", 1),
			new Deficit(ProblemCodes.URINARY_INCONTINENCE, "Urinary incontinence", 2),
			new Deficit(ProblemCodes.OSTEOPOROSIS, "Osteoporosis", 1.5),
			new Deficit(ProblemCodes.HEARING_LOSS, "Hearing loss", 2.5),
			new Deficit(ProblemCodes.VISUAL_IMPAIRMENT, "Visual impairment", 1.5),
			new Deficit(ProblemCodes.HOUSEBOUND, "Housebound", 0.8),
			new Deficit(ProblemCodes.FRACTURED_NECK_OF_FEMUR, "Fracture of neck of femur", 0.5),
			new Deficit(ProblemCodes.DIZZINESS, "Dizziness", 1.5), new Deficit(ProblemCodes.DYSPNOEA, "Dyspnoea", 1.5),
			new Deficit(ProblemCodes.ANAEMIA, "Anaemia", 1.2), new Deficit(ProblemCodes.SKIN_ULCER, "Skin ulcer", 0.7),
			new Deficit(ProblemCodes.INSOMNIA, "Insomnia", 1.2), new Deficit(ProblemCodes.LIVES_ALONE, "Lives alone", 2),
			new Deficit(ProblemCodes.WEIGHT_LOSS, "Weight loss", 0.8),
			new Deficit(ProblemCodes.DIFFICULTY_WALKING, "Difficulty walking", 2),
			new Deficit(ProblemCodes.PARKINSONS_DISEASE, "Parkinson's disease", 0.3));

	private static final double[] DEFICIT_WEIGHTS = FRAILTY_DEFICITS.stream().mapToDouble(Deficit::weight).toArray();

	private static final String[] UNPLANNED_REASONS = { "Fall", "Chest infection", "Urinary tract infection",
			"Chest pain", "Shortness of breath", "Acute confusion", "Cellulitis" };

	private static final String[] PLANNED_REASONS = { "Cataract surgery", "Hip replacement", "Knee replacement",
			"Colonoscopy", "Hernia repair" };

	private final List<PracticeSummary> practices;

	private final long seed;

	private final LocalDate today;

	private final SyntheticLsoas lsoas;

	PopulationGenerator(List<PracticeSummary> practices, long seed, LocalDate today) {
		if (practices.isEmpty()) {
			throw new IllegalArgumentException("The population needs practices to register at");
		}
		this.practices = List.copyOf(practices);
		this.seed = seed;
		this.today = today;
		this.lsoas = new SyntheticLsoas(practices.stream().map(p -> p.postcode().outward()).toList(), seed);
	}

	SyntheticLsoas lsoas() {
		return lsoas;
	}

	/** Generates {@code size} people, practice by practice, in increasing NHS number order. */
	void generate(int size, Consumer<GeneratedPerson> sink) {
		SplittableRandom listSizes = new SplittableRandom(seed);
		double[] weights = new double[practices.size()];
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			// List sizes vary about threefold between small and large practices
			weights[i] = 0.55 + listSizes.nextDouble();
			total += weights[i];
		}
		SyntheticNhsNumbers nhsNumbers = new SyntheticNhsNumbers();
		long index = 0;
		int remaining = size;
		for (int i = 0; i < practices.size(); i++) {
			int count = i == practices.size() - 1 ? remaining
					: (int) Math.min(remaining, Math.round(size * weights[i] / total));
			remaining -= count;
			PracticeSummary practice = practices.get(i);
			for (int n = 0; n < count; n++) {
				sink.accept(person(new SplittableRandom(mix(seed, index++)), nhsNumbers.next(), practice));
			}
		}
	}

	private static long mix(long seed, long index) {
		long z = seed * 0x9E3779B97F4A7C15L + index;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private GeneratedPerson person(SplittableRandom random, String nhsNumber, PracticeSummary practice) {
		int band = Draw.weighted(random, AGE_BANDS);
		int age = band == AGE_BANDS.length - 1 ? 90 + Math.min(Draw.poisson(random, 3.0), 14)
				: band * 5 + random.nextInt(5);
		LocalDate dateOfBirth = today.minusYears(age).minusDays(1 + random.nextInt(364));
		// More women than men in old age (ONS mid-year estimates)
		double femaleShare = age >= 85 ? 0.62 : age >= 70 ? 0.54 : 0.5;
		Sex sex = Draw.chance(random, femaleShare) ? Sex.FEMALE : Sex.MALE;

		String district = homeDistrict(random, practice);
		List<SyntheticLsoas.Lsoa> areas = lsoas.inDistrict(district);
		SyntheticLsoas.Lsoa lsoa = areas.get(random.nextInt(areas.size()));
		String postcode = district + " " + (1 + random.nextInt(9)) + INWARD_LETTERS.charAt(random.nextInt(20))
				+ INWARD_LETTERS.charAt(random.nextInt(20));
		Ethnicity ethnicity = Ethnicity.values()[Draw.weighted(random,
				ETHNICITY_BY_DISTRICT.getOrDefault(district, ETHNICITY_DEFAULT))];
		String given = SyntheticNames.given(random, ethnicity, sex);
		String family = SyntheticNames.family(random, ethnicity);

		// Deaths in the last two years stay on the record with their date (registrations end at death)
		double deathChance = age >= 85 ? 0.06 : age >= 75 ? 0.025 : age >= 65 ? 0.01 : 0.001;
		LocalDate dateOfDeath = Draw.chance(random, deathChance) ? today.minusDays(1 + random.nextInt(730)) : null;
		if (dateOfDeath != null && !dateOfDeath.isAfter(dateOfBirth)) {
			dateOfDeath = null;
		}
		CodedRecord record = new ClinicalHistory(random, age, sex, ethnicity, lsoa.imdDecile(),
				dateOfDeath == null ? today : dateOfDeath)
			.build();
		return new GeneratedPerson(nhsNumber, given, family, dateOfBirth, sex, ethnicity, postcode, lsoa.code(),
				lsoa.imdDecile(), practice.odsCode().value(), dateOfDeath, record);
	}

	/** Most people live in the practice's own postcode district; some in a neighbouring practice's district. */
	private String homeDistrict(SplittableRandom random, PracticeSummary practice) {
		if (Draw.chance(random, 0.8)) {
			return practice.postcode().outward();
		}
		List<PracticeSummary> sameSite = new ArrayList<>();
		for (PracticeSummary other : practices) {
			if (other.siteCode().equals(practice.siteCode())) {
				sameSite.add(other);
			}
		}
		return sameSite.get(random.nextInt(sameSite.size())).postcode().outward();
	}

	/** The coded record of one person, built from latent risk factors and conditions. */
	private static final class ClinicalHistory {

		private final SplittableRandom random;

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

		ClinicalHistory(SplittableRandom random, int age, Sex sex, Ethnicity ethnicity, int imdDecile, LocalDate end) {
			this.random = random;
			this.age = age;
			this.sex = sex;
			this.ethnicity = ethnicity;
			this.imdDecile = imdDecile;
			this.end = end;
		}

		CodedRecord build() {
			if (age >= 6 && age < 18 && chance(0.05)) {
				// Asthma in children: QOF 2022/23 register 6.5% (aged 6+) across ages
				problem(ProblemCodes.ASTHMA, "Asthma", yearsAgo(1, age - 3));
				medication(MedicationCategory.RESPIRATORY, "Salbutamol 100micrograms/dose inhaler", "372897005",
						yearsAgo(0, 3), null);
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

		private void adult() {
			boolean male = sex == Sex.MALE;
			boolean southAsian = switch (ethnicity.qrisk()) {
				case INDIAN, PAKISTANI, BANGLADESHI, OTHER_ASIAN -> true;
				default -> false;
			};
			boolean black = ethnicity.qrisk() == Ethnicity.QriskEthnicity.BLACK_AFRICAN
					|| ethnicity.qrisk() == Ethnicity.QriskEthnicity.BLACK_CARIBBEAN;
			double deprivation = imdDecile <= 2 ? 1.35 : imdDecile <= 4 ? 1.15 : imdDecile >= 8 ? 0.9 : 1.0;

			// Smoking: 11.9% of adults in England smoke (ONS Annual Population Survey 2023), about twice as many in
			// the most deprived areas as the least (ONS APS by IMD decile); fewer among older people.
			double smokeAge = age < 35 ? 1.15 : age < 50 ? 1.1 : age < 65 ? 1.0 : 0.55;
			double smokeDeprivation = imdDecile <= 2 ? 1.8 : imdDecile <= 4 ? 1.3 : imdDecile <= 6 ? 1.05 : 0.8;
			boolean smoker = chance(0.119 * smokeAge * smokeDeprivation);
			boolean exSmoker = !smoker && chance(Math.min(0.42, 0.08 + 0.006 * (age - 18)));
			if (chance(0.9)) {
				SmokingStatus status = smoker ? SmokingStatus.SMOKER
						: exSmoker ? SmokingStatus.EX_SMOKER : SmokingStatus.NEVER_SMOKED;
				int perDay = smoker ? 1 + Draw.weighted(random, new double[] { 40, 40, 20 }) * 10 + random.nextInt(10)
						: 0;
				observation(ObservationType.SMOKING_STATUS, status.snomedCode(), perDay, daysAgo(1, 1100), null);
			}

			// BMI: 64% of adults overweight or obese, 26-29% obese (Health Survey for England 2021/2022, NHS Digital)
			double bmiMean = 27.1 + (age < 30 ? -2.0 : age < 45 ? -0.2 : age < 65 ? 0.8 : age < 80 ? 0.6 : -0.9)
					+ (imdDecile <= 3 ? 0.7 : 0) + (ethnicity.qrisk() == Ethnicity.QriskEthnicity.CHINESE ? -3 : 0);
			double bmi = Draw.clamp(Draw.gaussian(random, bmiMean, 4.9), 15.5, 58);
			double height = male ? Draw.gaussian(random, 1.76, 0.07) : Draw.gaussian(random, 1.62, 0.065);
			if (chance(0.8)) {
				LocalDate measured = daysAgo(1, 1400);
				observation(ObservationType.BMI, ObservationType.BMI.snomedCode(), bmi, measured, null);
				observation(ObservationType.WEIGHT, ObservationType.WEIGHT.snomedCode(), bmi * height * height,
						measured, null);
			}
			boolean obese = bmi >= 30;

			// Hypertension: about 30% of adults have high blood pressure and roughly a third of them do not know
			// (Health Survey for England 2015/2019; PHE "Health matters: combating high blood pressure", 2017).
			// QOF 2022/23 recorded prevalence: 14.5% of all registered patients in England.
			double htnAge = age < 30 ? 0.035 : age < 40 ? 0.07 : age < 50 ? 0.14 : age < 60 ? 0.27 : age < 70 ? 0.41
					: age < 80 ? 0.53 : 0.6;
			boolean hypertensive = chance(
					Math.min(0.9, htnAge * (obese ? 1.35 : 1) * (black ? 1.3 : 1) * (imdDecile <= 3 ? 1.1 : 1)));
			double diagnosedShare = age < 40 ? 0.38 : age < 60 ? 0.58 : age < 80 ? 0.72 : 0.78;
			boolean htnDiagnosed = hypertensive && chance(diagnosedShare);

			// Type 2 diabetes: QOF 2022/23 diabetes register 7.5% of people aged 17+ in England; about 2-4 times as
			// common in South Asian people and 2-3 times in Black people (Diabetes UK), and with obesity.
			double t2Age = age < 40 ? 0.007 : age < 50 ? 0.03 : age < 60 ? 0.06 : age < 70 ? 0.095 : 0.115;
			boolean type2 = chance(t2Age * (southAsian ? 2.2 : black ? 1.7 : 1) * (obese ? 2.0 : bmi >= 25 ? 1.0 : 0.4)
					* deprivation);
			// Type 1 diabetes: about 0.5% of people (National Diabetes Audit 2022/23: ~8% of people with diabetes)
			boolean type1 = !type2 && chance(0.005);

			// AF: QOF 2022/23 2.1% of all patients, steeply age-related
			boolean af = chance(age < 40 ? 0.0005 : age < 55 ? 0.004 : age < 65 ? 0.015 : age < 75 ? 0.045
					: age < 85 ? 0.1 : 0.16);
			// CHD: QOF 2022/23 3.0%; more common in men and South Asian people
			boolean chd = chance((age < 45 ? 0.002 : age < 55 ? 0.015 : age < 65 ? 0.04 : age < 75 ? 0.08
					: age < 85 ? 0.13 : 0.17) * (male ? 1.3 : 0.55) * (southAsian ? 1.5 : 1) * deprivation);
			// Stroke and TIA: QOF 2022/23 1.8%
			boolean stroke = chance(age < 55 ? 0.003 : age < 65 ? 0.015 : age < 75 ? 0.035 : age < 85 ? 0.07 : 0.11);
			// Heart failure: QOF 2022/23 1.0%
			boolean heartFailure = chance((age < 55 ? 0.001 : age < 65 ? 0.005 : age < 75 ? 0.015 : age < 85 ? 0.04
					: 0.08) * (chd ? 3 : 1));
			// Peripheral arterial disease: QOF 2022/23 0.6%
			boolean pad = chance((age < 55 ? 0.001 : age < 65 ? 0.008 : 0.025) * (smoker || exSmoker ? 1.8 : 0.6));
			// CKD stage 3-5: QOF 2022/23 4.1% of people aged 18+
			boolean ckd = chance((age < 40 ? 0.002 : age < 60 ? 0.01 : age < 70 ? 0.04 : age < 80 ? 0.11 : 0.25)
					* (hypertensive || type2 ? 1.5 : 1));
			// COPD: QOF 2022/23 1.9%, mostly in people who smoke or smoked
			boolean copd = age >= 40 && chance((age < 60 ? 0.01 : age < 70 ? 0.035 : 0.06)
					* (smoker || exSmoker ? 2.5 : 0.3) * deprivation);
			// Asthma: QOF 2022/23 6.5% of people aged 6+
			boolean asthma = chance(0.07);
			// Depression: QOF 2022/23 13.2% of people aged 18+
			boolean depression = chance((age < 65 ? 0.16 : 0.1) * deprivation);
			// Anxiety: about 6% of adults have generalised anxiety disorder (APMS 2014), more alongside depression
			boolean anxiety = chance((depression ? 0.35 : 0.05) * deprivation);
			// Chronic pain: a third to a half of UK adults (Fayaz et al., BMJ Open 2016); coded far less often
			boolean chronicPain = chance(age < 45 ? 0.04 : age < 65 ? 0.09 : 0.14);
			// Severe mental illness: QOF 2022/23 0.95%
			boolean smi = chance(0.01 * deprivation);
			// Rheumatoid arthritis: QOF 2022/23 0.77% of people aged 16+
			boolean ra = chance(age < 40 ? 0.003 : age < 65 ? 0.008 : 0.015);
			// Osteoarthritis: about 1 in 5 people aged 45+ have sought treatment for it (Versus Arthritis, State of
			// Musculoskeletal Health 2023)
			boolean osteoarthritis = chance(age < 45 ? 0.01 : age < 65 ? 0.1 : age < 75 ? 0.2 : 0.3);
			// Hypothyroidism: QOF 2022/23 3.6%, mostly women
			boolean hypothyroid = chance(sex == Sex.FEMALE ? 0.055 : 0.012);
			// Migraine recorded in primary care: about 1 in 7 people have migraine (Migraine Trust); about a third
			// of them have it coded
			boolean migraine = age < 65 && chance(sex == Sex.FEMALE ? 0.06 : 0.02);
			boolean sle = sex == Sex.FEMALE && chance(0.001);
			// Erectile dysfunction coded in men 40+: QRISK3 input (BMJ 2017)
			boolean erectileDysfunction = male && age >= 40 && chance(0.05 + (type2 ? 0.1 : 0));
			boolean familyHistory = chance(0.06);

			if (htnDiagnosed) {
				problem(ProblemCodes.HYPERTENSION, "Essential hypertension", yearsAgo(1, Math.min(25, age - 25)));
			}
			if (type2) {
				problem(ProblemCodes.TYPE_2_DIABETES, "Type 2 diabetes mellitus", yearsAgo(1, Math.min(20, age - 25)));
				medicationMaybe(0.8, MedicationCategory.ANTIDIABETIC, "Metformin 500mg modified-release tablets",
						"372567009");
			}
			if (type1) {
				problem(ProblemCodes.TYPE_1_DIABETES, "Type 1 diabetes mellitus", yearsAgo(3, Math.min(40, age - 2)));
				medication(MedicationCategory.ANTIDIABETIC, "Insulin glargine 100units/ml", "411529005",
						yearsAgo(1, 5), null);
			}
			if (af) {
				problem(ProblemCodes.ATRIAL_FIBRILLATION, "Atrial fibrillation", yearsAgo(0, 12));
				if (chance(0.7)) {
					medication(MedicationCategory.ANTICOAGULANT, "Apixaban 5mg tablets", "698090000", yearsAgo(0, 6),
							null);
				}
				else if (chance(0.3)) {
					medication(MedicationCategory.ANTICOAGULANT, "Warfarin 1mg tablets", "372756006", yearsAgo(1, 10),
							null);
				}
			}
			if (chd) {
				problem(ProblemCodes.CORONARY_HEART_DISEASE, "Coronary heart disease", yearsAgo(1, 20));
				if (chance(0.35)) {
					problem(ProblemCodes.MYOCARDIAL_INFARCTION, "Myocardial infarction", yearsAgo(1, 15));
				}
			}
			if (stroke) {
				if (chance(0.6)) {
					problem(ProblemCodes.STROKE, "Cerebrovascular accident", yearsAgo(1, 15));
				}
				else {
					problem(ProblemCodes.TIA, "Transient ischaemic attack", yearsAgo(1, 15));
				}
			}
			if (heartFailure) {
				problem(ProblemCodes.HEART_FAILURE, "Heart failure", yearsAgo(0, 10));
				medicationMaybe(0.8, MedicationCategory.OTHER, "Furosemide 40mg tablets", "387475002");
			}
			if (pad) {
				problem(ProblemCodes.PERIPHERAL_VASCULAR_DISEASE, "Peripheral vascular disease", yearsAgo(1, 12));
			}
			if (ckd) {
				problem(ProblemCodes.CKD_STAGE_3, "Chronic kidney disease stage 3", yearsAgo(0, 10));
			}
			if (copd) {
				problem(ProblemCodes.COPD, "Chronic obstructive pulmonary disease", yearsAgo(1, 15));
				medication(MedicationCategory.RESPIRATORY, "Tiotropium 2.5micrograms/dose inhaler", "419696003",
						yearsAgo(0, 8), null);
			}
			if (asthma) {
				problem(ProblemCodes.ASTHMA, "Asthma", yearsAgo(1, Math.min(40, age - 2)));
				medication(MedicationCategory.RESPIRATORY, "Salbutamol 100micrograms/dose inhaler", "372897005",
						yearsAgo(0, 5), null);
			}
			if (depression) {
				LocalDate onset = yearsAgo(0, Math.min(20, age - 16));
				boolean resolved = chance(0.3);
				problems.add(new Problem(ProblemCodes.DEPRESSION, "Depressive disorder", onset,
						resolved ? later(onset) : null));
				if (!resolved && chance(0.6)) {
					medication(MedicationCategory.ANTIDEPRESSANT, "Sertraline 50mg tablets", "372594008",
							notBefore(onset), null);
				}
			}
			if (anxiety) {
				problem(ProblemCodes.ANXIETY, "Anxiety disorder", yearsAgo(0, Math.min(15, age - 16)));
			}
			if (chronicPain) {
				problem(ProblemCodes.CHRONIC_PAIN, "Chronic pain", yearsAgo(0, 10));
			}
			if (smi) {
				boolean schizophrenia = chance(0.5);
				problem(schizophrenia ? ProblemCodes.SCHIZOPHRENIA : ProblemCodes.BIPOLAR_DISORDER,
						schizophrenia ? "Schizophrenia" : "Bipolar disorder", yearsAgo(2, Math.min(30, age - 16)));
				if (chance(0.7)) {
					String[][] antipsychotics = { { "Olanzapine 10mg tablets", "386849001" },
							{ "Quetiapine 100mg tablets", "386850001" }, { "Risperidone 2mg tablets", "386840002" },
							{ "Aripiprazole 10mg tablets", "406784005" } };
					String[] drug = Draw.pick(random, antipsychotics);
					medication(MedicationCategory.ATYPICAL_ANTIPSYCHOTIC, drug[0], drug[1], yearsAgo(0, 10), null);
				}
			}
			if (ra) {
				problem(ProblemCodes.RHEUMATOID_ARTHRITIS, "Rheumatoid arthritis", yearsAgo(1, 20));
				medicationMaybe(0.7, MedicationCategory.OTHER, "Methotrexate 2.5mg tablets", "387381009");
				medicationMaybe(0.25, MedicationCategory.ORAL_CORTICOSTEROID, "Prednisolone 5mg tablets",
						"116601002");
			}
			if (copd && chance(0.08)) {
				medication(MedicationCategory.ORAL_CORTICOSTEROID, "Prednisolone 5mg tablets", "116601002",
						yearsAgo(0, 3), null);
			}
			if (osteoarthritis) {
				problem(ProblemCodes.OSTEOARTHRITIS, "Osteoarthritis", yearsAgo(1, 15));
			}
			if (hypothyroid) {
				problem(ProblemCodes.HYPOTHYROIDISM, "Hypothyroidism", yearsAgo(1, 25));
				medication(MedicationCategory.OTHER, "Levothyroxine sodium 100microgram tablets", "710809001",
						yearsAgo(0, 20), null);
			}
			if (migraine) {
				problem(ProblemCodes.MIGRAINE, "Migraine", yearsAgo(1, Math.min(20, age - 12)));
			}
			if (sle) {
				problem(ProblemCodes.SLE, "Systemic lupus erythematosus", yearsAgo(1, 15));
			}
			if (erectileDysfunction) {
				problem(ProblemCodes.ERECTILE_DYSFUNCTION, "Erectile dysfunction", yearsAgo(0, 10));
			}
			if (familyHistory) {
				problem(ProblemCodes.FAMILY_HISTORY_CHD, "Family history of ischaemic heart disease",
						yearsAgo(1, 15));
			}

			// Treated hypertension: about 85% of people on the register take an antihypertensive; about two-thirds
			// of them are treated to target (CVDPREVENT 2023: ~67% of people with hypertension treated to target).
			boolean treated = htnDiagnosed && chance(0.85);
			if (treated) {
				String[][] antihypertensives = { { "Amlodipine 5mg tablets", "386864001" },
						{ "Ramipril 5mg capsules", "386872004" }, { "Losartan 50mg tablets", "373567002" },
						{ "Indapamide 2.5mg tablets", "387419003" }, { "Lisinopril 10mg tablets", "386873009" } };
				int drugs = 1 + Draw.weighted(random, new double[] { 55, 33, 12 });
				int first = random.nextInt(antihypertensives.length);
				for (int d = 0; d < drugs; d++) {
					String[] drug = antihypertensives[(first + d) % antihypertensives.length];
					medication(MedicationCategory.ANTIHYPERTENSIVE, drug[0], drug[1], yearsAgo(0, 12), null);
				}
			}
			boolean controlled = treated && chance(0.67);

			// Statins: most people with CVD (secondary prevention), many with diabetes or a high QRISK; about 8m
			// people in England take one (NICE NG238 committee discussion)
			boolean cvd = chd || stroke || pad;
			double statinChance = cvd ? 0.8 : (type2 && age >= 40) ? 0.6 : (htnDiagnosed && age >= 50) ? 0.4
					: age >= 60 ? 0.12 : age >= 45 ? 0.04 : 0;
			boolean statin = chance(statinChance);
			if (statin) {
				boolean high = cvd;
				medication(MedicationCategory.LIPID_LOWERING,
						high ? "Atorvastatin 80mg tablets" : chance(0.8) ? "Atorvastatin 20mg tablets"
								: "Simvastatin 40mg tablets",
						"373444002", yearsAgo(0, 12), null);
				if (chance(0.06)) {
					// Stopped statins (side effects, choice) stay on the record with an end date
					LocalDate start = yearsAgo(3, 10);
					medication(MedicationCategory.LIPID_LOWERING, "Simvastatin 40mg tablets", "387584000", start,
							later(start));
				}
			}

			bloodPressures(hypertensive, htnDiagnosed, treated, controlled);
			lipids(statin, type2 || htnDiagnosed || cvd);
			kidney(ckd, hypertensive || type2);

			if (age >= 65) {
				frailty();
			}
			if (age >= 65 && problems.size() >= 2) {
				medicationMaybe(Math.min(0.8, 0.1 * problems.size()), MedicationCategory.OTHER,
						"Omeprazole 20mg capsules", "387137007");
				medicationMaybe(Math.min(0.6, 0.07 * problems.size()), MedicationCategory.OTHER,
						"Paracetamol 500mg tablets", "387517004");
			}
			admissions();
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
				// Home readings run lower (white-coat effect; NICE NG136 uses 135/85 for home monitoring)
				double offset = setting == BloodPressureSetting.HOME ? -5 : 0;
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
			observation(ObservationType.SYSTOLIC_BP, ObservationType.SYSTOLIC_BP.snomedCode(),
					Math.round(Draw.clamp(systolic, 85, 230)), date, setting);
			observation(ObservationType.DIASTOLIC_BP, ObservationType.DIASTOLIC_BP.snomedCode(),
					Math.round(Draw.clamp(diastolic, 45, 135)), date, setting);
		}

		/** Total and HDL cholesterol, tested at NHS Health Checks and in chronic disease reviews. */
		private void lipids(boolean statin, boolean chronicReview) {
			if (age < 30 || !chance(chronicReview ? 0.9 : age >= 40 ? 0.55 : 0.15)) {
				return;
			}
			double total = Draw.gaussian(random, 5.2 + (age >= 40 && age < 65 ? 0.3 : 0) - (statin ? 1.3 : 0), 0.95);
			double hdl = sex == Sex.FEMALE ? Draw.gaussian(random, 1.55, 0.38) : Draw.gaussian(random, 1.25, 0.3);
			LocalDate date = daysAgo(1, 1500);
			observation(ObservationType.TOTAL_CHOLESTEROL, ObservationType.TOTAL_CHOLESTEROL.snomedCode(),
					Draw.clamp(total, 2.2, 11), date, null);
			observation(ObservationType.HDL_CHOLESTEROL, ObservationType.HDL_CHOLESTEROL.snomedCode(),
					Draw.clamp(hdl, 0.5, 3.2), date, null);
		}

		private void kidney(boolean ckd, boolean atRisk) {
			if (!(ckd || ((atRisk || age >= 60) && chance(0.7)))) {
				return;
			}
			double egfr = ckd ? 30 + random.nextInt(30) : Math.max(60, Draw.gaussian(random, 95 - 0.5 * (age - 30), 11));
			observation(ObservationType.EGFR, ObservationType.EGFR.snomedCode(), Math.min(120, egfr), daysAgo(1, 700),
					null);
		}

		/**
		 * Frailty deficits for people aged 65+, more with age, so the eFI spreads roughly as Clegg et al. found: about
		 * half fit, a third mild, one in eight moderate and a few severe (DOMAIN.md B7).
		 */
		private void frailty() {
			double mean = age < 70 ? 0.8 : age < 75 ? 1.3 : age < 80 ? 2.0 : age < 85 ? 3.0 : age < 90 ? 4.0 : 5.0;
			int count = Math.min(FRAILTY_DEFICITS.size(), Draw.poisson(random, mean));
			boolean[] taken = new boolean[FRAILTY_DEFICITS.size()];
			for (int i = 0; i < count; i++) {
				int pick = Draw.weighted(random, DEFICIT_WEIGHTS);
				if (taken[pick]) {
					continue;
				}
				taken[pick] = true;
				Deficit deficit = FRAILTY_DEFICITS.get(pick);
				problem(deficit.code(), deficit.term(), yearsAgo(0, 6));
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
		}

		private boolean chance(double probability) {
			return Draw.chance(random, probability);
		}

		private void problem(String code, String term, LocalDate onset) {
			problems.add(new Problem(code, term, onset, null));
		}

		private void medication(MedicationCategory category, String name, String code, LocalDate start,
				@Nullable LocalDate stop) {
			medications.add(new Medication(category, name, code, start, stop));
		}

		private void medicationMaybe(double probability, MedicationCategory category, String name, String code) {
			if (chance(probability)) {
				medication(category, name, code, yearsAgo(0, 8), null);
			}
		}

		private void observation(ObservationType type, String code, double value, LocalDate date,
				@Nullable BloodPressureSetting setting) {
			observations.add(new Observation(type, code, BigDecimal.valueOf(Math.round(value * 10), 1), type.unit(),
					date, setting));
		}

		private LocalDate daysAgo(int min, int max) {
			return end.minusDays(min + random.nextInt(Math.max(1, max - min + 1)));
		}

		private LocalDate yearsAgo(int min, int max) {
			int upper = Math.max(min, max);
			return end.minusDays(min * 365L + random.nextInt(Math.max(1, (upper - min) * 365 + 1)));
		}

		private LocalDate later(LocalDate start) {
			long days = java.time.temporal.ChronoUnit.DAYS.between(start, end);
			return start.plusDays(1 + random.nextInt((int) Math.max(1, days - 1)));
		}

		private LocalDate notBefore(LocalDate start) {
			return start.isAfter(end.minusDays(30)) ? start : later(start);
		}

	}

}
