package uk.nhs.bob.primarycare.programme;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A site page keeps what it rendered by the programme's data version (and the site, day, edit right and directory
 * names): a change committed to any programme table, by this instance or by another on the same database, moves the
 * version in the change's transaction, so the next view shows it; and what one user may do never shows to another.
 * Each test makes its own site of Berkshire West, an ICB administrator who may edit it and a care coordinator who may
 * only read it.
 */
@ProgrammeModuleTest
class ProgrammeDataVersionTests {

	@RegisterExtension
	final ProgrammeStaff staff = new ProgrammeStaff();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Programme programme;

	private ProgrammeSite site;

	private String coordinator = "";

	@BeforeEach
	void siteAndReader() {
		site = ProgrammeTestData.site(programme, "15A", "BW-RDG");
		coordinator = staff.user("coordinator", OrganisationScope.site("BW-RDG"), Role.CARE_COORDINATOR);
	}

	/** The page as the administrator made for the test. */
	private org.springframework.test.web.servlet.assertj.MvcTestResult asAdmin(String page) {
		return mvc.get().uri(page).with(user(staff.admin()).roles(Role.ICB_ADMIN.name())).exchange();
	}

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
		String page = "/programme/sites/" + site.id();
		String lead = jdbc.sql("SELECT team_lead FROM programme.programme_site WHERE id = ?")
			.param(site.id())
			.query(String.class)
			.single();
		assertThat(asAdmin(page)).hasStatusOk().bodyText().doesNotContain("Lead from elsewhere");
		try {
			// written straight to the database, as another instance would
			jdbc.sql("UPDATE programme.programme_site SET team_lead = 'Lead from elsewhere' WHERE id = ?")
				.param(site.id())
				.update();
			assertThat(asAdmin(page)).hasStatusOk().bodyText().contains("Lead from elsewhere");
		}
		finally {
			jdbc.sql("UPDATE programme.programme_site SET team_lead = ? WHERE id = ?")
				.params(lead, site.id())
				.update();
		}
		assertThat(asAdmin(page)).hasStatusOk().bodyText().doesNotContain("Lead from elsewhere");
	}

	@Test
	void eachViewOfTheKeptPageCarriesItsOwnToken() throws Exception {
		String page = "/programme/sites/" + site.id();
		String first = asAdmin(page).getResponse().getContentAsString();
		String second = asAdmin(page).getResponse().getContentAsString();
		assertThat(first).doesNotContain("csrf-stand-in");
		// each view is a session of its own here: the same kept page, written with each one's token
		assertThat(HttpSession.csrfTokens(first)).hasSizeGreaterThanOrEqualTo(3).containsOnly(HttpSession.csrfTokens(first).get(0));
		assertThat(HttpSession.csrfTokens(second)).containsOnly(HttpSession.csrfTokens(second).get(0))
			.doesNotContain(HttpSession.csrfTokens(first).get(0));
		assertThat(first.replace(HttpSession.csrfTokens(first).get(0), "token"))
			.isEqualTo(second.replace(HttpSession.csrfTokens(second).get(0), "token"));
	}

	@Test
	void whatAnEditorSeesIsNotShownToAReader() {
		String page = "/programme/sites/" + site.id();
		assertThat(asAdmin(page)).hasStatusOk()
			.bodyText()
			.contains("Edit site details", "Can this site join?", "Retire the site");
		assertThat(mvc.get().uri(page).with(user(coordinator).roles(Role.CARE_COORDINATOR.name()))).hasStatusOk()
			.bodyText()
			.contains(site.name(), "Local action team")
			.doesNotContain("Edit site details", "Can this site join?", "Retire the site");
		assertThat(asAdmin(page)).hasStatusOk()
			.bodyText()
			.contains("Edit site details", "Can this site join?", "Retire the site");
	}

}
