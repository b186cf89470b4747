package uk.nhs.bob.primarycare.cvd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.Ethnicity;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.bob.primarycare.cvd.People.TODAY;

/**
 * Every rule's boundaries, table by table (docs/cvd.md), on records coded with codes taken from the published code-set
 * files.
 */
class CaseFindingRuleTests {

	@ParameterizedTest(name = "{0}/{1} aged {2}, on HYP register {3}: found {4}")
	@CsvSource({
		"139, 89, 50, false, false", "140, 89, 50, false, true", "139, 90, 50, false, true",
		"140, 90, 50, false, true", "160, 80, 50, false, true", "130, 95, 50, false, true",
		"140, 90, 50, true, false", "140, 90, 17, false, false", "140, 90, 18, false, true" })
	void possibleUndiagnosedHypertensionIsEitherNumber(int systolic, int diastolic, int age, boolean diagnosed,
			boolean found) {
		People people = People.aged(age).bp(systolic, diastolic, TODAY.minusMonths(2));
		if (diagnosed) {
			people.coded(People.HYP);
		}
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isEqualTo(found);
		if (found) {
			CaseFinding.Finding finding = finding(evaluation, CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION);
			assertThat(finding.systolic()).isEqualTo(systolic);
			assertThat(finding.diastolic()).isEqualTo(diastolic);
			assertThat(finding.evidenceDate()).isEqualTo(TODAY.minusMonths(2));
			assertThat(finding.explanation()).contains(systolic + "/" + diastolic);
			assertThat(finding.values()).containsEntry("systolic", systolic).containsEntry("kind", "SINGLE");
		}
	}

