package uk.nhs.bob.primarycare.cvd;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.PersonContextProvider.PersonContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the same-day request page shows of a person's CVD case-finding: the rules that find them in the rules' priority
 * order, then their QRISK3 score when there is one, each linking to the person's CVD page; nothing for someone the
 * CVD module holds nothing about. Each test is rolled back: its findings and risks are of people the population does
 * not hold, which would otherwise stay in the module's shared test database for the population-wide checks after it.
 */
@CvdModuleTest
@Transactional
class CvdTriageContextTests {

	@Autowired
	CvdTriageContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFlagsInPriorityOrderThenTheScore() {
		NhsNumber person = newNhsNumber();
		// inserted out of order: the page orders them
		finding(person, CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION);
		finding(person, CaseFindingRule.SEVERE_BLOOD_PRESSURE);
		risk(person, 12.345);
		String link = "/cvd/people/" + person.value();
		assertThat(context.contextFor(person)).containsExactly(
				new PersonContext("CVD prevention", "CVD flag", CaseFindingRule.SEVERE_BLOOD_PRESSURE.title(), link),
				new PersonContext("CVD prevention", "CVD flag",
						CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION.title(), link),
				new PersonContext("CVD prevention", "QRISK3 10-year risk", "12.3%", link));
	}

	@Test
	void aScoreAloneAndNoScoreAtAll() {
		NhsNumber scored = newNhsNumber();
		risk(scored, 7.0);
		assertThat(context.contextFor(scored)).extracting(PersonContext::label, PersonContext::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("QRISK3 10-year risk", "7.0%"));
		NhsNumber unscored = newNhsNumber();
		finding(unscored, CaseFindingRule.AF_NOT_ANTICOAGULATED);
		risk(unscored, null);
		assertThat(context.contextFor(unscored)).extracting(PersonContext::label).containsExactly("CVD flag");
		assertThat(context.contextFor(newNhsNumber())).isEmpty();
	}

	private void finding(NhsNumber person, CaseFindingRule rule) {
		jdbc.sql("""
				INSERT INTO cvd.finding (nhs_number, rule_code, rule_version, priority, practice_code, pcn_code,
				  site_code, place_code, imd_decile, townsend, explanation, found_on)
				VALUES (?, ?, 1, ?, 'K00000', 'U00000', 'T-SITE', 'T00', 5, 0, 'test', current_date)""")
			.params(person.value(), rule.code(), rule.priority())
			.update();
	}

	private void risk(NhsNumber person, Double score) {
		jdbc.sql("""
				INSERT INTO cvd.person_risk (nhs_number, practice_code, pcn_code, site_code, place_code, age, sex,
				  qrisk_ethnicity, imd_decile, townsend, status, score, hypertension, on_statin, assessed_5y, evaluated_at)
				VALUES (?, 'K00000', 'U00000', 'T-SITE', 'T00', 50, 'F', 1, 5, 0, 'SCORED', ?, false, false, false, now())""")
			.params(person.value(), score)
			.update();
	}

	/** A new valid NHS number (Modulus 11) in the 999 range, which is never issued to a real person. */
	private static NhsNumber newNhsNumber() {
		while (true) {
			String stem = "999" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
			Integer check = NhsNumber.checkDigit(stem);
			if (check != null) {
				return new NhsNumber(stem + check);
			}
		}
	}

}
