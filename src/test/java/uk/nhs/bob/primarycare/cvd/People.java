package uk.nhs.bob.primarycare.cvd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.population.Ethnicity;
import uk.nhs.bob.primarycare.population.MedicationCategory;
import uk.nhs.bob.primarycare.population.ObservationType;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.population.SmokingStatus;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/** Builds people and coded records for the rule tests. */
final class People {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	final List<Problem> problems = new ArrayList<>();

	final List<Observation> observations = new ArrayList<>();

	final List<Medication> medications = new ArrayList<>();

	int age = 55;

	Sex sex = Sex.MALE;

	Ethnicity ethnicity = Ethnicity.WHITE_BRITISH;

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

	People problem(String code, String term) {
		problems.add(new Problem(code, term, TODAY.minusYears(3), null));
		return this;
	}

	People medicine(MedicationCategory category, String name) {
		medications.add(new Medication(category, name, "000", TODAY.minusYears(1), null));
		return this;
	}

	People observation(ObservationType type, String value, LocalDate date) {
		observations.add(new Observation(type, type.snomedCode(), new BigDecimal(value), type.unit(), date, null));
		return this;
	}

	People bp(int systolic, int diastolic, LocalDate date) {
		observations.add(new Observation(ObservationType.SYSTOLIC_BP, ObservationType.SYSTOLIC_BP.snomedCode(),
				BigDecimal.valueOf(systolic), "mmHg", date, BloodPressureSetting.CLINIC));
		observations.add(new Observation(ObservationType.DIASTOLIC_BP, ObservationType.DIASTOLIC_BP.snomedCode(),
				BigDecimal.valueOf(diastolic), "mmHg", date, BloodPressureSetting.CLINIC));
		return this;
	}

	People smoker(int perDay, LocalDate date) {
		observations.add(new Observation(ObservationType.SMOKING_STATUS, SmokingStatus.SMOKER.snomedCode(),
				BigDecimal.valueOf(perDay), "cigarettes/day", date, null));
		return this;
	}

	/** BMI, cholesterol (total 5.0, HDL 1.25: ratio 4) and a normal reading, so QRISK3 can be assessed. */
	People assessable() {
		observation(ObservationType.BMI, "26", TODAY.minusMonths(6));
		observation(ObservationType.TOTAL_CHOLESTEROL, "5.0", TODAY.minusMonths(6));
		observation(ObservationType.HDL_CHOLESTEROL, "1.25", TODAY.minusMonths(6));
		return this;
	}

	PersonSummary person() {
		return new PersonSummary(new NhsNumber("9434765919"), "Alex", "Test", TODAY.minusYears(age).minusDays(10), age,
				sex, ethnicity, new Postcode("OX3 9DU"), "E01028522", "Oxford 008A", 3, "IMD2019",
				new BigDecimal("1.5"), new OdsCode("K84001"), null);
	}

	CodedRecord record() {
		return new CodedRecord(problems, observations, medications, List.of());
	}

	CaseFinding.Evaluation evaluate(OutreachHistory outreach) {
		return CaseFinding.evaluate(person(), record(), outreach, TODAY);
	}

	CaseFinding.Evaluation evaluate() {
		return evaluate(OutreachHistory.NONE);
	}

}