	@ParameterizedTest(name = "reading {0} months and {1} days ago: found {2}")
	@CsvSource({ "0, 1, true", "12, 0, true", "12, 1, false", "24, 0, false" })
	void aReadingOlderThanTwelveMonthsPutsNobodyOnAList(int months, int days, boolean found) {
		People people = People.aged(50).bp(150, 95, TODAY.minusMonths(months).minusDays(days));
		assertThat(people.evaluate().found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isEqualTo(found);
	}

	@ParameterizedTest(name = "home average {0}/{1}: found {2}")
	@CsvSource({ "134, 84, false", "135, 84, true", "134, 85, true", "139, 89, true" })
	void aHomeAverageIsJudgedAt135Over85(int systolic, int diastolic, boolean found) {
		People people = People.aged(50).homeAverage(systolic, diastolic, TODAY.minusMonths(1));
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isEqualTo(found);
		assertThat(evaluation.judgedReading().setting()).isEqualTo(BloodPressureSetting.HOME_AVERAGE);
	}

	@ParameterizedTest(name = "ambulatory average {0}/{1}: found {2}")
	@CsvSource({ "134, 84, false", "135, 80, true", "130, 85, true" })
	void anAmbulatoryAverageIsJudgedAt135Over85(int systolic, int diastolic, boolean found) {
		People people = People.aged(50).bp(systolic, diastolic, TODAY.minusMonths(1), BloodPressureSetting.AMBULATORY);
		assertThat(people.evaluate().found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isEqualTo(found);
	}

	@Test
	void homeReadingsCountAsASeriesOfFourDaysWithTheFirstDiscarded() {
		// Day 1 is high (discarded); days 2-4 average 134/84: below 135/85
		People below = People.aged(50);
		below.bp(170, 100, TODAY.minusDays(6), BloodPressureSetting.HOME);
		for (int day = 5; day >= 3; day--) {
			below.bp(134, 84, TODAY.minusDays(day), BloodPressureSetting.HOME);
		}
		CaseFinding.Evaluation belowEvaluation = below.evaluate();
		assertThat(belowEvaluation.found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isFalse();
		assertThat(belowEvaluation.judgedReading().kind()).isEqualTo(BloodPressures.Kind.HOME_SERIES);
		assertThat(belowEvaluation.judgedReading().used()).hasSize(3);

		People raised = People.aged(50);
		raised.bp(120, 70, TODAY.minusDays(6), BloodPressureSetting.HOME);
		raised.bp(136, 84, TODAY.minusDays(5), BloodPressureSetting.HOME);
		raised.bp(136, 84, TODAY.minusDays(4), BloodPressureSetting.HOME);
		raised.bp(136, 84, TODAY.minusDays(3), BloodPressureSetting.HOME);
		CaseFinding.Finding finding = finding(raised.evaluate(), CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION);
		assertThat(finding.systolic()).isEqualTo(136);
		assertThat(finding.values()).containsKey("readingsUsed").containsEntry("kind", "HOME_SERIES");

		People threeDays = People.aged(50);
		for (int day = 3; day >= 1; day--) {
			threeDays.bp(160, 100, TODAY.minusDays(day), BloodPressureSetting.HOME);
		}
		assertThat(threeDays.evaluate().found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isFalse();
	}

	@Test
	void onlyTheLatestReadingOfTheWindowCounts() {
		assertThat(People.aged(50).bp(150, 95, TODAY.minusMonths(6)).bp(130, 80, TODAY.minusMonths(1)).evaluate()
			.found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isFalse();
	}

	@Test
	void aResolvedHypertensionCodeTakesThePersonOffTheRegister() {
		People people = People.aged(60).coded(People.HYP, TODAY.minusYears(5));
		people.coded(CodeSetFiles.first(People.HYPRES), TODAY.minusYears(2), null);
		people.bp(150, 95, TODAY.minusMonths(1));
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.hypertension()).isFalse();
		assertThat(evaluation.found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isTrue();
		assertThat(evaluation.found(CaseFindingRule.HYPERTENSION_NOT_TO_TARGET)).isFalse();
	}

	@ParameterizedTest(name = "{0}/{1} {2} days ago: severe {3}")
	@CsvSource({ "179, 119, 1, false", "180, 100, 1, true", "150, 120, 1, true", "180, 120, 30, true",
			"180, 120, 31, false", "200, 130, 0, true" })
	void severeBloodPressureWithin30Days(int systolic, int diastolic, int daysAgo, boolean found) {
		assertThat(People.aged(60).bp(systolic, diastolic, TODAY.minusDays(daysAgo)).evaluate()
			.found(CaseFindingRule.SEVERE_BLOOD_PRESSURE)).isEqualTo(found);
	}

	@ParameterizedTest(name = "aged {0} {1}/{2}: not to target {3}")
	@CsvSource({ "79, 139, 89, false", "79, 140, 89, true", "79, 139, 90, true", "79, 145, 85, true",
			"80, 145, 85, false", "80, 149, 89, false", "80, 150, 85, true", "80, 140, 90, true",
			"85, 149, 89, false" })
	void hypertensionTreatedToTargetForAge(int age, int systolic, int diastolic, boolean found) {
		CaseFinding.Evaluation evaluation = People.aged(age)
			.coded(People.HYP)
			.medicine(People.ACE_INHIBITORS, "Ramipril 5mg capsules")
			.bp(systolic, diastolic, TODAY.minusMonths(3))
			.evaluate();
		assertThat(evaluation.found(CaseFindingRule.HYPERTENSION_NOT_TO_TARGET)).isEqualTo(found);
		assertThat(evaluation.bpToTarget()).isEqualTo(!found);
	}

	@ParameterizedTest(name = "aged {0} home average {1}/{2}: not to target {3}")
	@CsvSource({ "79, 134, 84, false", "79, 135, 84, true", "79, 134, 85, true", "80, 144, 84, false",
			"80, 145, 84, true", "80, 144, 85, true" })
	void homeAndAmbulatoryAveragesHaveTheirOwnTargets(int age, int systolic, int diastolic, boolean found) {
		CaseFinding.Evaluation evaluation = People.aged(age)
			.coded(People.HYP)
			.homeAverage(systolic, diastolic, TODAY.minusMonths(2))
			.evaluate();
		assertThat(evaluation.found(CaseFindingRule.HYPERTENSION_NOT_TO_TARGET)).isEqualTo(found);
	}

	@Test
	void noReadingInTwelveMonthsIsNeitherOnTheTargetListNorToTarget() {
		CaseFinding.Evaluation evaluation = People.aged(60).coded(People.HYP)
			.bp(170, 100, TODAY.minusMonths(12).minusDays(1))
			.evaluate();
		assertThat(evaluation.found(CaseFindingRule.HYPERTENSION_NOT_TO_TARGET)).isFalse();
		assertThat(evaluation.bpToTarget()).isNull();
	}

	@Test
	void aHypertensionExceptionCodedInTwelveMonthsTakesThePersonOffTheTargetList() {
		People people = People.aged(60).coded(People.HYP).bp(160, 95, TODAY.minusMonths(1));
		people.coded(CodeSetFiles.first(People.HYPPCADEC), TODAY.minusMonths(11), null);
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.found(CaseFindingRule.HYPERTENSION_NOT_TO_TARGET)).isFalse();
		assertThat(evaluation.excepted()).singleElement()
			.satisfies(e -> assertThat(e.why()).contains(CodeSetFiles.first(People.HYPPCADEC).code()));

		People lapsed = People.aged(60).coded(People.HYP).bp(160, 95, TODAY.minusMonths(1));
		lapsed.coded(CodeSetFiles.first(People.HYPPCADEC), TODAY.minusMonths(12).minusDays(1), null);
		assertThat(lapsed.evaluate().found(CaseFindingRule.HYPERTENSION_NOT_TO_TARGET)).isTrue();
	}

	@ParameterizedTest(name = "{0} aged {1}, HYP {2}, anticoagulated {3}: CHA2DS2-VASc {4}, found {5}")
	@CsvSource({ "MALE, 64, true, false, 1, false", "MALE, 65, true, false, 2, true", "FEMALE, 64, false, false, 1, false",
			"FEMALE, 65, false, false, 2, true", "MALE, 75, false, false, 2, true", "MALE, 75, false, true, 2, false",
			"MALE, 50, false, false, 0, false" })
	void atrialFibrillationWithAChadsVascOfTwoNotAnticoagulated(Sex sex, int age, boolean hypertension,
			boolean anticoagulated, int score, boolean found) {
		People people = People.aged(age).sex(sex).coded(People.AF);
		if (hypertension) {
			people.coded(People.HYP);
		}
		if (anticoagulated) {
			people.medicine(People.DOACS, "Apixaban 5mg tablets");
		}
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.chadsVasc().score()).isEqualTo(score);
		assertThat(evaluation.chadsVasc().parts()).hasSize(8);
		assertThat(evaluation.found(CaseFindingRule.AF_NOT_ANTICOAGULATED)).isEqualTo(found);
		if (found) {
			assertThat(finding(evaluation, CaseFindingRule.AF_NOT_ANTICOAGULATED).values())
				.containsEntry("chadsVasc", score)
				.containsKey("chadsVascParts");
		}
	}

	@Test
	void chadsVascCountsEveryItemFromTheRegisters() {
		People people = People.aged(76).sex(Sex.FEMALE).coded(People.AF).coded(People.HF).coded(People.HYP)
			.coded(People.DMTYPE2, People.DM).coded(People.STRK).coded(People.PAD);
		ChadsVasc score = people.evaluate().chadsVasc();
		// heart failure 1, hypertension 1, 75+ 2, diabetes 1, stroke 2, vascular 1, female 1
		assertThat(score.score()).isEqualTo(9);
		assertThat(score.parts()).extracting(ChadsVasc.Part::points).containsExactly(1, 1, 2, 1, 2, 1, 0, 1);
	}

	@Test
	void existingCardiovascularDiseaseWithoutLipidLoweringTherapy() {
		for (String register : new String[] { People.CHD, People.STRK, People.TIA, People.PAD }) {
			assertThat(People.aged(60).coded(register).evaluate().found(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING))
				.as(register).isTrue();
			assertThat(People.aged(60).coded(register).medicine(People.STATINS, "Atorvastatin 80mg tablets").evaluate()
				.found(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING)).as(register).isFalse();
		}
		People intolerant = People.aged(60).coded(People.CHD);
		intolerant.coded(CodeSetFiles.first(People.STATINTOL), TODAY.minusYears(4), null);
		CaseFinding.Evaluation evaluation = intolerant.evaluate();
		assertThat(evaluation.found(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING)).isFalse();
		assertThat(evaluation.excepted()).extracting(e -> e.finding().rule())
			.contains(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING);
	}

	@Test
	void anAcuteEventASourceMarkedResolvedStillCounts() {
		People people = People.aged(60);
		people.coded(CodeSetFiles.first(People.CHD), TODAY.minusYears(2), TODAY.minusYears(2).plusDays(10));
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.found(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING)).isTrue();
		assertThat(evaluation.assessment().status()).isEqualTo(RiskAssessment.Status.NOT_APPROPRIATE);
	}

	@Test
	void ckdStage3To5WithoutLipidLoweringTherapy() {
		assertThat(People.aged(60).coded(People.CKD35).evaluate().found(CaseFindingRule.CKD_NOT_ON_LIPID_LOWERING))
			.isTrue();
		People withCvd = People.aged(60).coded(People.CKD35).coded(People.CHD);
		assertThat(withCvd.evaluate().findings()).extracting(CaseFinding.Finding::rule)
			.contains(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING)
			.doesNotContain(CaseFindingRule.CKD_NOT_ON_LIPID_LOWERING);
		People stage2Later = People.aged(60).coded(People.CKD35, TODAY.minusYears(3));
		stage2Later.coded(CodeSetFiles.first(People.CKD12), TODAY.minusYears(1), null);
		assertThat(stage2Later.evaluate().found(CaseFindingRule.CKD_NOT_ON_LIPID_LOWERING)).isFalse();
	}

	@ParameterizedTest(name = "non-HDL {0} -> total {1} on treatment: under 40% {2}")
	@CsvSource({ "5.0, 3.49, true", "5.0, 3.48, false", "5.0, 3.44, false", "5.0, 4.5, true" })
	void nonHdlReductionUnderFortyPercent(String baselineTotal, String onTreatmentTotal, boolean found) {
		// HDL 1.2 both times: baseline non-HDL 3.8; a total of 3.48 gives 2.28, exactly 40% (not under 40)
		LocalDate start = TODAY.minusMonths(6);
		People people = People.aged(60).medicine(People.STATINS, "Atorvastatin 20mg tablets", start)
			.cholesterol(baselineTotal, "1.2", start.minusDays(20))
			.cholesterol(onTreatmentTotal, "1.2", start.plusMonths(3));
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.found(CaseFindingRule.NON_HDL_NOT_REDUCED)).isEqualTo(found);
		assertThat(evaluation.statinAdvice()).contains("Atorvastatin 20mg tablets").contains("Non-HDL cholesterol");
		assertThat(evaluation.statinAdvice()).doesNotContain("offer atorvastatin");
	}

	@ParameterizedTest(name = "simvastatin ended {0} days before atorvastatin started: statins since the first {1}")
	@CsvSource({ "0, true", "90, true", "91, false", "-30, true" })
	void statinsSinceIsTheStartOfTheContinuousCourse(int gapDays, boolean sinceFirst) {
		LocalDate first = TODAY.minusYears(3);
		LocalDate current = TODAY.minusYears(1);
		People people = People.aged(60)
			.ended(People.STATINS, "Simvastatin 20mg tablets", first, current.minusDays(gapDays))
			.medicine(People.STATINS, "Atorvastatin 20mg tablets", current);
		String advice = people.evaluate().statinAdvice();
		LocalDate since = sinceFirst ? first : current;
		assertThat(advice).startsWith("On a statin: Atorvastatin 20mg tablets, statins since "
				+ RiskAssessment.date(since));
		if (sinceFirst) {
			assertThat(advice).contains("this prescription since " + RiskAssessment.date(current))
				.doesNotContain("statin prescriptions recorded from");
		}
		else {
			// the earlier statin is shown, not counted
			assertThat(advice).contains("statin prescriptions recorded from " + RiskAssessment.date(first));
		}
	}

	@Test
	void repeatIssuesAllStillActiveAreOneCourseFromTheFirst() {
		// as Synthea writes a repeat: a new active request each year, the older ones never ended
		People people = People.aged(60);
		for (int years = 6; years >= 0; years--) {
			people.medicine(People.STATINS, "Simvastatin 10mg tablets", TODAY.minusYears(years).minusDays(10));
		}
		assertThat(people.evaluate().statinAdvice())
			.contains("statins since " + RiskAssessment.date(TODAY.minusYears(6).minusDays(10)));
	}

	@Test
	void theNonHdlBaselineIsBeforeTheFirstStatinNotBeforeASwitch() {
		// non-HDL 4.0 before any statin; on simvastatin it fell to 3.0 (25%); then atorvastatin, and 2.0 on it:
		// 50% from the baseline before the course, so not under 40%. Against the value before the switch (3.0) it
		// would be only 33%.
		LocalDate first = TODAY.minusYears(2);
		LocalDate switched = TODAY.minusMonths(8);
		People people = People.aged(60)
			.cholesterol("5.2", "1.2", first.minusDays(30))
			.ended(People.STATINS, "Simvastatin 20mg tablets", first, switched)
			.cholesterol("4.2", "1.2", switched.minusDays(10))
			.medicine(People.STATINS, "Atorvastatin 20mg tablets", switched)
			.cholesterol("3.2", "1.2", switched.plusMonths(4));
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.found(CaseFindingRule.NON_HDL_NOT_REDUCED)).isFalse();
		assertThat(evaluation.statinAdvice()).contains("a reduction of 50%");
	}

