package uk.nhs.bob.primarycare.triage;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The loop and the pages around it: no second Pharmacy First for urinary symptoms within 7 days, calls and the
 * follow-up worklist, the creator's view of a completed request, audited hub settings that refuse unknown codes, the
 * queue's filters and refresh, the keyworker's read-only view, and the public form's session-free pages and limit.
 * People and staff are made by each test: the people registered at practices of the hubs, the staff with their scope.
 */
@TriageModuleTest
class TriageLoopTests {

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

	/** A care coordinator of the Aylesbury hub and a clinical supervisor of Buckinghamshire. */
	String coordinator = "";

	String supervisor = "";

	RequestPostProcessor asCoordinator = user("unset");

	@BeforeEach
	void staffOfTheirOwn() {
		PopulationFixtures.referenceData(context);
		coordinator = IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site("BK-AYL"), Role.CARE_COORDINATOR);
		supervisor = IdentityFixtures.staffUser(jdbc, "supervisor", OrganisationScope.place("14Y"), Role.CLINICAL_SUPERVISOR);
		asCoordinator = user(coordinator).roles("CARE_COORDINATOR");
	}

	RequestedPerson woman(String site) {
		Map<String, Object> person = TriageTestData.registered(context, site, Sex.FEMALE, 35);
		return new RequestedPerson(new NhsNumber(person.get("nhs_number").toString().trim()), person.get("given_name").toString(),
				person.get("family_name").toString(), LocalDate.parse(person.get("date_of_birth").toString()), Sex.FEMALE,
				null);
	}

	/** Sent by the system whose tokens the test reads it back with: only its creator reads a request's status. */
	TriageRequests.Recorded uti(RequestedPerson person, Instant at) {
		return requests.record(new NewRequest(TriageRequest.Channel.API, null, tokens.clientId(), person, null, null,
				new RequestDetails(PresentingProblem.URINARY_SYMPTOMS, null, null, Set.of(), false, null, false, 1, 1,
						1, null, null, "0118 496 0123", false)),
				at);
	}

	@Test
	void aSecondUtiWithinSevenDaysOfPharmacyFirstGoesToTheGpNotThePharmacy() {
		RequestedPerson person = woman("BK-WYC");
		Instant now = Instant.now();
		TriageRequests.Recorded first = uti(person, now.minus(5, ChronoUnit.DAYS));
		assertThat(first.navigation().recommended().code()).isEqualTo(Disposition.PHARMACY_FIRST);
		requests.completeAt(first.id(), Disposition.PHARMACY_FIRST, coordinator, now.minus(5, ChronoUnit.DAYS)
			.plusSeconds(900), null, supervisor);
		TriageRequests.Recorded second = uti(person, now);
		assertThat(second.navigation().recommended().code()).isEqualTo(Disposition.URGENT_GP_SAME_DAY);
		assertThat(second.navigation().recommended().ruleId()).isEqualTo("PF-UTI-AGAIN-WITHIN-7-DAYS");
		assertThat(second.navigation().rulePackVersion()).isEqualTo("2026.2");
		assertThat(second.navigation().recommended().values()).containsEntry("daysSincePharmacyFirst", "4");
		// someone else, never sent to the pharmacy, still is
		assertThat(uti(woman("BK-WYC"), now).navigation().recommended().code()).isEqualTo(Disposition.PHARMACY_FIRST);
	}

	@Test
	void callsAreRecordedAndShownAndADueFollowUpIsListedUntilDone() throws Exception {
		RequestedPerson person = woman("BK-AYL");
		// completed exactly four days ago, so its follow-up date is four days back whatever the time of day (completed
		// later than that, it could fall on the next day just before midnight, and be due today rather than overdue)
		Instant completed = Instant.now().minus(4, ChronoUnit.DAYS);
		TriageRequests.Recorded recorded = uti(person, completed.minusSeconds(600));
		requests.completeAt(recorded.id(), Disposition.PHARMACY_FIRST, coordinator, completed, null, supervisor);
		assertThat(mvc.post().uri("/triage/requests/" + recorded.id() + "/calls").with(asCoordinator).with(csrf())
			.param("outcome", "VOICEMAIL").param("callNote", "Left a message to call back")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri("/triage/requests/" + recorded.id() + "/calls").with(asCoordinator).with(csrf())
			.param("outcome", "SHOUTED")).hasStatus(HttpStatus.FOUND)
			.flash()
			.containsEntry("problem", "Choose what happened when you called");
		MvcTestResult followUps = mvc.get().uri("/triage/follow-ups").with(asCoordinator).exchange();
		assertThat(followUps).hasStatusOk().bodyText().contains(recorded.reference());
		// its own row says how overdue it is (other rows of the hub may be due too)
		String page = followUps.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String row = page.substring(page.indexOf(recorded.reference()));
		assertThat(row.substring(0, row.indexOf("</tr>"))).containsPattern("\\d+ days? overdue");
		assertThat(mvc.get().uri("/triage/requests/" + recorded.id()).with(asCoordinator)).hasStatusOk()
			.bodyText()
			.contains("Left a voicemail", "Left a message to call back", "Due since", person.nhsNumber().formatted());
		long version = jdbc.sql("SELECT version FROM triage.request WHERE id = ?").param(recorded.id())
			.query(Long.class).single();
		assertThat(mvc.post().uri("/triage/requests/" + recorded.id() + "/follow-up").with(asCoordinator).with(csrf())
			.param("version", Long.toString(version)).param("followUpNote", "")).hasStatus(HttpStatus.FOUND)
			.flash()
			.containsKey("problem");
		assertThat(mvc.post().uri("/triage/requests/" + recorded.id() + "/follow-up").with(asCoordinator).with(csrf())
			.param("version", Long.toString(version)).param("followUpNote", "Seen by the pharmacist, better"))
			.hasStatus(HttpStatus.FOUND)
			.flash()
			.containsEntry("message", "Follow-up recorded");
		assertThat(mvc.get().uri("/triage/follow-ups").with(asCoordinator)).bodyText().doesNotContain(recorded.reference());
		// the creator reads the outcome through the API
		assertThat(mvc.get().uri("/api/v1/triage/requests/" + recorded.reference())
			.with(tokens.bearer("triage.requests"))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.status", s -> assertThat(s).isEqualTo("COMPLETED"))
			.hasPathSatisfying("$.disposition", s -> assertThat(s).isEqualTo("PHARMACY_FIRST"))
			.hasPathSatisfying("$.referral.safetyNet", s -> assertThat(s).asString().contains("pharmacist"));
	}

	@Test
	void hubSettingsRefuseUnknownCodesAndEveryChangeIsRecorded() {
		// a hub of this test's own in Buckinghamshire, with no settings and no changes yet
		String site = "T-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO directory.neighbourhood_site (code, name, place_code) VALUES (?, ?, '14Y')")
			.params(site, "Test hub " + site)
			.update();
		var supervisor = user(this.supervisor).roles("CLINICAL_SUPERVISOR");
		assertThat(mvc.post().uri("/triage/hub-settings?site=" + site).with(supervisor).with(csrf())
			.param("problems", "SORE_THROAT", "BROKEN_LEG").param("mondayOpens", "08:00").param("mondayCloses", "18:30"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Error: Hub settings", "BROKEN_LEG", "is not one of them");
		assertThat(mvc.post().uri("/triage/hub-settings?site=" + site).with(supervisor).with(csrf())
			.param("problems", "SORE_THROAT").param("mondayOpens", "25:00").param("mondayCloses", "18:30"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Monday: enter the opening and closing times", "value=\"25:00\"");
		assertThat(jdbc.sql("SELECT count(*) FROM triage.supervised_problem WHERE site_code = ? AND problem = 'SORE_THROAT'")
			.param(site).query(Long.class).single()).as("nothing half-saved").isZero();
		assertThat(mvc.post().uri("/triage/hub-settings?site=" + site).with(supervisor).with(csrf())
			.param("problems", "SORE_THROAT").param("mondayOpens", "09:00").param("mondayCloses", "17:00"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/triage/hub-settings?site=" + site).with(supervisor)).hasStatusOk()
			.bodyText()
			.contains("Problems a clinical supervisor checks", "Sore throat", "Mon 09:00 to 17:00", this.supervisor);
		assertThat(jdbc.sql("SELECT count(*) FROM triage.hub_settings_change WHERE site_code = ?")
			.param(site).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theQueueFiltersAndItsRefreshAnnouncesANewRedFlag() {
		long before = Instant.now().toEpochMilli() - 1;
		TriageRequests.Recorded red = requests.record(new NewRequest(TriageRequest.Channel.API, null, "api-client",
				woman("BK-AYL"), null, null, new RequestDetails(PresentingProblem.OTHER, null, null,
						Set.of(RedFlag.SEIZURE), null, null, null, null, null, null, null, null, null, false)));
		assertThat(mvc.get().uri("/triage?site=BK-AYL&since=" + before).header("HX-Request", "true").with(asCoordinator))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"queue-live\"", "hx-swap-oob", "New red-flag request " + red.reference())
			.doesNotContain("<html");
		assertThat(mvc.get().uri("/triage?site=BK-AYL&show=unclaimed&problem=OTHER").with(asCoordinator)).bodyText()
			.contains(red.reference());
		assertThat(mvc.get().uri("/triage?site=BK-AYL&show=mine").with(asCoordinator)).bodyText()
			.doesNotContain(red.reference());
		assertThat(mvc.get().uri("/triage?site=BK-AYL&problem=SORE_THROAT").with(asCoordinator)).bodyText()
			.doesNotContain(red.reference());
		assertThat(mvc.get().uri("/triage?site=BK-AYL&problem=NOT_A_PROBLEM").with(asCoordinator)).hasStatusOk()
			.bodyText()
			.contains("Choose a problem from the list", red.reference());
		// the reassign pick list offers the hub's coordinators and supervisors
		String coordinatorOxon = IdentityFixtures.staffUser(jdbc, "coordinator-oxon", OrganisationScope.site("OX-CTY"),
				Role.CARE_COORDINATOR);
		requests.claim(red.id(), coordinator);
		assertThat(mvc.get().uri("/triage/requests/" + red.id()).with(asCoordinator)).bodyText()
			.contains("<option value=\"" + supervisor + "\"", "<option value=\"" + coordinator + "\"")
			.doesNotContain("<option value=\"" + coordinatorOxon + "\"");
		assertThat(mvc.post().uri("/triage/requests/" + red.id() + "/reassign").with(asCoordinator).with(csrf())
			.param("username", coordinatorOxon)).flash()
			.containsEntry("problem", "Choose a care coordinator or supervisor of this hub from the list");
	}

	@Test
	void theKeyworkerOpensTheRequestReadOnly() {
		TriageRequests.Recorded recorded = uti(woman("OX-CTY"), Instant.now());
		var member = user(IdentityFixtures.staffUser(jdbc, "neighbourhood", OrganisationScope.site("OX-CTY"), Role.INT_MEMBER))
			.roles("INT_MEMBER");
		assertThat(mvc.get().uri("/triage/requests/" + recorded.id()).with(member)).hasStatusOk()
			.bodyText()
			.contains(recorded.reference(), "Urinary symptoms")
			.doesNotContain("id=\"claim\"", "id=\"call-form\"");
		assertThat(mvc.post().uri("/triage/requests/" + recorded.id() + "/claim").with(member).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/triage").with(member)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aPublicFormPageViewStoresNoSession() {
		long sessions = jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
		HttpResponse<String> page = new HttpSession(port).get("/request");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
		assertThat(page.body()).contains("name=\"_csrf\"");
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single()).isEqualTo(sessions);
		assertThat(new HttpSession(port).get("/accessibility").statusCode()).isEqualTo(200);
		assertThat(new HttpSession(port).get("/privacy").body()).contains("Privacy notice");
	}

	@Test
	void tooManySubmissionsFromOneClientAre429WithTheAnswersKept() {
		MvcTestResult last = null;
		for (int i = 0; i < 60; i++) {
			last = mvc.post().uri("/request").with(PublicFormCsrf.token()).with(r -> {
				r.setRemoteAddr("198.51.100.7");
				return r;
			})
				.param("formToken", UUID.randomUUID().toString())
				.param("redFlags", "NONE").param("forWhom", "self").param("givenName", "Rate")
				.param("familyName", "Limited").param("day", "1").param("month", "2").param("year", "1970")
				.param("sex", "male").param("practiceCode", "NONE").param("siteCode", "BK-MBE")
				.param("problem", "OTHER").param("contactPhone", "0118 496 0123").param("step", "check")
				.param("go", "send").exchange();
			if (last.getResponse().getStatus() == 429) {
				break;
			}
		}
		assertThat(last).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.bodyText()
			.contains("Error: Check your answers", "You have sent a lot of requests", "Limited");
		// another client is not affected
		assertThat(mvc.get().uri("/request")).hasStatusOk();
	}

}
