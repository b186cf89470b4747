package uk.nhs.bob.primarycare.cvd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhs.bob.primarycare.population.MedicationCategory;
import uk.nhs.bob.primarycare.population.ObservationType;
import uk.nhs.bob.primarycare.population.ProblemCodes;
import uk.nhs.bob.primarycare.population.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.nhs.bob.primarycare.cvd.People.TODAY;

/** QRISK3 from the record: the inputs used, never a defaulted score, and the reasons it is not appropriate. */
class RiskAssessmentTests {

	@Test
	void aCompleteRecordIsScoredWithTheInputsItUsed() {
		People people = People.aged(60)
			.assessable()
			.bp(150, 88, TODAY.minusMonths(1))
			.bp(140, 85, TODAY.minusMonths(3))
			.smoker(12, TODAY.minusMonths(2))
			.problem(ProblemCodes.TYPE_2_DIABETES, "Type 2 diabetes mellitus")
			.problem(ProblemCodes.HYPERTENSION, "Essential hypertension")
			.medicine(MedicationCategory.ANTIHYPERTENSIVE, "Amlodipine 5mg tablets");
		RiskAssessment assessment = RiskAssessment.of(people.person(), people.record(), TODAY);

		assertThat(assessment.status()).isEqualTo(RiskAssessment.Status.ASSESSED);
		Qrisk3Inputs inputs = assessment.inputs();
		assertThat(inputs.male()).isTrue();
		assertThat(inputs.age()).isEqualTo(60);
		assertThat(inputs.smokingCategory()).isEqualTo(3);
		assertThat(inputs.type2Diabetes()).isTrue();
		assertThat(inputs.treatedHypertension()).isTrue();
		assertThat(inputs.bmi()).isEqualTo(26.0);
		assertThat(inputs.cholesterolHdlRatio()).isCloseTo(4.0, within(1e-12));
		assertThat(inputs.systolicBp()).isEqualTo(150.0);
		assertThat(inputs.systolicBpSd()).isCloseTo(Math.sqrt(50), within(1e-12));
		assertThat(inputs.townsend()).isEqualTo(1.5);
		assertThat(assessment.score()).isEqualTo(Qrisk3.score(inputs));
		assertThat(assessment.used()).extracting(RiskAssessment.InputUsed::input)
			.contains("Age", "Sex", "Ethnicity", "Townsend score", "Smoking", "Type 2 diabetes", "Treated hypertension",
					"BMI", "Total/HDL cholesterol ratio", "Systolic blood pressure", "Systolic SD");
		assertThat(assessment.used()).anySatisfy(used -> {
			assertThat(used.input()).isEqualTo("BMI");
			assertThat(used.source()).contains("60621009");
		});
	}

	@ParameterizedTest(name = "without {0}")
	@CsvSource({ "BMI, BMI", "TOTAL_CHOLESTEROL, cholesterol ratio", "SYSTOLIC_BP, systolic blood pressure" })
	void aMissingInputIsNeverDefaulted(ObservationType left, String named) {
		People people = People.aged(60).assessable().bp(130, 80, TODAY.minusMonths(1));
		people.observations.removeIf(o -> o.type() == left);
		RiskAssessment assessment = RiskAssessment.of(people.person(), people.record(), TODAY);
		assertThat(assessment.status()).isEqualTo(RiskAssessment.Status.NOT_ASSESSABLE);
		assertThat(assessment.score()).isNull();
		assertThat(assessment.reasonText()).contains("missing " + named);
		assertThat(people.evaluate().found(CaseFindingRule.RISK_NOT_ASSESSABLE)).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "existing CVD, CHD", "type 1 diabetes, T1", "eGFR 59 below 60, EGFR59", "familial, FH",
			"outside 25-84, AGE24", "outside 25-84, AGE85" })
	void notAppropriateGivesTheReason(String reason, String setup) {
		People people = People.aged(setup.equals("AGE24") ? 24 : setup.equals("AGE85") ? 85 : 60).assessable()
			.bp(130, 80, TODAY.minusMonths(1));
		switch (setup) {
			case "CHD" -> people.problem(ProblemCodes.CORONARY_HEART_DISEASE, "Coronary heart disease");
			case "T1" -> people.problem(ProblemCodes.TYPE_1_DIABETES, "Type 1 diabetes mellitus");
			case "EGFR59" -> people.observation(ObservationType.EGFR, "59", TODAY.minusMonths(2));
			case "FH" -> people.problem(RiskAssessment.FAMILIAL_HYPERCHOLESTEROLAEMIA, "Familial hypercholesterolaemia");
			default -> {
			}
		}
		RiskAssessment assessment = RiskAssessment.of(people.person(), people.record(), TODAY);
		assertThat(assessment.status()).isEqualTo(RiskAssessment.Status.NOT_APPROPRIATE);
		assertThat(assessment.score()).isNull();
		assertThat(assessment.reasonText()).contains(reason);
	}

	@Test
	void anEgfrOfSixtyIsStillAssessed() {
		People people = People.aged(60).assessable().bp(130, 80, TODAY.minusMonths(1))
			.observation(ObservationType.EGFR, "60", TODAY.minusMonths(2));
		assertThat(RiskAssessment.of(people.person(), people.record(), TODAY).assessed()).isTrue();
	}

	@Test
	void aValueBeyondTheCalculatorsRangeIsKeptAtTheLimitAndSaysSo() {
		People people = People.aged(50).sex(Sex.FEMALE).bp(130, 80, TODAY.minusMonths(1))
			.observation(ObservationType.BMI, "45.2", TODAY.minusMonths(1))
			.observation(ObservationType.TOTAL_CHOLESTEROL, "5.0", TODAY.minusMonths(6))
			.observation(ObservationType.HDL_CHOLESTEROL, "1.25", TODAY.minusMonths(6));
		RiskAssessment assessment = RiskAssessment.of(people.person(), people.record(), TODAY);
		assertThat(assessment.inputs().bmi()).isEqualTo(40.0);
		assertThat(assessment.used()).anySatisfy(used -> assertThat(used.value()).contains("45.2").contains("used as 40"));
	}

}