	@Test
	void aNonHdlThatRoseOnAStatinIsCalledARise() {
		// baseline non-HDL 2.0 (total 3.2, HDL 1.2); on treatment 4.5 (total 5.7): up 125%
		LocalDate start = TODAY.minusMonths(6);
		CaseFinding.Finding finding = People.aged(60).medicine(People.STATINS, "Atorvastatin 20mg tablets", start)
			.cholesterol("3.2", "1.2", start.minusDays(20))
			.cholesterol("5.7", "1.2", start.plusMonths(3))
			.evaluate()
			.findings()
			.stream()
			.filter(f -> f.rule() == CaseFindingRule.NON_HDL_NOT_REDUCED)
			.findFirst()
			.orElseThrow();
		assertThat(finding.explanation()).contains("a rise of 125%").doesNotContain("reduction of -");
	}

	@Test
	void noNonHdlFlagWithoutABaselineOrBeforeTwoMonths() {
		LocalDate start = TODAY.minusMonths(6);
		assertThat(People.aged(60).medicine(People.STATINS, "Atorvastatin 20mg tablets", start)
			.cholesterol("4.5", "1.2", start.plusMonths(3)).evaluate()
			.found(CaseFindingRule.NON_HDL_NOT_REDUCED)).isFalse();
		assertThat(People.aged(60).medicine(People.STATINS, "Atorvastatin 20mg tablets", start)
			.cholesterol("5.0", "1.2", start.minusDays(5))
			.cholesterol("4.9", "1.2", start.plusMonths(1)).evaluate()
			.found(CaseFindingRule.NON_HDL_NOT_REDUCED)).isFalse();
	}

