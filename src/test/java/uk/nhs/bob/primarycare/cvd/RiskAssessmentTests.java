package uk.nhs.bob.primarycare.cvd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.ObservationType;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.nhs.bob.primarycare.cvd.People.TODAY;

/**
 * QRISK3 from the record: the inputs used (registers and published clusters), never a defaulted score, and every
 * reason NICE NG238 gives for not using it.
 */
class RiskAssessmentTests {

	@Test
	void aCompleteRecordIsScoredWithTheInputsItUsed() {
		People people = People.aged(60)
			.assessable()
			.bp(150, 88, TODAY.minusMonths(1))
			.bp(140, 85, TODAY.minusMonths(3))
			.smoker(12, TODAY.minusMonths(2))
			.coded(People.DMTYPE2, People.DM)
			.coded(People.HYP)
			.medicine(People.ACE_INHIBITORS, "Ramipril 5mg capsules");
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
					"BMI", "Total/HDL cholesterol ratio", "Systolic blood pressure", "Systolic SD",
					"Erectile dysfunction", "Family history of CHD under 60");
		String bmiCode = CodeSetFiles.withTerm("nhsd-primary-care-domain-refsets-bmival_cod.csv", "Body mass index")
			.code();
		assertThat(assessment.used()).anySatisfy(used -> {
			assertThat(used.input()).isEqualTo("BMI");
			assertThat(used.source()).contains(bmiCode);
		});
	}

	@ParameterizedTest(name = "HYP {0}, antihypertensive {1}: treated {2}")
	@CsvSource({ "true, true, true", "true, false, false", "false, true, false" })
	void treatedHypertensionIsTheRegisterAndACurrentAntihypertensive(boolean register, boolean medicine,
			boolean treated) {
		People people = People.aged(60).assessable().bp(130, 80, TODAY.minusMonths(1));
		if (register) {
			people.coded(People.HYP);
		}
		if (medicine) {
			people.medicine(People.ACE_INHIBITORS, "Lisinopril 10mg tablets");
		}
		assertThat(RiskAssessment.of(people.person(), people.record(), TODAY).inputs().treatedHypertension())
			.isEqualTo(treated);
	}

	@Test
	void homeAndAmbulatoryAveragesAreNotTheClinicSystolic() {
		People people = People.aged(60).assessable().bp(150, 85, TODAY.minusMonths(3))
			.homeAverage(128, 80, TODAY.minusMonths(1))
			.bp(126, 78, TODAY.minusDays(10), BloodPressureSetting.AMBULATORY);
		assertThat(RiskAssessment.of(people.person(), people.record(), TODAY).inputs().systolicBp()).isEqualTo(150.0);
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

	@Test
	void diabetesWithoutATypeCodeIsNotAssessable() {
		// a diabetes code in neither type list (and no other register)
		String other = CodeSetFiles.onlyIn(People.DM).stream()
			.filter(r -> !CodeSetFiles.codes(People.DMTYPE1).contains(r.code())
					&& !CodeSetFiles.codes(People.DMTYPE2).contains(r.code()))
			.findFirst()
			.orElseThrow()
			.code();
		People people = People.aged(60).assessable().bp(130, 80, TODAY.minusMonths(1));
		people.coded(CodeSetFiles.rows(People.DM).stream().filter(r -> r.code().equals(other)).findFirst()
			.orElseThrow(), TODAY.minusYears(2), null);
		RiskAssessment assessment = RiskAssessment.of(people.person(), people.record(), TODAY);
		assertThat(assessment.status()).isEqualTo(RiskAssessment.Status.NOT_ASSESSABLE);
		assertThat(assessment.reasonText()).contains("type of diabetes");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "existing CVD: Coronary heart disease, CHD", "existing CVD: Stroke or transient, STRK",
			"existing CVD: Stroke or transient, TIA", "existing CVD: Peripheral arterial, PAD",
			"type 1 diabetes, T1", "CKD stage 3-5, CKD", "eGFR 59 below 60, EGFR59", "familial, FH",
			"under 25, AGE24", "85 and over, AGE85" })
	void notAppropriateGivesTheReason(String reason, String setup) {
		People people = People.aged(setup.equals("AGE24") ? 24 : setup.equals("AGE85") ? 85 : 60).assessable()
			.bp(130, 80, TODAY.minusMonths(1));
		switch (setup) {
			case "CHD" -> people.coded(People.CHD);
			case "STRK" -> people.coded(People.STRK);
			case "TIA" -> people.coded(People.TIA);
			case "PAD" -> people.coded(People.PAD);
			case "T1" -> people.coded(People.DMTYPE1, People.DM);
			case "CKD" -> people.coded(People.CKD35);
			case "EGFR59" -> people.egfr("59", TODAY.minusMonths(2));
			case "FH" -> people.coded(People.FH);
			default -> {
			}
		}
		RiskAssessment assessment = RiskAssessment.of(people.person(), people.record(), TODAY);
		assertThat(assessment.status()).isEqualTo(RiskAssessment.Status.NOT_APPROPRIATE);
		assertThat(assessment.status().apiName()).isEqualTo("NOT_APPLICABLE");
		assertThat(assessment.score()).isNull();
		assertThat(assessment.reasonText()).contains(reason);
	}

	@Test
	void eightyFourAndAnEgfrOfSixtyAreStillAssessed() {
		People people = People.aged(84).assessable().bp(130, 80, TODAY.minusMonths(1))
			.egfr("60", TODAY.minusMonths(2));
		RiskAssessment assessment = RiskAssessment.of(people.person(), people.record(), TODAY);
		assertThat(assessment.assessed()).isTrue();
		assertThat(assessment.status().apiName()).isEqualTo("SCORED");
	}

	@Test
	void heartFailureAloneDoesNotStopQrisk3() {
		People people = People.aged(60).assessable().bp(130, 80, TODAY.minusMonths(1)).coded(People.HF);
		assertThat(RiskAssessment.of(people.person(), people.record(), TODAY).assessed()).isTrue();
	}

	@Test
	void aValueBeyondTheCalculatorsRangeIsKeptAtTheLimitAndSaysSo() {
		People people = People.aged(50).sex(Sex.FEMALE).bp(130, 80, TODAY.minusMonths(1))
			.bmi("45.2", TODAY.minusMonths(1))
			.cholesterol("5.0", "1.25", TODAY.minusMonths(6));
		RiskAssessment assessment = RiskAssessment.of(people.person(), people.record(), TODAY);
		assertThat(assessment.inputs().bmi()).isEqualTo(40.0);
		assertThat(assessment.used()).anySatisfy(used -> assertThat(used.value()).contains("45.2").contains("used as 40"));
	}

}
