package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone who has died leaves every dashboard denominator (and numerator) as soon as they are re-evaluated. */
@IntegrationTest
class CvdDenominatorTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dashboard dashboard;

	@Autowired
	PersonEvaluation evaluation;

	Dashboard.Counts bob() {
		List<Dashboard.Counts> counts = dashboard.counts("'BOB'", null, null, Map.of());
		return counts.get(0);
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