	@ParameterizedTest(name = "{0} BMI {1}: eligible {2}")
	@CsvSource({ "WHITE_BRITISH, 29.9, false", "WHITE_BRITISH, 30, true", "NOT_STATED, 29.9, false",
			"ASIAN_INDIAN, 27.4, false", "ASIAN_INDIAN, 27.5, true", "BLACK_AFRICAN, 27.4, false",
			"BLACK_AFRICAN, 27.5, true", "ASIAN_CHINESE, 27.5, true", "WHITE_IRISH, 27.5, false",
			"MIXED_WHITE_AND_ASIAN, 27.5, true" })
	void weightManagementThresholdByEthnicGroup(Ethnicity ethnicity, String bmi, boolean found) {
		assertThat(People.aged(50).ethnicity(ethnicity)
			.coded(People.DMTYPE2, People.DM)
			.bmi(bmi, TODAY.minusMonths(1))
			.evaluate()
			.found(CaseFindingRule.WEIGHT_MANAGEMENT)).isEqualTo(found);
	}

	@Test
	void weightManagementNeedsTheHypertensionOrDiabetesRegisterAndNoReferral() {
		assertThat(People.aged(50).bmi("35", TODAY.minusMonths(1)).evaluate().found(CaseFindingRule.WEIGHT_MANAGEMENT))
			.isFalse();
		People hypertensive = People.aged(50).coded(People.HYP).bmi("35", TODAY.minusMonths(1));
		assertThat(hypertensive.evaluate().found(CaseFindingRule.WEIGHT_MANAGEMENT)).isTrue();
		OutreachHistory referred = OutreachHistory.NONE.with(OutreachType.WEIGHT_MANAGEMENT_REFERRAL,
				OutreachOutcome.SENT, TODAY.minusYears(3));
		assertThat(hypertensive.evaluate(referred).found(CaseFindingRule.WEIGHT_MANAGEMENT)).isFalse();
	}

