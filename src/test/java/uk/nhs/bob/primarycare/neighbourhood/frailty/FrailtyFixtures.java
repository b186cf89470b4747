package uk.nhs.bob.primarycare.neighbourhood.frailty;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.BitSet;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A frailty register row for a person a test made, as a refresh would write it for someone with that many eFI
 * deficits and long-term conditions: the person's own age, practice, site and IMD quintile, the rules' version and the
 * fingerprint of these facts. (A refresh recomputes the whole register from the whole population; a test of the pages
 * that read the register needs one person's row, not the computation, which {@code FrailtyIndexTests} and
 * {@code CandidatesBeyondEfiTests} cover.)
 */
public final class FrailtyFixtures {

	private FrailtyFixtures() {
	}

	/** Writes the person's row (replacing any) and returns the eFI category it gives them. */
	public static @Nullable FrailtyCategory profile(ApplicationContext context, NhsNumber nhsNumber, int deficits,
			int longTermConditions) {
		PersonSummary person = context.getBean(Population.class).find(nhsNumber).orElseThrow();
		PracticeSummary practice = context.getBean(Directory.class).practice(person.registeredPractice()).orElseThrow();
		BitSet found = new BitSet(FrailtyIndex.DEFICIT_COUNT);
		found.set(0, deficits);
		@Nullable String numbers = person.age() >= FrailtyIndex.MINIMUM_AGE ? FrailtyRegister.numbers(found) : null;
		@Nullable FrailtyCategory category = numbers == null ? null
				: FrailtyCategory.of((double) deficits / FrailtyIndex.DEFICIT_COUNT);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		jdbc.sql("DELETE FROM neighbourhood.frailty_profile WHERE nhs_number = ?").param(nhsNumber.value()).update();
		jdbc.sql("""
				INSERT INTO neighbourhood.frailty_profile (nhs_number, practice_code, site_code, age, imd_quintile,
				  efi_deficits, efi_category, deficit_numbers, long_term_conditions, unplanned_admissions_12m,
				  fingerprint, rule_version, computed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
			.params(nhsNumber.value(), practice.odsCode().value(), practice.siteCode(), person.age(),
					person.imdQuintile(), numbers == null ? null : deficits, category == null ? null : category.name(),
					numbers, longTermConditions,
					FrailtyRegister.fingerprint(numbers, longTermConditions, 0, null, person.imdQuintile(), 0, null),
					context.getBean(FrailtyRegister.class).ruleVersion(), Timestamp.from(Instant.now()))
			.update();
		return category;
	}

}
