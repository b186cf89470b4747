package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData.TeamOfItsOwn;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The care plan page is kept whole by the value of everything it shows, read on every view: a change or an alert
 * written by another instance (straight to the database) shows on the next view, the forms carry each session's own
 * CSRF token, a message after a change is shown once, and every view is still audited. Each test makes its own
 * team, its keyworker (who signs in through the real server) and an agreed plan for a person of the team's practice.
 */
@NeighbourhoodModuleTest
class CarePlanKeptPartsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Caseload caseload;

	@Autowired
	PasswordEncoder passwordEncoder;

	TeamOfItsOwn own;

	UUID entry;

	@BeforeEach
	void anAgreedPlanOfTheirOwn() {
		own = NeighbourhoodTestData.teamOfItsOwn(context);
		entry = CarePlanTestData.agreeWithReviewOn(caseload, own.entry(), own.memberName(), LocalDate.now().plusMonths(3))
			.getId();
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aChangeWrittenElsewhereShowsOnTheNextViewAndEveryViewIsAudited() {
		String page = "/neighbourhood/care-plans/" + entry;
		String whatMatters = jdbc.sql("SELECT what_matters FROM neighbourhood.caseload_entry WHERE id = ?")
			.param(entry)
			.query(String.class)
			.single();
		long audited = audited(entry);
		assertThat(mvc.get().uri(page).with(own.member())).hasStatusOk()
			.bodyText()
			.contains("What matters to me")
			.doesNotContain("Walking to the allotment again");
		try {
			jdbc.sql("UPDATE neighbourhood.caseload_entry SET what_matters = 'Walking to the allotment again' WHERE id = ?")
				.param(entry)
				.update();
			assertThat(mvc.get().uri(page).with(own.member())).hasStatusOk()
				.bodyText()
				.contains("Walking to the allotment again");
		}
		finally {
			jdbc.sql("UPDATE neighbourhood.caseload_entry SET what_matters = ? WHERE id = ?")
				.params(whatMatters, entry)
				.update();
		}
		assertThat(mvc.get().uri(page).with(own.member())).hasStatusOk()
			.bodyText()
			.doesNotContain("Walking to the allotment again");
		assertThat(audited(entry)).isEqualTo(audited + 3);
	}

	@Test
	void whyAPersonIsFrailFollowsTheirFrailtyProfile() {
		var person = own.candidate();
		UUID frail = CarePlanTestData.agreeWithReviewOn(caseload, own.entryOf(person), own.memberName(),
				LocalDate.now().plusMonths(3))
			.getId();
		String page = "/neighbourhood/care-plans/" + frail;
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.get().uri(page).with(own.member())).hasStatusOk()
				.bodyText()
				.contains("2 long-term conditions")
				.doesNotContain("unplanned admission");
		}
		// the profile as the next frailty run (on any instance) writes it
		jdbc.sql("""
				UPDATE neighbourhood.frailty_profile
				SET long_term_conditions = 3, unplanned_admissions_12m = 1, last_unplanned_admission = DATE '2026-10-02'
				WHERE nhs_number = ?""")
			.param(person.value())
			.update();
		assertThat(mvc.get().uri(page).with(own.member())).hasStatusOk()
			.bodyText()
			.contains("3 long-term conditions", "1 unplanned admission in the last 12 months (latest 2 Oct 2026)")
			.doesNotContain("2 long-term conditions");
	}

	@Test
	void anAlertRaisedOrAcknowledgedElsewhereShowsOnTheNextView() {
		String page = "/neighbourhood/care-plans/" + entry;
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.get().uri(page).with(own.member())).hasStatusOk()
				.bodyText()
				.doesNotContain("keyworker alert");
		}
		UUID request = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO neighbourhood.keyworker_alert (caseload_entry_id, request_id, problem, red_flag, received_at)
				VALUES (?, ?, 'URINARY_SYMPTOMS', true, now())""")
			.params(entry, request)
			.update();
		assertThat(mvc.get().uri(page).with(own.member())).hasStatusOk()
			.bodyText()
			.contains("Same-day requests: keyworker alert", "Red flag", "Urinary symptoms");
		jdbc.sql("UPDATE neighbourhood.keyworker_alert SET acknowledged_at = now(), acknowledged_by = 'colleague' WHERE request_id = ?")
			.param(request)
			.update();
		assertThat(mvc.get().uri(page).with(own.member())).hasStatusOk()
			.bodyText()
			.doesNotContain("keyworker alert");
	}

	@Test
	void theMessageAfterAChangeIsShownOnceAndThePageAfterItIsTheKeptOne() {
		String page = "/neighbourhood/care-plans/" + entry;
		HttpSession browser = signedIn();
		String before = browser.get(page).body();
		String version = match("name=\"version\" value=\"(\\d+)\"", before).get(0);
		String review = "version=" + version + "&nextReviewDate="
				+ encode(LocalDate.now().plusMonths(2).format(java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy")))
				+ "&_csrf=" + encode(reviewFormToken(before));
		assertThat(browser.postForm(page + "/review", review).statusCode()).isEqualTo(302);
		String after = browser.get(page).body();
		assertThat(after).contains("nhsuk-notification-banner--success").doesNotContain("csrf-stand-in");
		String next = browser.get(page).body();
		assertThat(next).doesNotContain("nhsuk-notification-banner--success", "csrf-stand-in");
		assertThat(match("name=\"version\" value=\"(\\d+)\"", next).get(0)).isNotEqualTo(version);
		assertThat(HttpSession.csrfTokens(next)).hasSizeGreaterThanOrEqualTo(3).containsOnly(HttpSession.csrfTokens(next).get(0));
	}

	/**
	 * The action forms are kept with a stand-in for the CSRF token: each view writes the token of its own session
	 * into them, so a form from a kept copy posts (its change is checked, not refused as forged) in the session that
	 * viewed it, and not in another.
	 */
	@Test
	void keptFormsCarryTheTokenOfTheSessionViewingThem() {
		String page = "/neighbourhood/care-plans/" + entry;
		HttpSession first = signedIn();
		HttpSession second = signedIn();
		String firstPage = first.get(page).body();
		String secondPage = second.get(page).body();
		assertThat(firstPage).contains("id=\"nextReviewDate\"").doesNotContain("csrf-stand-in");
		assertThat(secondPage).contains("id=\"nextReviewDate\"").doesNotContain("csrf-stand-in");
		String firstToken = reviewFormToken(firstPage);
		String version = match("name=\"version\" value=\"(\\d+)\"", firstPage).get(0);
		String review = "version=" + version + "&nextReviewDate=31%2F2%2F2027&_csrf=";

		assertThat(second.postForm(page + "/review", review + encode(firstToken)).statusCode()).isEqualTo(403);
		HttpResponse<String> posted = first.postForm(page + "/review", review + encode(firstToken));
		assertThat(posted.statusCode()).isEqualTo(400);
		assertThat(posted.body()).contains("Next review date must be a real date", "31/2/2027")
			.doesNotContain("csrf-stand-in");
		assertThat(second.postForm(page + "/review", review + encode(reviewFormToken(secondPage))).statusCode())
			.isEqualTo(400);
	}

	/** A browser session of the keyworker, signed in with a password through the sign-in form. */
	private HttpSession signedIn() {
		jdbc.sql("UPDATE identity.staff_user SET password_hash = ? WHERE username = ?")
			.params(passwordEncoder.encode(IdentityFixtures.PASSWORD), own.memberName())
			.update();
		HttpSession session = new HttpSession(port);
		assertThat(session.signIn(own.memberName(), IdentityFixtures.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The token of the review form, one of the kept forms. */
	private static String reviewFormToken(String html) {
		int form = html.indexOf("/review\"");
		assertThat(form).as("the review form").isPositive();
		return match("name=\"_csrf\" value=\"([^\"]+)\"", html.substring(form)).get(0);
	}

	private static List<String> match(String regex, String text) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		List<String> found = new java.util.ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		assertThat(found).as(regex).isNotEmpty();
		return found;
	}

	private long audited(UUID entry) {
		return jdbc.sql("""
				SELECT count(*) FROM audit.record_view WHERE page = 'INT care plan'
				AND nhs_number = (SELECT nhs_number FROM neighbourhood.caseload_entry WHERE id = ?)""")
			.param(entry)
			.query(Long.class)
			.single();
	}

}
