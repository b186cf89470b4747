package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The population refresh into the cvd tables, the re-evaluation of one person when a reading arrives, and the
 * "found" events published on a change only, on the real database.
 */
@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class CvdRefreshTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PopulationRefresh refresh;

	@Autowired
	PersonEvaluation personEvaluation;

	@Autowired
	Population population;

	/** People aged 30-70, not hypertensive, with no reading today and no possible-hypertension finding. */
	List<String> normotensivePeople() {
		return jdbc.sql("""
				SELECT r.nhs_number FROM cvd.person_risk r
				WHERE r.age BETWEEN 30 AND 70 AND NOT r.hypertension AND r.status <> 'NOT_APPROPRIATE'
				  AND NOT EXISTS (SELECT 1 FROM cvd.finding f WHERE f.nhs_number = r.nhs_number
				                  AND f.rule_code IN ('CVD-HTN-UNDX', 'CVD-BP-SEVERE'))
				  AND NOT EXISTS (SELECT 1 FROM population.observation o WHERE o.nhs_number = r.nhs_number
				                  AND o.observed_on >= current_date)
				ORDER BY r.nhs_number""").query(String.class).list();
	}

	boolean found(String nhsNumber, CaseFindingRule rule) {
		return jdbc.sql("SELECT count(*) FROM cvd.finding WHERE nhs_number = ? AND rule_code = ?")
			.params(nhsNumber, rule.code())
			.query(Long.class)
			.single() == 1;
	}

	@Test
	void aRefreshEvaluatesEveryoneAndKeepsWhenEachFindingWasFirstMade() {
		long people = jdbc.sql("SELECT count(*) FROM population.person").query(Long.class).single();
		// Make one finding look old: the refresh must keep its date, as the finding still stands
		String someone = jdbc.sql("SELECT nhs_number FROM cvd.finding ORDER BY nhs_number, rule_code LIMIT 1")
			.query(String.class)
			.single();
		String rule = jdbc.sql("SELECT rule_code FROM cvd.finding WHERE nhs_number = ? ORDER BY rule_code LIMIT 1")
			.param(someone)
			.query(String.class)
			.single();
		jdbc.sql("UPDATE cvd.finding SET found_on = DATE '2025-01-02' WHERE nhs_number = ? AND rule_code = ?")
			.params(someone, rule)
			.update();

		long id = refresh.runNow("TEST", null);

		RefreshJobs.Run run = jdbc.sql("SELECT status, processed, findings, baseline FROM cvd.refresh_run WHERE id = ?")
			.param(id)
			.query((rs, i) -> new RefreshJobs.Run(id, java.time.Instant.now(), null, rs.getString(1), "TEST", null,
					people, rs.getLong(2), rs.getLong(3), 0, rs.getBoolean(4), null, null))
			.single();
		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.baseline()).isFalse();
		assertThat(run.processed()).isEqualTo(people);
		// everyone is read; the people registered today are evaluated
		long registered = jdbc.sql("""
				SELECT count(*) FROM population.person WHERE (registered_until IS NULL OR registered_until >= ?)
				  AND (registered_from IS NULL OR registered_from <= ?)""")
			.params(LocalDate.now(PersonEvaluation.UK), LocalDate.now(PersonEvaluation.UK))
			.query(Long.class)
			.single();
		assertThat(registered).isLessThan(people);
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.person_risk").query(Long.class).single()).isEqualTo(registered);
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.finding").query(Long.class).single())
			.isEqualTo(run.findings())
			.isPositive();
		assertThat(jdbc.sql("SELECT found_on FROM cvd.finding WHERE nhs_number = ? AND rule_code = ?")
			.params(someone, rule)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2025, 1, 2));
		// Every rule finds someone in the demo population, and QRISK3 is assessed for most adults 25-84
		assertThat(jdbc.sql("SELECT count(DISTINCT rule_code) FROM cvd.finding").query(Long.class).single())
			.isEqualTo(CaseFindingRule.values().length);
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.person_risk WHERE status = 'ASSESSED'").query(Long.class).single())
			.isPositive();
	}

	@Test
	void aRefreshPublishesEachSitesCountsAddingUpToTheStoredFindings(AssertablePublishedEvents events) {
		refresh.runNow("TEST", null);

		List<CvdIndicatorsCounted> counted = java.util.stream.StreamSupport
			.stream(events.ofType(CvdIndicatorsCounted.class).spliterator(), false)
			.toList();
		assertThat(counted).extracting(CvdIndicatorsCounted::siteCode).doesNotHaveDuplicates().isNotEmpty();
		assertThat(counted).allSatisfy(site -> assertThat(site.highRiskOnStatin()).isBetween(0, site.highRisk()));
		// the counts of the parts read in parallel add up to what the refresh stored
		assertThat(counted.stream().mapToLong(CvdIndicatorsCounted::possibleUndiagnosedHypertension).sum())
			.isEqualTo(jdbc.sql("SELECT count(*) FROM cvd.finding WHERE rule_code = 'CVD-HTN-UNDX'")
				.query(Long.class)
				.single())
			.isPositive();
		assertThat(counted.stream().mapToLong(CvdIndicatorsCounted::highRisk).sum())
			.isEqualTo(jdbc.sql("SELECT count(*) FROM cvd.person_risk WHERE score >= ?")
				.param(CaseFinding.QRISK_THRESHOLD)
				.query(Long.class)
				.single())
			.isPositive();
	}

	@Test
	void aNewlyFoundPersonIsPublishedOnceOnlyOnTheChange(AssertablePublishedEvents events) {
		String nhs = normotensivePeople().get(0);
		NhsNumber nhsNumber = new NhsNumber(nhs);
		// A raised reading written straight into the record (no event), then evaluated in this thread
		int line = jdbc.sql("SELECT coalesce(max(line), 0) FROM population.observation WHERE nhs_number = ?")
			.param(nhs)
			.query(Integer.class)
			.single();
		String systolic = CodeSetFiles.withTerm(People.SYSTOLIC, "Systolic arterial pressure").code();
		String diastolic = CodeSetFiles.withTerm(People.DIASTOLIC, "Diastolic arterial pressure").code();
		jdbc.sql("""
				INSERT INTO population.observation (nhs_number, line, code, value, unit, observed_on, setting)
				VALUES (?, ?, ?, 152, 'mmHg', current_date, 'CLINIC'), (?, ?, ?, 96, 'mmHg', current_date, 'CLINIC')""")
			.params(nhs, line + 1, systolic, nhs, line + 2, diastolic)
			.update();

		personEvaluation.reevaluate(nhsNumber);
		assertThat(found(nhs, CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isTrue();
		assertThat(events.ofType(PossibleHypertensionFound.class)
			.matching(e -> e.nhsNumber().equals(nhsNumber) && e.systolic() == 152 && e.diastolic() == 96
					&& e.readingDate().equals(LocalDate.now(PersonEvaluation.UK))))
			.hasSize(1);

		personEvaluation.reevaluate(nhsNumber);
		assertThat(events.ofType(PossibleHypertensionFound.class).matching(e -> e.nhsNumber().equals(nhsNumber)))
			.as("still found: not published again")
			.hasSize(1);
	}

	@Test
	void aReadingFromAPharmacyReEvaluatesThePersonAtOnce() throws InterruptedException {
		String nhs = normotensivePeople().get(1);
		assertThat(found(nhs, CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isFalse();

		long started = System.nanoTime();
		assertThat(population.recordBloodPressure(new NhsNumber(nhs), 148, 92, LocalDate.now(PersonEvaluation.UK),
				BloodPressureSetting.PHARMACY)).isTrue();
		while (!found(nhs, CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)
				&& System.nanoTime() - started < 10_000_000_000L) {
			Thread.sleep(20);
		}
		assertThat(found(nhs, CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)).isTrue();
		assertThat(jdbc.sql("SELECT explanation FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-HTN-UNDX'")
			.param(nhs)
			.query(String.class)
			.single()).contains("148/92").contains("Community pharmacy");
	}

	@Test
	void bobQuintilesSplitTheDeprivationOrderIntoFifths() {
		float[] cuts = { 210f, 400f, 590f, 800f };
		assertThat(PopulationRefresh.bobQuintile(PopulationRefresh.deprivationKey(1, 5.0), cuts)).isEqualTo(1);
		assertThat(PopulationRefresh.bobQuintile(PopulationRefresh.deprivationKey(3, 2.0), cuts)).isEqualTo(2);
		assertThat(PopulationRefresh.bobQuintile(PopulationRefresh.deprivationKey(10, -3.0), cuts)).isEqualTo(5);
	}

}
