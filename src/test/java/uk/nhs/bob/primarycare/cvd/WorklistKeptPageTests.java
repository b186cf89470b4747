package uk.nhs.bob.primarycare.cvd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worklist is kept whole by the value of everything it shows ({@link KeptWorklistPages}): each
 * view is written with its own session's CSRF token, a change made elsewhere (as another instance would) shows on the
 * next view, a refused bulk action shows its errors and selection once, and every view is still audited. High Wycombe's
 * people, which no other CVD test changes, through real signed-in sessions.
 */
@CvdModuleTest
@ExtendWith(CvdBaseline.class)
class WorklistKeptPageTests {

	private static final String SITE = "BK-WYC";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	String coordinator = "";

	@BeforeEach
	void coordinatorOfTheirOwn() {
		coordinator = IdentityFixtures.staffUser(context, "coordinator-wyc", Role.CARE_COORDINATOR,
				OrganisationScope.site(SITE));
	}

	@Test
	void eachViewOfTheKeptPageCarriesItsOwnSessionsTokenAndOnlyThatSessionsIsAccepted() {
		HttpSession browser = signedIn(coordinator);
		HttpSession other = signedIn(coordinator);
		String first = browser.get("/cvd/worklist").body();
		String otherView = other.get("/cvd/worklist").body();
		String again = browser.get("/cvd/worklist").body();
		for (String html : List.of(first, otherView, again)) {
			assertThat(html).contains("id=\"bulk-form\"").doesNotContain("csrf-stand-in");
			assertThat(HttpSession.csrfTokens(html)).as("a token in every form of the page, the sign-out form's among them")
				.hasSizeGreaterThanOrEqualTo(2)
				.containsOnly(HttpSession.csrfTokens(html).get(0));
		}
		String person = CvdWorklistTests.people(first).get(0);
		String assign = "selected=" + person + "&action=ASSIGN&_csrf=";
		// another session's token, written into the same kept markup, is refused; the session's own is accepted
		assertThat(browser.postForm("/cvd/worklist/actions", assign + encode(HttpSession.csrfTokens(otherView).get(0))).statusCode())
			.isEqualTo(HttpStatus.FORBIDDEN.value());
		assertThat(owner(person)).isNull();
		assertThat(browser.postForm("/cvd/worklist/actions", assign + encode(HttpSession.csrfTokens(again).get(0))).statusCode())
			.isEqualTo(HttpStatus.FOUND.value());
		assertThat(owner(person)).isEqualTo(coordinator);
		String afterAction = browser.get("/cvd/worklist").body();
		assertThat(afterAction).contains("nhsuk-notification-banner--success");
		assertThat(row(afterAction, person)).contains("Owner: " + coordinator);
		String next = browser.get("/cvd/worklist").body();
		assertThat(next).as("the message is shown once; the view after it is the kept page")
			.doesNotContain("nhsuk-notification-banner--success");
		assertThat(row(next, person)).contains("Owner: " + coordinator);
	}

	@Test
	void aChangeMadeElsewhereShowsOnTheNextViewAndEveryViewIsAudited() {
		HttpSession browser = signedIn(coordinator);
		String page = browser.get("/cvd/worklist").body();
		String person = CvdWorklistTests.people(page).get(1);
		assertThat(row(browser.get("/cvd/worklist").body(), person)).contains("No owner");
		long audited = audited(person);
		// an owner and an outreach recorded by another instance
		jdbc.sql("""
				INSERT INTO cvd.worklist_owner (nhs_number, owner, assigned_at, assigned_by)
				VALUES (?, 'colleague', now(), 'colleague')""")
			.param(person)
			.update();
		jdbc.sql("""
				INSERT INTO cvd.outreach (id, nhs_number, practice_code, site_code, type, outcome, outcome_date,
				    recorded_by, recorded_at)
				SELECT gen_random_uuid(), nhs_number, practice_code, site_code, 'GP_REVIEW', 'DECLINED', current_date,
				       'colleague', now()
				FROM cvd.finding WHERE nhs_number = ? LIMIT 1""")
			.param(person)
			.update();
		String row = row(browser.get("/cvd/worklist").body(), person);
		assertThat(row).contains("Owner: colleague", "Declined").doesNotContain("No owner", "Not yet contacted");
		assertThat(audited(person)).as("one audit row for each view, kept markup or not").isEqualTo(audited + 1);
	}

