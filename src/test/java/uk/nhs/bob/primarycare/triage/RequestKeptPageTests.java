package uk.nhs.bob.primarycare.triage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The request page is kept whole by the value of everything it shows (the request by its id and version, the page's
 * reads, the user's allowed actions, the layout's user and roles): each view is written with its own session's CSRF
 * token, a change made elsewhere (as another instance would) shows on the next view, one user's actions, name or menu
 * never show to another, and a message or what was typed before a refused action is shown once.
 */
@TriageModuleTest
class RequestKeptPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TriageRequests requests;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	String coordinator = "";

	RequestPostProcessor asCoordinator = user("unset");

	@BeforeEach
	void staffOfTheirOwn() {
		PopulationFixtures.referenceData(context);
		coordinator = IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site("BK-AYL"), Role.CARE_COORDINATOR);
		asCoordinator = user(coordinator).roles("CARE_COORDINATOR");
	}

	@Test
	void eachViewOfAKeptPageCarriesItsOwnSessionsTokenAndOnlyThatSessionsIsAccepted() {
		TriageRequests.Recorded recorded = uti();
		String page = "/triage/requests/" + recorded.id();
		String holder = IdentityFixtures.staffUser(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"));
		HttpSession browser = signedIn(holder);
		HttpSession other = signedIn(holder);
		String first = browser.get(page).body();
		String otherView = other.get(page).body();
		String again = browser.get(page).body();
		for (String html : List.of(first, otherView, again)) {
			assertThat(html).contains("id=\"claim\"", "id=\"call-form\"").doesNotContain("csrf-stand-in");
			assertThat(HttpSession.csrfTokens(html)).as("a token in every form of the page, the sign-out form's among them")
				.hasSizeGreaterThanOrEqualTo(3)
				.containsOnly(HttpSession.csrfTokens(html).get(0));
		}
		// another session's token, written into the same kept markup, is refused; the session's own is accepted
		assertThat(browser.postForm(page + "/claim", "_csrf=" + encode(HttpSession.csrfTokens(otherView).get(0))).statusCode())
			.isEqualTo(HttpStatus.FORBIDDEN.value());
		assertThat(browser.postForm(page + "/claim", "_csrf=" + encode(HttpSession.csrfTokens(again).get(0))).statusCode())
			.isEqualTo(HttpStatus.FOUND.value());
		assertThat(browser.get(page).body()).contains("You have claimed this request", "Claimed by " + holder);
		assertThat(browser.get(page).body()).as("the message is shown once; the view after it is the kept page")
			.contains("Claimed by " + holder)
			.doesNotContain("You have claimed this request");
	}

	@Test
	void theLayoutOfAKeptPageShowsEachUserTheirOwnNameAndMenu() {
		TriageRequests.Recorded recorded = uti();
		String colleague = IdentityFixtures.staffUser(jdbc, "colleague", OrganisationScope.site("BK-AYL"),
				Role.CARE_COORDINATOR);
		for (int i = 0; i < 2; i++) {
			assertThat(header(html(view(recorded.id(), asCoordinator)))).contains(coordinator).doesNotContain(colleague);
		}
		// the same page below the layout (neither holds the request), seen by someone else
		assertThat(header(html(view(recorded.id(), user(colleague).roles("CARE_COORDINATOR"))))).contains(colleague)
			.doesNotContain(coordinator);
		// the same user and page, signed in with another role too: the menu is theirs as they are signed in now
		assertThat(header(html(view(recorded.id(), user(coordinator).roles("CARE_COORDINATOR", "ICB_ADMIN")))))
			.contains(coordinator, "Audit log");
		assertThat(header(html(view(recorded.id(), asCoordinator)))).doesNotContain("Audit log");
	}

	@Test
	void aChangeMadeElsewhereShowsOnTheNextView() {
		TriageRequests.Recorded recorded = uti();
		assertThat(html(view(recorded.id(), asCoordinator))).contains("No calls recorded", "Not claimed yet");
		assertThat(html(view(recorded.id(), asCoordinator))).contains("No calls recorded", "Not claimed yet");
		// a call recorded by another instance leaves the request's version alone: the page's reads still show it
		jdbc.sql("""
				INSERT INTO triage.call_attempt (request_id, called_at, called_by, outcome, note)
				VALUES (?, now(), 'colleague', 'VOICEMAIL', 'Left a message elsewhere')""")
			.param(recorded.id())
			.update();
		assertThat(html(view(recorded.id(), asCoordinator))).contains("Left a message elsewhere")
			.doesNotContain("No calls recorded");
		String colleague = IdentityFixtures.staffUser(jdbc, "colleague", OrganisationScope.site("BK-AYL"),
				Role.CARE_COORDINATOR);
		assertThat(requests.claim(recorded.id(), colleague).claimed()).isTrue();
		assertThat(html(view(recorded.id(), asCoordinator))).contains("Claimed by " + colleague)
			.doesNotContain("id=\"claim\"");
	}

	@Test
	void aServiceChangedElsewhereShowsInTheSuggestionAndPickListOnTheNextView() {
		TriageRequests.Recorded recorded = uti();
		// claimed, so the page has the decision form and its pick list of services
		assertThat(requests.claim(recorded.id(), coordinator).claimed()).isTrue();
		String name = "Kept Page Test Pharmacy " + UUID.randomUUID();
		String option = name + " (" + Disposition.PHARMACY_FIRST.label();
		String before = html(view(recorded.id(), asCoordinator));
		assertThat(before).contains("id=\"decision-form\"", Disposition.PHARMACY_FIRST.label()).doesNotContain(name);
		assertThat(html(view(recorded.id(), asCoordinator))).doesNotContain(name);
		// added as another instance would: straight in the directory's tables, in the request's Place
		long id = jdbc.sql("""
				INSERT INTO directory.service (name, service_type, place_code, postcode, accepts_referrals, self_referral)
				VALUES (?, 'COMMUNITY_PHARMACY', ?, 'HP20 1AA', true, true) RETURNING id""")
			.params(name, requests.find(recorded.id()).orElseThrow().placeCode())
			.query(Long.class)
			.single();
		try {
			jdbc.sql("INSERT INTO directory.service_offer (service_id, offer) VALUES (?, 'PHARMACY_FIRST')").param(id).update();
			for (int day = 1; day <= 7; day++) {
				jdbc.sql("INSERT INTO directory.service_opening_period VALUES (?, ?, 0, 1440)").params(id, day).update();
			}
			assertThat(suggestion(html(view(recorded.id(), asCoordinator)))).contains(name, "Open now");
			assertThat(html(view(recorded.id(), asCoordinator))).contains("value=\"" + id + "\"",
					option + ", open now)");
			// its hours taken away: closed now, with nothing regular listed
			jdbc.sql("DELETE FROM directory.service_opening_period WHERE service_id = ?").param(id).update();
			String closed = html(view(recorded.id(), asCoordinator));
			assertThat(closed).contains(option + ", closed now)").doesNotContain(option + ", open now)");
			assertThat(suggestion(closed)).contains("No regular hours: self-referral online or by phone");
		}
		finally {
			jdbc.sql("DELETE FROM directory.service WHERE id = ?").param(id).update();
		}
		assertThat(html(view(recorded.id(), asCoordinator))).doesNotContain(name);
	}

	@Test
	void aPracticeOrHubRenamedElsewhereShowsOnTheNextView() {
		TriageRequest request = requests.find(uti().id()).orElseThrow();
		String practice = jdbc.sql("SELECT name FROM directory.practice WHERE ods_code = ?")
			.param(request.practiceCode())
			.query(String.class)
			.single();
		String hub = jdbc.sql("SELECT name FROM directory.neighbourhood_site WHERE code = ?")
			.param(request.siteCode())
			.query(String.class)
			.single();
		assertThat(html(view(request.id(), asCoordinator))).contains(HtmlUtils.htmlEscape(practice),
				HtmlUtils.htmlEscape(hub)).doesNotContain("(renamed elsewhere)");
		try {
			// as another instance would: straight in the directory's tables
			jdbc.sql("UPDATE directory.practice SET name = ? WHERE ods_code = ?")
				.params(practice + " (renamed elsewhere)", request.practiceCode())
				.update();
			assertThat(html(view(request.id(), asCoordinator)))
				.contains(HtmlUtils.htmlEscape(practice + " (renamed elsewhere)"));
			jdbc.sql("UPDATE directory.neighbourhood_site SET name = ? WHERE code = ?")
				.params(hub + " (renamed elsewhere)", request.siteCode())
				.update();
			assertThat(html(view(request.id(), asCoordinator))).contains(HtmlUtils.htmlEscape(hub + " (renamed elsewhere)"));
		}
		finally {
			jdbc.sql("UPDATE directory.practice SET name = ? WHERE ods_code = ?").params(practice, request.practiceCode()).update();
			jdbc.sql("UPDATE directory.neighbourhood_site SET name = ? WHERE code = ?").params(hub, request.siteCode()).update();
		}
		assertThat(html(view(request.id(), asCoordinator))).doesNotContain("(renamed elsewhere)");
	}

	@Test
	void oneUsersActionsNeverShowToAnother() {
		TriageRequests.Recorded recorded = uti();
		String supervisor = IdentityFixtures.staffUser(jdbc, "supervisor", OrganisationScope.place("14Y"),
				Role.CLINICAL_SUPERVISOR);
		assertThat(requests.claim(recorded.id(), coordinator).claimed()).isTrue();
		RequestPostProcessor asHolder = asCoordinator;
		for (int i = 0; i < 2; i++) {
			assertThat(html(view(recorded.id(), asHolder))).contains("id=\"decision-form\"", "id=\"release\"");
		}
		String other = IdentityFixtures.staffUser(jdbc, "other", OrganisationScope.site("BK-AYL"), Role.CARE_COORDINATOR);
		assertThat(html(view(recorded.id(), user(other).roles("CARE_COORDINATOR")))).contains("Claimed by " + coordinator)
			.doesNotContain("id=\"decision-form\"", "id=\"release\"", "id=\"reassign\"");
		assertThat(html(view(recorded.id(), user(supervisor).roles("CLINICAL_SUPERVISOR"))))
			.contains("id=\"release\"", "id=\"reassign\"")
			.doesNotContain("id=\"decision-form\"");
		var member = user(IdentityFixtures.staffUser(jdbc, "member", OrganisationScope.site("BK-AYL"), Role.INT_MEMBER))
			.roles("INT_MEMBER");
		assertThat(html(view(recorded.id(), member))).contains(recorded.reference())
			.doesNotContain("id=\"claim\"", "id=\"release\"", "id=\"call-form\"");
	}

	@Test
	void whatWasTypedBeforeARefusedActionIsShownAgainOnceAndEscaped() {
		TriageRequests.Recorded recorded = uti();
		String page = "/triage/requests/" + recorded.id();
		HttpSession browser = signedIn(IdentityFixtures.staffUser(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL")));
		String kept = browser.get(page).body();
		assertThat(browser.postForm(page + "/calls", "outcome=SHOUTED&callNote=" + encode("Rang <twice>") + "&_csrf="
				+ encode(HttpSession.csrfTokens(kept).get(0))).statusCode()).isEqualTo(HttpStatus.FOUND.value());
		String typed = browser.get(page).body();
		assertThat(typed).contains("Choose what happened when you called", "value=\"Rang &lt;twice&gt;\"")
			.doesNotContain("csrf-stand-in");
		assertThat(HttpSession.csrfTokens(typed)).hasSizeGreaterThanOrEqualTo(3).containsOnly(HttpSession.csrfTokens(typed).get(0));
		assertThat(browser.get(page).body()).doesNotContain("Rang", "Choose what happened when you called");
	}

	private HttpSession signedIn(String username) {
		HttpSession session = new HttpSession(port);
		assertThat(session.signIn(username, IdentityFixtures.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private TriageRequests.Recorded uti() {
		Map<String, Object> person = TriageTestData.registered(context, "BK-AYL", Sex.FEMALE, 35);
		RequestedPerson woman = new RequestedPerson(new NhsNumber(person.get("nhs_number").toString().trim()),
				person.get("given_name").toString(), person.get("family_name").toString(),
				LocalDate.parse(person.get("date_of_birth").toString()), Sex.FEMALE, null);
		return requests.record(new NewRequest(TriageRequest.Channel.API, null, tokens.clientId(), woman, null, null,
				new RequestDetails(PresentingProblem.URINARY_SYMPTOMS, null, null, Set.of(), false, null, false, 1, 1, 1,
						null, null, "0118 496 0123", false)),
				Instant.now());
	}

	private MvcTestResult view(UUID id, RequestPostProcessor as) {
		MvcTestResult result = mvc.get().uri("/triage/requests/" + id).with(as).exchange();
		assertThat(result).hasStatusOk();
		return result;
	}

	private static String suggestion(String html) {
		return html.substring(html.indexOf("id=\"suggestions\""), html.indexOf("</ol>", html.indexOf("id=\"suggestions\"")));
	}

	private static String header(String html) {
		return html.substring(0, html.indexOf("</header>"));
	}

	private static String html(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
