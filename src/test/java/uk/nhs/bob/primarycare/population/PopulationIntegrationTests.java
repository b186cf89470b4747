package uk.nhs.bob.primarycare.population;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;

import uk.nhs.bob.primarycare.directory.DirectoryReferenceData;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;

/** The read API on the demo population in PostgreSQL (size 2,000 in tests). */
@PopulationModuleTest
class PopulationIntegrationTests {

	@Autowired
	Population population;

	@Autowired
	PopulationDemoData demoData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	uk.nhs.bob.primarycare.directory.Directory directory;

	/** The NHS numbers the generator gives the first {@code size} synthetic people. */
	static String[] generatedNhsNumbers(int size) {
		SyntheticNhsNumbers numbers = new SyntheticNhsNumbers();
		String[] generated = new String[size];
		for (int i = 0; i < size; i++) {
			generated[i] = numbers.next();
		}
		return generated;
	}

	@Test
	void theDemoPopulationIsLoadedAtEveryDemoPractice() {
		assertThat(demoData.present()).isTrue();
		// other tests sharing this database import people through the FHIR API: count the generated ones
		String[] generated = generatedNhsNumbers(2_001);
		String[] demo = java.util.Arrays.copyOf(generated, 2_000);
		assertThat(jdbc.sql("SELECT count(*) FROM population.person WHERE nhs_number = ANY(?)")
			.param(demo)
			.query(Long.class)
			.single()).isEqualTo(2_000);
		assertThat(population.find(new NhsNumber(generated[2_000]))).as("a 2,001st generated person").isEmpty();
		assertThat(population.count()).isGreaterThanOrEqualTo(2_000);
		// other tests add practices of their own (before or after the population is made): every practice of the
		// reference data has generated people, and every generated person is registered at a practice of the directory
		List<String> generatedAt = jdbc.sql("SELECT DISTINCT registered_practice FROM population.person WHERE nhs_number = ANY(?)")
			.param(demo)
			.query(String.class)
			.list();
		assertThat(generatedAt).containsAll(DirectoryReferenceData.practiceCodes());
		assertThat(directory.practices()).extracting(p -> p.odsCode().value()).containsAll(generatedAt);
		assertThat(jdbc.sql("SELECT count(*) FROM population.person p LEFT JOIN population.lsoa l ON l.code = p.lsoa_code "
				+ "WHERE l.code IS NULL").query(Long.class).single()).isZero();
	}

	@Test
	void walkingThePopulationMatchesReadingEachPerson() {
		List<PersonRecord> all = new ArrayList<>();
		long count = population.forEachPerson(all::add);
		assertThat(count).isEqualTo(population.count()).isGreaterThanOrEqualTo(2_000);
		assertThat(all).extracting(r -> r.person().nhsNumber().value()).isSorted();
		for (PersonRecord sample : List.of(all.get(0), all.get(777), all.get(1_999))) {
			NhsNumber nhs = sample.person().nhsNumber();
			assertThat(population.find(nhs)).contains(sample.person());
			assertThat(population.record(nhs)).contains(sample.record());
		}
		// every generated observation is read; imported records (other tests import into generated people too) also
		// keep observations no rule reads, so only the people whose observations are all generated are counted
		List<String> generatedOnly = jdbc.sql("""
				SELECT p.nhs_number FROM population.person p WHERE NOT EXISTS (SELECT 1 FROM population.observation o
				WHERE o.nhs_number = p.nhs_number AND o.source_system IS NOT NULL)""").query(String.class).list();
		assertThat(generatedOnly).hasSizeGreaterThan(1_900);
		long observations = jdbc.sql("SELECT count(*) FROM population.observation WHERE nhs_number = ANY(?)")
			.param(generatedOnly.toArray(String[]::new))
			.query(Long.class)
			.single();
		assertThat(observations).isPositive();
		java.util.Set<String> counted = java.util.Set.copyOf(generatedOnly);
		assertThat(all.stream()
			.filter(r -> counted.contains(r.person().nhsNumber().value()))
			.mapToLong(r -> r.record().observations().size())
			.sum()).isEqualTo(observations);
	}

	@Test
	void pagesCoverThePopulationInNhsNumberOrder() {
		List<PersonSummary> first = population.page(null, 500);
		List<PersonSummary> second = population.page(first.get(499).nhsNumber(), 500);
		assertThat(first).hasSize(500);
		assertThat(second).hasSize(500);
		assertThat(second.get(0).nhsNumber().value()).isGreaterThan(first.get(499).nhsNumber().value());
	}

	@Test
	void searchIgnoresTheCaseOfTheFamilyName() {
		PersonSummary someone = population.page(null, 1).get(0);
		assertThat(population.search(someone.familyName().toUpperCase(), someone.dateOfBirth(), 10))
			.contains(someone);
	}

	@Test
	void viewingARecordNeedsTheCallersTransactionForTheAuditEntry() {
		PersonSummary someone = population.page(null, 1).get(0);
		// viewRecord opens its own transaction; AuditLog alone refuses to run outside one
		assertThat(population.viewRecord(someone.nhsNumber(), "admin", "/test", "Test: audit in one transaction"))
			.isPresent();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> auditOutsideATransaction(someone.nhsNumber()))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Autowired
	uk.nhs.bob.primarycare.audit.AuditLog auditLog;

	private void auditOutsideATransaction(NhsNumber nhs) {
		auditLog.recordView("admin", nhs, "/test", "Test");
	}

}
