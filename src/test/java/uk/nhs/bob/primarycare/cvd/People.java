package uk.nhs.bob.primarycare.cvd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.population.Ethnicity;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles.Row;

/**
 * Builds people and coded records for the rule tests, every code picked from the shipped code-set files (by file and
 * published term), never from the constants or choices of the production code.
 */
final class People {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static final String HYP = "nhsd-primary-care-domain-refsets-hyp_cod.csv";

	static final String HYPRES = "nhsd-primary-care-domain-refsets-hypres_cod.csv";

	static final String CHD = "nhsd-primary-care-domain-refsets-chd_cod.csv";

	static final String STRK = "nhsd-primary-care-domain-refsets-strk_cod.csv";

	static final String TIA = "nhsd-primary-care-domain-refsets-tia_cod.csv";

	static final String PAD = "nhsd-primary-care-domain-refsets-pad_cod.csv";

	static final String AF = "nhsd-primary-care-domain-refsets-afib_cod.csv";

	static final String DM = "nhsd-primary-care-domain-refsets-dm_cod.csv";

	static final String DMTYPE1 = "nhsd-primary-care-domain-refsets-dmtype1_cod.csv";

	static final String DMTYPE2 = "nhsd-primary-care-domain-refsets-dmtype2_cod.csv";

	static final String CKD35 = "primis-covid19-vacc-uptake-ckd35.csv";

	static final String CKD12 = "nhsd-primary-care-domain-refsets-ckd1and2_cod.csv";

	static final String HF = "nhsd-primary-care-domain-refsets-hf_cod.csv";

	static final String FH = "nhsd-primary-care-domain-refsets-fhypgen_cod.csv";

	static final String RA = "nhsd-primary-care-domain-refsets-rarth_cod.csv";

	static final String HYPPCADEC = "nhsd-primary-care-domain-refsets-hyppcadec_cod.csv";

	static final String STATINTOL = "nhsd-primary-care-domain-refsets-statintol_cod.csv";

	static final String STATNIND = "nhsd-primary-care-domain-refsets-statnind_cod.csv";

	static final String STATINS = "nhs-drug-refsets-stat_cod.csv";

	static final String ACE_INHIBITORS = "nhs-drug-refsets-ace_cod.csv";

	static final String DOACS = "opensafely-direct-acting-oral-anticoagulants-doac.csv";

	static final String SYSTOLIC = "nhsd-primary-care-domain-refsets-sysbp_cod.csv";

	static final String DIASTOLIC = "nhsd-primary-care-domain-refsets-diabp_cod.csv";

	static final String HOME_BP = "nhsd-primary-care-domain-refsets-homebp_cod.csv";

	final List<Problem> problems = new ArrayList<>();

	final List<Observation> observations = new ArrayList<>();

	final List<Medication> medications = new ArrayList<>();

	int age = 55;

	Sex sex = Sex.MALE;

	Ethnicity ethnicity = Ethnicity.WHITE_BRITISH;

	@Nullable LocalDate dateOfDeath;

	static People aged(int age) {
		People people = new People();
		people.age = age;
		return people;
	}

	People sex(Sex sex) {
		this.sex = sex;
		return this;
	}

	People ethnicity(Ethnicity ethnicity) {
		this.ethnicity = ethnicity;
		return this;
	}

	/** A diagnosis with the first code of a register file that means that register only, 3 years ago. */
	People coded(String file, String... alsoAllowed) {
		return coded(CodeSetFiles.first(file, alsoAllowed), TODAY.minusYears(3), null);
	}

	People coded(String file, LocalDate onset) {
		return coded(CodeSetFiles.first(file), onset, null);
	}

	People coded(Row row, LocalDate onset, @Nullable LocalDate resolved) {
		problems.add(Problem.of(row.code(), row.term(), onset, resolved));
		return this;
	}

	/** A current medicine: the first pack of a product in a published dm+d list, started a year ago. */
	People medicine(String file, String product) {
		return medicine(file, product, TODAY.minusYears(1));
	}

	People medicine(String file, String product, LocalDate start) {
		Row row = CodeSetFiles.startingWith(file, product);
		medications.add(Medication.of(row.code(), product, start, null));
		return this;
	}

