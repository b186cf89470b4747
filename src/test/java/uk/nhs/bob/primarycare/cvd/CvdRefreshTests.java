package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The population refresh into the cvd tables and its published counts, over the population's generated people on the
 * real database, after a first refresh ({@link CvdBaseline}). The re-evaluation of
 * one person when a reading arrives, and the "found" event published on the change only, are module tests
 * ({@link CvdEventsModuleTests}).
 */
@CvdModuleTest
@ExtendWith(CvdBaseline.class)
class CvdRefreshTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PopulationRefresh refresh;

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

		long versionBefore = findingsVersion();
		long id = refresh.runNow("TEST", null);
		// the swap moves the findings' data version, and the new table moves it on any change, as the old one did
		long versionAfter = findingsVersion();
		assertThat(versionAfter).isGreaterThan(versionBefore);
		jdbc.sql("UPDATE cvd.finding SET found_on = found_on WHERE nhs_number = ?").param(someone).update();
		assertThat(findingsVersion()).isGreaterThan(versionAfter);

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
	void bobQuintilesSplitTheDeprivationOrderIntoFifths() {
		float[] cuts = { 210f, 400f, 590f, 800f };
		assertThat(PopulationRefresh.bobQuintile(PopulationRefresh.deprivationKey(1, 5.0), cuts)).isEqualTo(1);
		assertThat(PopulationRefresh.bobQuintile(PopulationRefresh.deprivationKey(3, 2.0), cuts)).isEqualTo(2);
		assertThat(PopulationRefresh.bobQuintile(PopulationRefresh.deprivationKey(10, -3.0), cuts)).isEqualTo(5);
	}

	private long findingsVersion() {
		return jdbc.sql("SELECT version FROM cvd.findings_version").query(Long.class).single();
	}

}
