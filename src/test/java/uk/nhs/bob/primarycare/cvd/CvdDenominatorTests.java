package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone who has died leaves every dashboard denominator (and numerator) as soon as they are re-evaluated. */
@CvdModuleTest
@ExtendWith(CvdBaseline.class)
class CvdDenominatorTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dashboard dashboard;

	@Autowired
	PersonEvaluation evaluation;

	@Autowired
	IndicatorSnapshots snapshots;

	Dashboard.Counts bob() {
		List<Dashboard.Counts> counts = dashboard.counts("'BOB'", null, null, Map.of());
		return counts.get(0);
	}

	@Test
	void theFirstRefreshAfterAQuarterEndKeepsThatQuartersIndicatorsWithoutTheDead() {
		LocalDate quarter = IndicatorSnapshots.quarterEnd(LocalDate.now(PersonEvaluation.UK));
		long kept = jdbc.sql("SELECT coalesce(sum(people), 0) FROM cvd.indicator_snapshot WHERE quarter_end = ? AND NOT backfilled")
			.param(quarter).query(Long.class).single();
		assertThat(kept).isPositive();
		long dead = jdbc.sql("SELECT count(*) FROM population.person WHERE date_of_death IS NOT NULL").query(Long.class)
			.single();
		long everyone = jdbc.sql("SELECT count(*) FROM population.person").query(Long.class).single();
		assertThat(dead).isPositive();
		assertThat(kept).isLessThanOrEqualTo(everyone - dead);
		assertThat(snapshots.takeIfDue(LocalDate.now(PersonEvaluation.UK))).isFalse();
		List<IndicatorSnapshots.Point> trend = snapshots.trend("place", null, Dashboard.Indicator.TREATED_TO_TARGET);
		assertThat(trend).isNotEmpty();
		assertThat(trend.get(trend.size() - 1).quarterEnd()).isEqualTo(quarter);
		assertThat(trend.get(trend.size() - 1).median()).isNotNull();
	}

	@Test
	void quarterEndsAreTheLastDaysOfMarchJuneSeptemberAndDecember() {
		assertThat(IndicatorSnapshots.quarterEnd(LocalDate.of(2026, 12, 6))).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(IndicatorSnapshots.quarterEnd(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(IndicatorSnapshots.quarterEnd(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(IndicatorSnapshots.quarterEnd(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(IndicatorSnapshots.quarterEnd(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 6, 30));
	}

	@Test
	void theRefreshMarksEveryoneWhoHasDied() {
		long dead = jdbc.sql("""
				SELECT count(*) FROM cvd.person_risk r JOIN population.person p ON p.nhs_number = r.nhs_number
				WHERE p.date_of_death IS NOT NULL""").query(Long.class).single();
		assertThat(dead).isPositive();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM cvd.person_risk r JOIN population.person p ON p.nhs_number = r.nhs_number
				WHERE (p.date_of_death IS NOT NULL) <> r.deceased""").query(Long.class).single()).isZero();
	}

	@Test
	void aPersonWhoHasDiedIsInNoDenominator() {
		String nhs = jdbc.sql("""
				SELECT nhs_number FROM cvd.person_risk WHERE hypertension AND NOT deceased AND bp_to_target = false
				ORDER BY nhs_number DESC LIMIT 1""").query(String.class).single();
		long deceasedBefore = jdbc.sql("SELECT count(*) FROM cvd.person_risk WHERE deceased").query(Long.class).single();
		Dashboard.Counts before = bob();
		try {
			jdbc.sql("UPDATE population.person SET date_of_death = ? WHERE nhs_number = ?")
				.params(LocalDate.now(PersonEvaluation.UK).minusDays(3), nhs).update();
			evaluation.reevaluate(new NhsNumber(nhs));
			assertThat(jdbc.sql("SELECT deceased FROM cvd.person_risk WHERE nhs_number = ?").param(nhs)
				.query(Boolean.class).single()).isTrue();
			Dashboard.Counts after = bob();
			assertThat(after.people()).isEqualTo(before.people() - 1);
			assertThat(after.hypertension()).isEqualTo(before.hypertension() - 1);
			assertThat(after.toTarget()).isEqualTo(before.toTarget());
			assertThat(after.denominator(Dashboard.Indicator.TREATED_TO_TARGET))
				.isEqualTo(before.denominator(Dashboard.Indicator.TREATED_TO_TARGET) - 1);
			assertThat(dashboard.impactInputs(null).people()).isEqualTo(before.people() - 1);
			assertThat(jdbc.sql("SELECT count(*) FROM cvd.person_risk WHERE deceased").query(Long.class).single())
				.isEqualTo(deceasedBefore + 1);
		}
		finally {
			jdbc.sql("UPDATE population.person SET date_of_death = NULL WHERE nhs_number = ?").param(nhs).update();
			evaluation.reevaluate(new NhsNumber(nhs));
		}
		assertThat(bob().people()).isEqualTo(before.people());
	}

}
