package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend is back-filled from the record for the last 8 quarters: stored apart from the live snapshots, with
 * people counted only while registered and alive then, shown on the dashboard, and a quarter the record cannot give
 * said so instead of drawn.
 */
@CvdModuleTest
@ExtendWith(CvdBaseline.class)
class TrendBackfillTests {

	@Autowired
	ApplicationContext context;

	/** A new Berkshire West delivery lead, signed in. */
	RequestPostProcessor delivery() {
		return IdentityFixtures.signedIn(context,
				"delivery", Role.PLACE_DELIVERY, OrganisationScope.place("15A"));
	}

	@Autowired
	IndicatorBackfill backfill;

	@Autowired
	IndicatorSnapshots snapshots;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void eachBackfilledQuarterCountsThePeopleRegisteredAndAliveOnItsLastDay() {
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		// the demo's first refresh back-filled the window already
		assertThat(backfill.due(today)).isFalse();
		IndicatorBackfill.Result result = backfill.run(today);
		assertThat(result.quarters()).hasSize(IndicatorSnapshots.QUARTERS);
		for (LocalDate quarter : result.quarters()) {
			long counted = jdbc.sql("SELECT coalesce(sum(people), 0) FROM cvd.indicator_snapshot WHERE quarter_end = ? "
					+ "AND backfilled").param(quarter).query(Long.class).single();
			long registered = jdbc.sql("""
					SELECT count(*) FROM population.person
					WHERE date_of_birth <= :q AND (date_of_death IS NULL OR date_of_death > :q)
					  AND (registered_from IS NULL OR registered_from <= :q)
					  AND (registered_until IS NULL OR registered_until >= :q)""")
				.param("q", quarter)
				.query(Long.class)
				.single();
			assertThat(counted).as("people on %s", quarter).isEqualTo(registered).isPositive();
		}
		// the population changes over the two years: people joined and left, so the denominators differ
		List<Long> people = result.quarters()
			.stream()
			.map(q -> jdbc.sql("SELECT sum(people) FROM cvd.indicator_snapshot WHERE quarter_end = ? AND backfilled")
				.param(q)
				.query(Long.class)
				.single())
			.distinct()
			.toList();
		assertThat(people).hasSizeGreaterThan(1);
		// the live snapshot of the last quarter is kept beside its back-filled one, not replaced
		LocalDate last = result.quarters().get(result.quarters().size() - 1);
		assertThat(jdbc.sql("SELECT count(DISTINCT backfilled) FROM cvd.indicator_snapshot WHERE quarter_end = ?")
			.param(last)
			.query(Long.class)
			.single()).isEqualTo(2);

		List<IndicatorSnapshots.Point> trend = snapshots.trend("place", null, Dashboard.Indicator.TREATED_TO_TARGET);
		assertThat(trend).hasSize(IndicatorSnapshots.QUARTERS);
		assertThat(trend.subList(0, trend.size() - 1)).as(trend.toString()).allSatisfy(p -> {
			assertThat(p.backfilled()).isTrue();
			assertThat(p.percent()).isNotNull();
			assertThat(p.median()).isNotNull();
		});
		assertThat(trend.get(trend.size() - 1).backfilled()).isFalse();
	}

	@Test
	void aQuarterTheRecordCannotGiveIsSaidSoOnThePageInsteadOfDrawn() {
		LocalDate first = IndicatorBackfill.quarters(LocalDate.now(PersonEvaluation.UK)).get(0);
		String reason = "blood pressure readings in the record start on 1 Jan 2099, so the 12 months before this "
				+ "quarter end are not covered";
		jdbc.sql("INSERT INTO cvd.indicator_backfill_gap (quarter_end, indicator, reason) VALUES (?, ?, ?)")
			.params(first, Dashboard.Indicator.TREATED_TO_TARGET.name(), reason)
			.update();
		try {
			List<IndicatorSnapshots.Point> trend = snapshots.trend("place", null, Dashboard.Indicator.TREATED_TO_TARGET);
			assertThat(trend.get(0).gap()).isEqualTo(reason);
			assertThat(trend.get(0).percent()).isNull();
			assertThat(mvc.get()
				.uri("/cvd/dashboard?indicator=TREATED_TO_TARGET")
				.with(delivery())).hasStatusOk()
				.bodyText()
				.contains("Not available from the record: " + reason)
				.contains("Back-filled from the record on")
				.contains("cvd-chart__point--backfilled");
			// another indicator of the same quarter is still drawn
			assertThat(snapshots.trend("place", null, Dashboard.Indicator.HYPERTENSION_PREVALENCE).get(0).percent())
				.isNotNull();
		}
		finally {
			jdbc.sql("DELETE FROM cvd.indicator_backfill_gap WHERE reason = ?").param(reason).update();
		}
	}

}