	/** A medicine prescribed from {@code start} and ended on {@code end}. */
	People ended(String file, String product, LocalDate start, LocalDate end) {
		Row row = CodeSetFiles.startingWith(file, product);
		medications.add(Medication.of(row.code(), product, start, end));
		return this;
	}

	People observation(String file, String term, String value, String unit, LocalDate date) {
		observations.add(Observation.of(CodeSetFiles.withTerm(file, term).code(), new BigDecimal(value), unit, date,
				null));
		return this;
	}

	People bmi(String value, LocalDate date) {
		return observation("nhsd-primary-care-domain-refsets-bmival_cod.csv", "Body mass index", value, "kg/m2", date);
	}

	People cholesterol(String total, String hdl, LocalDate date) {
		observation("nhsd-primary-care-domain-refsets-chol2_cod.csv", "Total cholesterol level", total, "mmol/L", date);
		return observation("nhsd-primary-care-domain-refsets-hdlcchol_cod.csv",
				"Serum high density lipoprotein cholesterol level", hdl, "mmol/L", date);
	}

	People egfr(String value, LocalDate date) {
		return observation("user-RachelS99-doac-estimated-glomerular-filtration-rate.csv",
				"Estimated glomerular filtration rate by laboratory calculation", value, "mL/min/1.73m2", date);
	}

	/** A clinic reading coded with the published systolic and diastolic arterial pressure codes. */
	People bp(int systolic, int diastolic, LocalDate date) {
		return bp(systolic, diastolic, date, BloodPressureSetting.CLINIC);
	}

	People bp(int systolic, int diastolic, LocalDate date, BloodPressureSetting setting) {
		observations.add(Observation.of(CodeSetFiles.withTerm(SYSTOLIC, "Systolic arterial pressure").code(),
				BigDecimal.valueOf(systolic), "mmHg", date, setting));
		observations.add(Observation.of(CodeSetFiles.withTerm(DIASTOLIC, "Diastolic arterial pressure").code(),
				BigDecimal.valueOf(diastolic), "mmHg", date, setting));
		return this;
	}

	/** A home monitoring average coded with the published home average codes (no setting recorded). */
	People homeAverage(int systolic, int diastolic, LocalDate date) {
		observations.add(Observation.of(CodeSetFiles.withTerm(HOME_BP, "Average home systolic blood pressure").code(),
				BigDecimal.valueOf(systolic), "mmHg", date, null));
		observations.add(Observation.of(CodeSetFiles.withTerm(HOME_BP, "Average home diastolic blood pressure").code(),
				BigDecimal.valueOf(diastolic), "mmHg", date, null));
		return this;
	}

	People smoker(int perDay, LocalDate date) {
		return observation("nhsd-primary-care-domain-refsets-lsmok_cod.csv", "Cigarette smoker",
				String.valueOf(perDay), "cigarettes/day", date);
	}

	/** BMI, cholesterol (total 5.0, HDL 1.25: ratio 4), so QRISK3 can be assessed with a reading. */
	People assessable() {
		bmi("26", TODAY.minusMonths(6));
		return cholesterol("5.0", "1.25", TODAY.minusMonths(6));
	}

	People died(LocalDate date) {
		this.dateOfDeath = date;
		return this;
	}

	PersonSummary person() {
		return new PersonSummary(new NhsNumber("9434765919"), "Alex", "Test", TODAY.minusYears(age).minusDays(10), age,
				sex, ethnicity, new Postcode("OX3 9DU"), "E01028522", "Oxford 008A", 3, "IMD2019",
				new BigDecimal("1.5"), new OdsCode("K84001"), dateOfDeath);
	}

	CodedRecord record() {
		return new CodedRecord(problems, observations, medications, List.of());
	}

	CaseFinding.Evaluation evaluate(OutreachHistory outreach) {
		return CaseFinding.evaluate(person(), record(), outreach, CareAdjustments.InForce.NONE, TODAY);
	}

	CaseFinding.Evaluation evaluate(CareAdjustments.InForce adjustments) {
		return CaseFinding.evaluate(person(), record(), OutreachHistory.NONE, adjustments, TODAY);
	}

	CaseFinding.Evaluation evaluate() {
		return evaluate(OutreachHistory.NONE);
	}

}