	@ParameterizedTest(name = "tobacco referral {0}, outcome {1}: listed {2}")
	@CsvSource({ ", SENT, true", "2025-11-22, SENT, false", "2025-11-21, SENT, true", "2026-06-01, DECLINED, false",
			"2026-06-01, NO_RESPONSE, true" })
	void smokersWithoutAReferralInTwelveMonths(LocalDate referral, OutreachOutcome outcome, boolean found) {
		OutreachHistory history = referral == null ? OutreachHistory.NONE
				: OutreachHistory.NONE.with(OutreachType.TOBACCO_REFERRAL, outcome, referral);
		assertThat(People.aged(45).smoker(15, TODAY.minusMonths(2)).evaluate(history)
			.found(CaseFindingRule.SMOKER_NOT_REFERRED)).isEqualTo(found);
	}

	@ParameterizedTest(name = "aged {0}, cholesterol {1} years and {2} days ago: listed {3}")
	@CsvSource({ "39, -1, 0, false", "40, -1, 0, true", "74, -1, 0, true", "75, -1, 0, false", "50, 5, 0, false",
			"50, 5, 1, true", "50, 2, 0, false" })
	void noRiskAssessmentInFiveYears(int age, int yearsAgo, int extraDays, boolean found) {
		People people = People.aged(age);
		if (yearsAgo >= 0) {
			people.cholesterol("5.1", "1.3", TODAY.minusYears(yearsAgo).minusDays(extraDays));
		}
		assertThat(people.evaluate().found(CaseFindingRule.NO_RISK_ASSESSMENT)).isEqualTo(found);
	}

