package uk.nhs.bob.primarycare.neighbourhood.frailty;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo population's frailty register: a whole-application test, because what it checks is the demo data itself
 * (the generated population read through the published deficit code sets), which only the whole application with
 * demo data holds. The sites tests make for themselves ({@code T-} codes) are left out.
 */
@IntegrationTest
class DemoFrailtyRegisterTests {

	@Autowired
	JdbcClient jdbc;

	/**
	 * The demo population's eFI, found from the published deficit code sets, spreads roughly as Clegg et al. found
	 * (about half fit, a third mild, one in eight moderate, a few severe), so every team has candidates.
	 */
	@Test
	void theDemoRegisterSpreadsAcrossTheEfiCategoriesAsCleggFound() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				SELECT efi_category, count(*) AS n FROM neighbourhood.frailty_profile
				WHERE efi_category IS NOT NULL AND site_code NOT LIKE 'T-%' GROUP BY efi_category""")
			.query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		double total = counts.values().stream().mapToLong(Long::longValue).sum();
		assertThat(total).isGreaterThan(100);
		assertThat(counts.getOrDefault("FIT", 0L) / total).isBetween(0.35, 0.65);
		assertThat(counts.getOrDefault("MILD", 0L) / total).isBetween(0.22, 0.48);
		assertThat(counts.getOrDefault("MODERATE", 0L) / total).isBetween(0.06, 0.20);
		assertThat(counts.getOrDefault("SEVERE", 0L) / total).isBetween(0.0, 0.08);
	}

}
