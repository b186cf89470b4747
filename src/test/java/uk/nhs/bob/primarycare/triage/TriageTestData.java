package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** People from the test population (demo data of 2,000 people) for triage tests. */
final class TriageTestData {

	private TriageTestData() {
	}

	/**
	 * A living person registered in a hub, of this sex and age range, picked by an offset so tests do not share the
	 * same person (a shared person would link requests within 7 days).
	 */
	static Map<String, Object> person(JdbcClient jdbc, String siteCode, String sex, int minAge, int maxAge, int offset) {
		LocalDate today = LocalDate.now();
		return jdbc.sql("""
				SELECT p.nhs_number, p.given_name, p.family_name, p.date_of_birth FROM population.person p
				JOIN directory.practice pr ON pr.ods_code = p.registered_practice
				JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code
				WHERE pc.site_code = ? AND p.sex = ? AND p.date_of_death IS NULL
				AND p.date_of_birth <= ? AND p.date_of_birth > ?
				ORDER BY p.nhs_number OFFSET ? LIMIT 1""")
			.params(siteCode, sex, today.minusYears(minAge), today.minusYears(maxAge + 1), offset)
			.query()
			.singleRow();
	}

}