	@Test
	void anAttendedRiskReviewCountsAsAnAssessment() {
		OutreachHistory reviewed = OutreachHistory.NONE.with(OutreachType.GP_REVIEW, OutreachOutcome.ATTENDED,
				TODAY.minusYears(1));
		assertThat(People.aged(50).evaluate(reviewed).found(CaseFindingRule.NO_RISK_ASSESSMENT)).isFalse();
		OutreachHistory invited = OutreachHistory.NONE.with(OutreachType.GP_REVIEW, OutreachOutcome.SENT,
				TODAY.minusYears(1));
		assertThat(People.aged(50).evaluate(invited).found(CaseFindingRule.NO_RISK_ASSESSMENT)).isTrue();
	}

	@ParameterizedTest(name = "aged {0}, systolic {1}, on statin {2}: listed {3}")
	@CsvSource({ "45, 120, false, false", "70, 200, false, true", "70, 200, true, false" })
	void highRiskNotOnStatin(int age, int systolic, boolean statin, boolean found) {
		People people = People.aged(age).assessable().bp(systolic, 85, TODAY.minusMonths(1));
		if (statin) {
			people.medicine(People.STATINS, "Atorvastatin 20mg tablets");
		}
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.assessment().assessed()).isTrue();
		assertThat(evaluation.found(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN)).isEqualTo(found);
		assertThat(evaluation.found(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN))
			.isEqualTo(evaluation.assessment().score() >= 10 && !statin);
		if (statin) {
			assertThat(evaluation.statinAdvice()).startsWith("On a statin: Atorvastatin 20mg tablets");
		}
	}

	@Test
	void aStatinNotIndicatedCodeCountsForTwelveMonths() {
		People recent = People.aged(70).assessable().bp(200, 85, TODAY.minusMonths(1));
		recent.coded(CodeSetFiles.first(People.STATNIND), TODAY.minusMonths(11), null);
		CaseFinding.Evaluation evaluation = recent.evaluate();
		assertThat(evaluation.found(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN)).isFalse();
		assertThat(evaluation.statinAdvice()).contains("no statin advice");
		People old = People.aged(70).assessable().bp(200, 85, TODAY.minusMonths(1));
		old.coded(CodeSetFiles.first(People.STATNIND), TODAY.minusMonths(13), null);
		assertThat(old.evaluate().found(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN)).isTrue();
	}

	@Test
	void theTenPercentBoundaryIsInclusive() {
		CaseFinding.Evaluation below = null;
		CaseFinding.Evaluation atOrAbove = null;
		for (int systolic = 90; systolic <= 200 && atOrAbove == null; systolic++) {
			CaseFinding.Evaluation evaluation = People.aged(58).assessable().bp(systolic, 80, TODAY.minusMonths(1))
				.evaluate();
			if (evaluation.assessment().score() >= 10) {
				atOrAbove = evaluation;
			}
			else {
				below = evaluation;
			}
		}
		assertThat(below).isNotNull();
		assertThat(atOrAbove).isNotNull();
		assertThat(below.found(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN)).isFalse();
		assertThat(atOrAbove.found(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN)).isTrue();
	}

	@Test
	void aPersonalisedCareAdjustmentTakesThePersonOffThatRulesListUntilItsReviewDate() {
		People people = People.aged(60).coded(People.CHD);
		CareAdjustments.Adjustment declined = new CareAdjustments.Adjustment(UUID.randomUUID(),
				CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING, AdjustmentReason.DECLINED, TODAY.minusMonths(2),
				TODAY.plusMonths(10), null, "coordinator", Instant.now(), null, null);
		CaseFinding.Evaluation excepted = people
			.evaluate(new CareAdjustments.InForce(Map.of(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING, declined)));
		assertThat(excepted.found(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING)).isFalse();
		assertThat(excepted.excepted()).singleElement().satisfies(e -> {
			assertThat(e.until()).isEqualTo(TODAY.plusMonths(10));
			assertThat(e.why()).contains("Declined");
		});
		// in force up to the day before the review date, not on it
		assertThat(declined.inForce(TODAY.plusMonths(10).minusDays(1))).isTrue();
		assertThat(declined.inForce(TODAY.plusMonths(10))).isFalse();
		// an adjustment for another rule changes nothing here
		CareAdjustments.Adjustment other = new CareAdjustments.Adjustment(UUID.randomUUID(),
				CaseFindingRule.HIGH_RISK_NOT_ON_STATIN, AdjustmentReason.DECLINED, TODAY.minusMonths(2),
				TODAY.plusMonths(10), null, "coordinator", Instant.now(), null, null);
		assertThat(people.evaluate(new CareAdjustments.InForce(Map.of(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN, other)))
			.found(CaseFindingRule.CVD_NOT_ON_LIPID_LOWERING)).isTrue();
	}

	@Test
	void severeBloodPressureCannotBeAdjusted() {
		assertThat(CaseFindingRule.SEVERE_BLOOD_PRESSURE.adjustments()).isEmpty();
		CareAdjustments.Adjustment declined = new CareAdjustments.Adjustment(UUID.randomUUID(),
				CaseFindingRule.SEVERE_BLOOD_PRESSURE, AdjustmentReason.DECLINED, TODAY.minusDays(1),
				TODAY.plusMonths(12), null, "coordinator", Instant.now(), null, null);
		assertThat(People.aged(60).bp(190, 100, TODAY.minusDays(1))
			.evaluate(new CareAdjustments.InForce(Map.of(CaseFindingRule.SEVERE_BLOOD_PRESSURE, declined)))
			.found(CaseFindingRule.SEVERE_BLOOD_PRESSURE)).isTrue();
	}

	@Test
	void findingsAreRankedByClinicalPriority() {
		CaseFinding.Evaluation evaluation = People.aged(50).smoker(25, TODAY.minusMonths(1))
			.bp(185, 110, TODAY.minusDays(2))
			.evaluate();
		assertThat(evaluation.findings()).extracting(CaseFinding.Finding::rule)
			.containsExactly(CaseFindingRule.SEVERE_BLOOD_PRESSURE, CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION,
					CaseFindingRule.SMOKER_NOT_REFERRED, CaseFindingRule.NO_RISK_ASSESSMENT,
					CaseFindingRule.RISK_NOT_ASSESSABLE);
	}

	@Test
	void everyRuleIsNamedVersionedAndSourced() {
		for (CaseFindingRule rule : CaseFindingRule.values()) {
			assertThat(rule.code()).startsWith("CVD-");
			assertThat(rule.version()).isPositive();
			assertThat(rule.title()).isNotBlank();
			assertThat(rule.description()).isNotBlank();
			assertThat(rule.indicator()).isNotBlank();
		}
		assertThat(CaseFindingRule.values()).extracting(CaseFindingRule::priority).doesNotHaveDuplicates();
		assertThat(CaseFindingRule.values()).extracting(CaseFindingRule::code).doesNotHaveDuplicates();
	}

	private static CaseFinding.Finding finding(CaseFinding.Evaluation evaluation, CaseFindingRule rule) {
		return evaluation.findings().stream().filter(f -> f.rule() == rule).findFirst().orElseThrow();
	}

}
