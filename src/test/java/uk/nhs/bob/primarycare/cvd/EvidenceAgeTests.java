package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each finding's evidence is aged, and flagged when older than its rule's window; a diagnosis never goes stale. */
class EvidenceAgeTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	@Test
	void aQrisk3InputOlderThanFiveYearsIsFlaggedWithItsYear() {
		EvidenceAge.Age age = EvidenceAge.of(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN, LocalDate.of(2019, 3, 4), TODAY);
		assertThat(age.stale()).isTrue();
		assertThat(age.text()).isEqualTo("from March 2019, 7 years ago, older than the rule's 5 years");
		assertThat(EvidenceAge.of(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN, TODAY.minusYears(5), TODAY).stale()).isFalse();
		assertThat(EvidenceAge.of(CaseFindingRule.HIGH_RISK_NOT_ON_STATIN, TODAY.minusYears(5).minusDays(1), TODAY)
			.stale()).isTrue();
	}

	@Test
	void aBmiOrSmokingStatusOverAYearOldIsStaleAndARegisterEntryNeverIs() {
		assertThat(EvidenceAge.of(CaseFindingRule.WEIGHT_MANAGEMENT, TODAY.minusMonths(13), TODAY).stale()).isTrue();
		assertThat(EvidenceAge.of(CaseFindingRule.SMOKER_NOT_REFERRED, TODAY.minusMonths(11), TODAY).text())
			.isEqualTo("from January 2026, 11 months ago");
		assertThat(EvidenceAge.of(CaseFindingRule.AF_NOT_ANTICOAGULATED, LocalDate.of(2001, 1, 1), TODAY).stale())
			.isFalse();
		assertThat(EvidenceAge.of(CaseFindingRule.RISK_NOT_ASSESSABLE, null, TODAY)).isEqualTo(EvidenceAge.Age.NONE);
	}

	@Test
	void aWorklistStatusFollowsTheLatestOutreach() {
		assertThat(Worklists.status(null, 14, TODAY)).isEqualTo(ContactStatus.NOT_CONTACTED);
		assertThat(Worklists.status(new Worklists.LastOutreach(OutreachType.GP_REVIEW, OutreachOutcome.SENT,
				TODAY.minusDays(13), "x"), 14, TODAY)).isEqualTo(ContactStatus.INVITED);
		assertThat(Worklists.status(new Worklists.LastOutreach(OutreachType.GP_REVIEW, OutreachOutcome.SENT,
				TODAY.minusDays(14), "x"), 14, TODAY)).isEqualTo(ContactStatus.NO_RESPONSE);
		assertThat(Worklists.status(new Worklists.LastOutreach(OutreachType.GP_REVIEW, OutreachOutcome.DECLINED,
				TODAY, "x"), 14, TODAY)).isEqualTo(ContactStatus.DECLINED);
	}

	@Test
	void theQrisk3PageListsEveryDatedInputAndFlagsThoseOlderThanFiveYears() {
		RiskAssessment assessment = People.aged(60)
			.bmi("26", LocalDate.of(2019, 3, 4))
			.cholesterol("5.0", "1.25", People.TODAY.minusMonths(6))
			.bp(130, 80, People.TODAY.minusYears(6))
			.smoker(12, People.TODAY.minusMonths(2))
			.evaluate()
			.assessment();
		assertThat(EvidenceAge.qriskInputs(assessment, People.TODAY)).extracting(EvidenceAge.InputAge::text,
				EvidenceAge.InputAge::stale)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("BMI from March 2019, 7 years ago", true),
					org.assertj.core.groups.Tuple.tuple("Systolic blood pressure from November 2020, 6 years ago", true),
					org.assertj.core.groups.Tuple.tuple("Cholesterol from May 2026, 6 months ago", false),
					org.assertj.core.groups.Tuple.tuple("Smoking status from September 2026, 2 months ago", false));
		assertThat(EvidenceAge.staleQriskInputs(assessment, People.TODAY))
			.containsExactly("BMI from March 2019, 7 years ago", "Systolic blood pressure from November 2020, 6 years ago");
		assertThat(EvidenceAge.staleQriskInputs(
				People.aged(60).assessable().bp(130, 80, People.TODAY).evaluate().assessment(), People.TODAY))
			.isEmpty();
	}

	@Test
	void theQrisk3FindingIsAsOldAsItsOldestInputNotItsLatestReading() {
		// a recent reading, but the cholesterol the score rests on is from 2019
		CaseFinding.Evaluation evaluation = People.aged(72)
			.bmi("31", People.TODAY.minusMonths(1))
			.cholesterol("7.0", "1.0", LocalDate.of(2019, 6, 10))
			.bp(170, 95, People.TODAY.minusDays(3))
			.smoker(25, People.TODAY.minusMonths(1))
			.evaluate();
		CaseFinding.Finding finding = evaluation.findings()
			.stream()
			.filter(f -> f.rule() == CaseFindingRule.HIGH_RISK_NOT_ON_STATIN)
			.findFirst()
			.orElseThrow();
		assertThat(finding.evidenceDate()).isEqualTo(LocalDate.of(2019, 6, 10));
		assertThat(finding.explanation()).endsWith("; oldest input: cholesterol of 10 Jun 2019");
		assertThat(finding.values()).containsEntry("oldestInput", "Cholesterol");
		EvidenceAge.Age age = EvidenceAge.of(finding.rule(), finding.evidenceDate(), People.TODAY);
		assertThat(age.stale()).isTrue();
		assertThat(age.text()).startsWith("from June 2019");

		// with every input recent, the finding is not stale
		CaseFinding.Finding fresh = People.aged(72)
			.bmi("31", People.TODAY.minusMonths(1))
			.cholesterol("7.0", "1.0", People.TODAY.minusMonths(2))
			.bp(170, 95, People.TODAY.minusDays(3))
			.smoker(25, People.TODAY.minusMonths(1))
			.evaluate()
			.findings()
			.stream()
			.filter(f -> f.rule() == CaseFindingRule.HIGH_RISK_NOT_ON_STATIN)
			.findFirst()
			.orElseThrow();
		assertThat(fresh.evidenceDate()).isEqualTo(People.TODAY.minusMonths(2));
		assertThat(CaseFinding.inSentence("BMI")).isEqualTo("BMI");
		assertThat(CaseFinding.inSentence("Systolic blood pressure")).isEqualTo("systolic blood pressure");
		assertThat(EvidenceAge.of(fresh.rule(), fresh.evidenceDate(), People.TODAY).stale()).isFalse();
	}

}
