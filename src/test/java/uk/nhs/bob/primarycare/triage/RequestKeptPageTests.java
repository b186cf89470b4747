package uk.nhs.bob.primarycare.triage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The request page keeps its markup below the messages by the value of everything it shows (the request by its id and
 * version, the page's reads, the user's allowed actions): each view is written with its own session's CSRF token, a
 * change made elsewhere (as another instance would) shows on the next view, one user's actions never show to another,
 * and what was typed before a refused action is shown again.
 */
@TriageModuleTest
class RequestKeptPageTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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

	String coordinator = "";

	RequestPostProcessor asCoordinator = user("unset");

	@BeforeEach
	void staffOfTheirOwn() {
		PopulationFixtures.referenceData(context);
		coordinator = IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site("BK-AYL"), Role.CARE_COORDINATOR);
		asCoordinator = user(coordinator).roles("CARE_COORDINATOR");
	}

	@Test
	void eachViewOfAKeptPageCarriesItsOwnSessionsTokenAndItIsAccepted() {
		TriageRequests.Recorded recorded = uti();
		MvcTestResult first = view(recorded.id(), asCoordinator);
		MvcTestResult second = view(recorded.id(), asCoordinator);
		String firstToken = tokenOf(first);
		String secondToken = tokenOf(second);
		assertThat(secondToken).isNotEqualTo(firstToken);
		for (MvcTestResult view : List.of(first, second)) {
			String html = html(view);
			assertThat(html).contains("id=\"claim\"", "id=\"call-form\"").doesNotContain("csrf-stand-in");
			List<String> written = tokensIn(html);
			assertThat(written).as("a token in every form of the page, the sign-out form's among them")
				.hasSizeGreaterThanOrEqualTo(3)
				.containsOnly(tokenOf(view));
		}
		// the token written into the kept claim form is the one the session's post is checked against
		MockHttpSession session = (MockHttpSession) second.getRequest().getSession();
		assertThat(mvc.post().uri("/triage/requests/" + recorded.id() + "/claim").with(asCoordinator).session(session)
			.param("_csrf", tokensIn(html(second)).get(0))).hasStatus(HttpStatus.FOUND)
			.flash()
			.containsEntry("message", "You have claimed this request");
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
		view(recorded.id(), asCoordinator);
		MvcTestResult typed = mvc.get().uri("/triage/requests/" + recorded.id()).with(asCoordinator)
			.flashAttr("callNoteTyped", "Rang <twice>")
			.exchange();
		assertThat(typed).hasStatusOk();
		assertThat(html(typed)).contains("value=\"Rang &lt;twice&gt;\"").doesNotContain("csrf-stand-in");
		assertThat(tokensIn(html(typed))).containsOnly(tokenOf(typed));
		assertThat(html(view(recorded.id(), asCoordinator))).doesNotContain("Rang");
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

	private static String html(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String tokenOf(MvcTestResult result) {
		return ((CsrfToken) result.getRequest().getAttribute(CsrfToken.class.getName())).getToken();
	}

	private static List<String> tokensIn(String html) {
		List<String> found = new ArrayList<>();
		Matcher matcher = CSRF.matcher(html);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
