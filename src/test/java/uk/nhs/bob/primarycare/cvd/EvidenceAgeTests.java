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
	void theQrisk3PageNamesTheMeasurementsOlderThanFiveYears() {
		People people = People.aged(60)
			.bmi("26", LocalDate.of(2019, 3, 4))
			.cholesterol("5.0", "1.25", People.TODAY.minusMonths(6))
			.bp(130, 80, People.TODAY.minusYears(6));
		assertThat(EvidenceAge.staleQriskInputs(people.record(), People.TODAY))
			.containsExactly("BMI from March 2019, 7 years ago", "Systolic blood pressure from November 2020, 6 years ago");
		assertThat(EvidenceAge.staleQriskInputs(People.aged(60).assessable().bp(130, 80, People.TODAY).record(),
				People.TODAY)).isEmpty();
	}

}
