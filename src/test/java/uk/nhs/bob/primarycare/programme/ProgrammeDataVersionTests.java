package uk.nhs.bob.primarycare.programme;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A site page keeps what it rendered by the programme's data version (and the site, day, edit right and directory
 * names): a change committed to any programme table, by this instance or by another on the same database, moves the
 * version in the change's transaction, so the next view shows it; and what one user may do never shows to another.
 */
@IntegrationTest
@org.springframework.security.test.context.support.WithMockUser(username = "admin", roles = "ICB_ADMIN")
class ProgrammeDataVersionTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Programme programme;

	private long version() {
		return jdbc.sql("SELECT version FROM programme.data_version").query(Long.class).single();
	}

	@Test
	void everyTableOfTheProgrammeMovesTheDataVersion() {
		List<String> without = jdbc.sql("""
				SELECT t.tablename FROM pg_tables t WHERE t.schemaname = 'programme' AND t.tablename <> 'data_version'
				AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
					JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = 'programme' AND c.relname = t.tablename AND g.tgname = 'data_version')""")
			.query(String.class)
			.list();
		assertThat(without).as("programme tables without the data_version trigger").isEmpty();
		long before = version();
		jdbc.sql("UPDATE programme.risk SET actions = actions WHERE false").update();
		assertThat(version()).isGreaterThan(before);
	}

	@Test
	void aChangeWrittenByAnotherInstanceShowsOnTheNextView() {
		ProgrammeSite site = programme.sitesIn("15A").get(0);
		String page = "/programme/sites/" + site.id();
		String lead = jdbc.sql("SELECT team_lead FROM programme.programme_site WHERE id = ?")
			.param(site.id())
			.query(String.class)
			.single();
		assertThat(mvc.get().uri(page)).hasStatusOk().bodyText().doesNotContain("Lead from elsewhere");
		try {
			// written straight to the database, as another instance would
			jdbc.sql("UPDATE programme.programme_site SET team_lead = 'Lead from elsewhere' WHERE id = ?")
				.param(site.id())
				.update();
			assertThat(mvc.get().uri(page)).hasStatusOk().bodyText().contains("Lead from elsewhere");
		}
		finally {
			jdbc.sql("UPDATE programme.programme_site SET team_lead = ? WHERE id = ?")
				.params(lead, site.id())
				.update();
		}
		assertThat(mvc.get().uri(page)).hasStatusOk().bodyText().doesNotContain("Lead from elsewhere");
	}

	@Test
	void whatAnEditorSeesIsNotShownToAReader() {
		ProgrammeSite site = programme.sitesIn("15A").get(0);
		String page = "/programme/sites/" + site.id();
		assertThat(mvc.get().uri(page)).hasStatusOk()
			.bodyText()
			.contains("Edit site details", "Can this site join?", "Retire the site");
		assertThat(mvc.get().uri(page).with(user("coordinator").roles("CARE_COORDINATOR"))).hasStatusOk()
			.bodyText()
			.contains(site.name(), "Local action team")
			.doesNotContain("Edit site details", "Can this site join?", "Retire the site");
		assertThat(mvc.get().uri(page)).hasStatusOk()
			.bodyText()
			.contains("Edit site details", "Can this site join?", "Retire the site");
	}

}
