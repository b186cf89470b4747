package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

/**
 * People for triage tests: made for one test and registered at a practice of a hub (module tests), or taken from the
 * test population (demo data of 2,000 people) for the whole-application tests.
 */
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

	/**
	 * A new person registered at the first practice of the hub, of this sex and age, with a family name no one else
	 * has, in the shape of {@link #person} (the population's columns). The directory's reference data must be loaded.
	 */
	static Map<String, Object> registered(ApplicationContext context, String siteCode, Sex sex, int age) {
		PracticeSummary practice = context.getBean(Directory.class)
			.practices()
			.stream()
			.filter(p -> p.siteCode().equals(siteCode))
			.findFirst()
			.orElseThrow();
		String given = sex == Sex.FEMALE ? "Ava" : "Ben";
		// letters only, as a family name is typed
		String family = "Fixture" + java.util.UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "x");
		LocalDate born = LocalDate.now().minusYears(age).minusDays(1 + ThreadLocalRandom.current().nextInt(360));
		NhsNumber nhsNumber = PopulationFixtures.person(context, practice.odsCode(), given, family, born,
				sex == Sex.FEMALE ? uk.nhs.bob.primarycare.population.Sex.FEMALE
						: uk.nhs.bob.primarycare.population.Sex.MALE);
		return Map.of("nhs_number", nhsNumber.value(), "given_name", given, "family_name", family, "date_of_birth",
				born.toString());
	}

}
