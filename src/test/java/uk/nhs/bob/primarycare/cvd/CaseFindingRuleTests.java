package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhs.bob.primarycare.population.Ethnicity;
import uk.nhs.bob.primarycare.population.MedicationCategory;
import uk.nhs.bob.primarycare.population.ObservationType;
import uk.nhs.bob.primarycare.population.ProblemCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.bob.primarycare.cvd.People.TODAY;

/** Every rule's boundaries, table by table (DOMAIN.md A3, B4, B5). */
class CaseFindingRuleTests {

	@ParameterizedTest(name = "{0}/{1} aged {2}, diagnosed {3}: found {4}")
	@CsvSource({
		"139, 89, 50, false, false", "140, 89, 50, false, false", "139, 90, 50, false, false",
		"140, 90, 50, false, true", "160, 100, 50, false, true", "140, 90, 50, true, false",
		"140, 90, 17, false, false", "140, 90, 18, false, true" })
	void possibleUndiagnosedHypertension(int systolic, int diastolic, int age, boolean diagnosed, boolean found) {
		People people = People.aged(age).bp(systolic, diastolic, TODAY.minusMonths(2));
		if (diagnosed) {
			people.problem(ProblemCodes.HYPERTENSION, "Essential hypertension");
		}
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isEqualTo(found);
		if (found) {
			CaseFinding.Finding finding = evaluation.findings().stream()
				.filter(f -> f.rule() == CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION).findFirst().orElseThrow();
			assertThat(finding.systolic()).isEqualTo(systolic);
			assertThat(finding.diastolic()).isEqualTo(diastolic);
			assertThat(finding.evidenceDate()).isEqualTo(TODAY.minusMonths(2));
			assertThat(finding.explanation()).contains(systolic + "/" + diastolic);
		}
	}

	@Test
	void onlyTheLatestReadingCountsForPossibleHypertension() {
		assertThat(People.aged(50).bp(150, 95, TODAY.minusYears(1)).bp(130, 80, TODAY.minusMonths(1)).evaluate()
			.found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isFalse();
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
			.problem(ProblemCodes.HYPERTENSION, "Essential hypertension")
			.medicine(MedicationCategory.ANTIHYPERTENSIVE, "Amlodipine 5mg tablets")
			.bp(systolic, diastolic, TODAY.minusMonths(3))
			.evaluate();
		assertThat(evaluation.found(CaseFindingRule.HYPERTENSION_NOT_TO_TARGET)).isEqualTo(found);
		assertThat(evaluation.bpToTarget()).isEqualTo(!found);
	}

	@ParameterizedTest(name = "{0} BMI {1}: eligible {2}")
	@CsvSource({ "WHITE_BRITISH, 29.9, false", "WHITE_BRITISH, 30, true", "NOT_STATED, 29.9, false",
			"ASIAN_INDIAN, 27.4, false", "ASIAN_INDIAN, 27.5, true", "BLACK_AFRICAN, 27.4, false",
			"BLACK_AFRICAN, 27.5, true", "ASIAN_CHINESE, 27.5, true", "WHITE_IRISH, 27.5, false",
			"MIXED_WHITE_AND_ASIAN, 27.5, true" })
	void weightManagementThresholdByEthnicGroup(Ethnicity ethnicity, String bmi, boolean found) {
		assertThat(People.aged(50).ethnicity(ethnicity)
			.problem(ProblemCodes.TYPE_2_DIABETES, "Type 2 diabetes mellitus")
			.observation(ObservationType.BMI, bmi, TODAY.minusMonths(1))
			.evaluate()
			.found(CaseFindingRule.WEIGHT_MANAGEMENT)).isEqualTo(found);
	}

	@Test
	void weightManagementNeedsHypertensionOrDiabetesAndNoReferral() {
		People noCondition = People.aged(50).observation(ObservationType.BMI, "35", TODAY.minusMonths(1));
		assertThat(noCondition.evaluate().found(CaseFindingRule.WEIGHT_MANAGEMENT)).isFalse();
		People hypertensive = People.aged(50).problem(ProblemCodes.HYPERTENSION, "Essential hypertension")
			.observation(ObservationType.BMI, "35", TODAY.minusMonths(1));
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
			people.observation(ObservationType.TOTAL_CHOLESTEROL, "5.1",
					TODAY.minusYears(yearsAgo).minusDays(extraDays));
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
			people.medicine(MedicationCategory.LIPID_LOWERING, "Atorvastatin 20mg tablets");
		}
		CaseFinding.Evaluation evaluation = people.evaluate();
		assertThat(evaluation.assessment().assessed()).isTrue();
		assertThat(evaluation.found(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN)).isEqualTo(found);
		assertThat(evaluation.found(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN))
			.isEqualTo(evaluation.assessment().score() >= 10 && !statin);
	}

	@Test
	void theTenPercentBoundaryIsInclusive() {
		// A 64 year old man's score crosses 10% as systolic pressure rises: find the first reading at or above 10%
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
	}

}