	@Test
	void aFindingMadeOrRemovedElsewhereMovesTheListOnTheNextView() {
		HttpSession browser = signedIn(coordinator);
		String before = browser.get("/cvd/worklist").body();
		assertThat(browser.get("/cvd/worklist").body()).contains("id=\"worklist-total\"");
		// someone of the site with no finding, given the most urgent one, as a re-evaluation on another instance would
		String person = jdbc.sql("""
				SELECT p.nhs_number FROM population.person p
				JOIN directory.practice pr ON pr.ods_code = p.registered_practice
				JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code
				WHERE pc.site_code = ? AND p.date_of_death IS NULL
				  AND NOT EXISTS (SELECT 1 FROM cvd.finding f WHERE f.nhs_number = p.nhs_number)
				ORDER BY p.nhs_number LIMIT 1""")
			.param(SITE)
			.query(String.class)
			.single();
		jdbc.sql("""
				INSERT INTO cvd.finding (nhs_number, rule_code, rule_version, priority, practice_code, pcn_code,
				  site_code, place_code, imd_decile, townsend, systolic, diastolic, explanation, found_on)
				SELECT p.nhs_number, ?, 1, ?, p.registered_practice, pr.pcn_code, pc.site_code, s.place_code, 1, 99,
				  250, 140, 'Made elsewhere', current_date
				FROM population.person p JOIN directory.practice pr ON pr.ods_code = p.registered_practice
				JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code
				JOIN directory.neighbourhood_site s ON s.code = pc.site_code WHERE p.nhs_number = ?""")
			.params(CaseFindingRule.SEVERE_BLOOD_PRESSURE.code(), CaseFindingRule.SEVERE_BLOOD_PRESSURE.priority(), person)
			.update();
		try {
			String after = browser.get("/cvd/worklist").body();
			assertThat(CvdWorklistTests.people(after).get(0)).isEqualTo(person);
			assertThat(CvdWorklistTests.total(after)).isEqualTo(CvdWorklistTests.total(before) + 1);
			assertThat(row(after, person)).contains("Made elsewhere");
		}
		finally {
			jdbc.sql("DELETE FROM cvd.finding WHERE nhs_number = ?").param(person).update();
		}
		String removed = browser.get("/cvd/worklist").body();
		assertThat(CvdWorklistTests.people(removed)).doesNotContain(person)
			.containsExactlyElementsOf(CvdWorklistTests.people(before));
		assertThat(CvdWorklistTests.total(removed)).isEqualTo(CvdWorklistTests.total(before));
	}

	@Test
	void aRefusedBulkActionShowsItsErrorsAndSelectionOnceAndEscaped() {
		HttpSession browser = signedIn(coordinator);
		String page = browser.get("/cvd/worklist").body();
		String person = CvdWorklistTests.people(page).get(2);
		var refused = browser.postForm("/cvd/worklist/actions",
				"selected=" + person + "&practice=" + encode("<b>X</b>") + "&_csrf=" + encode(HttpSession.csrfTokens(page).get(0)));
		assertThat(refused.statusCode()).isEqualTo(HttpStatus.OK.value());
		assertThat(refused.body()).contains("There is a problem", "Choose an action", "value=\"&lt;b&gt;X&lt;/b&gt;\"")
			.doesNotContain("<b>X</b>", "csrf-stand-in");
		assertThat(row(refused.body(), person)).contains("checked");
		assertThat(HttpSession.csrfTokens(refused.body())).hasSizeGreaterThanOrEqualTo(2).containsOnly(HttpSession.csrfTokens(refused.body()).get(0));
		String after = browser.get("/cvd/worklist").body();
		assertThat(after).isNotEqualTo(refused.body()).doesNotContain("There is a problem", "Choose an action");
		assertThat(row(after, person)).doesNotContain("checked");
	}

	private HttpSession signedIn(String username) {
		HttpSession session = new HttpSession(port);
		assertThat(session.signIn(username, IdentityFixtures.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

	private String owner(String nhsNumber) {
		return jdbc.sql("SELECT owner FROM cvd.worklist_owner WHERE nhs_number = ?")
			.param(nhsNumber)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long audited(String nhsNumber) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ? AND username = ?")
			.params(nhsNumber, coordinator)
			.query(Long.class)
			.single();
	}

	/** The person's row of the page. */
	private static String row(String html, String nhsNumber) {
		int start = html.indexOf("data-nhs-number=\"" + nhsNumber + "\"");
		assertThat(start).as(nhsNumber + " listed").isPositive();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
