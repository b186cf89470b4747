package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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
 * Intake, queue, claim, decision, supervision and the outcome loop through the real pages, security, PostgreSQL and
 * audit log, for people each test registers at a practice of the Aylesbury hub and staff each test makes.
 */
@TriageModuleTest
@RecordApplicationEvents
class TriageWorkflowTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TriageRequests requests;

	@Autowired
	ApplicationContext context;

	static final String HUB = "BK-AYL";

	/** A care coordinator of the Aylesbury hub and a clinical supervisor of Buckinghamshire, made for each test. */
	String coordinator = "";

	String supervisor = "";

	RequestPostProcessor asCoordinator = user("unset");

	RequestPostProcessor asSupervisor = user("unset");

	@BeforeEach
	void staffOfTheirOwn() {
		PopulationFixtures.referenceData(context);
		coordinator = IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site(HUB), Role.CARE_COORDINATOR);
		supervisor = IdentityFixtures.staffUser(jdbc, "supervisor", OrganisationScope.place("14Y"), Role.CLINICAL_SUPERVISOR);
		asCoordinator = user(coordinator).roles("CARE_COORDINATOR");
		asSupervisor = user(supervisor).roles("CLINICAL_SUPERVISOR");
	}

	Map<String, Object> person(String hub, Sex sex, int age) {
		return TriageTestData.registered(context, hub, sex, age);
	}

	/** A request recorded straight through the facade, for a registered person of the hub. */
	UUID recordFor(Map<String, Object> person, Sex sex, PresentingProblem problem, Set<RedFlag> flags) {
		RequestedPerson requested = new RequestedPerson(new NhsNumber(person.get("nhs_number").toString().trim()),
				person.get("given_name").toString(), person.get("family_name").toString(),
				LocalDate.parse(person.get("date_of_birth").toString()), sex, null);
		return requests.record(new NewRequest(TriageRequest.Channel.API, null, "api-client", requested, null, null,
				new RequestDetails(problem, "Since yesterday", null, flags, false, null, null, 2, null, null, null,
						null, null, false)))
			.id();
	}

	long version(UUID id) {
		return jdbc.sql("SELECT version FROM triage.request WHERE id = ?").param(id).query(Long.class).single();
	}

	String status(UUID id) {
		return jdbc.sql("SELECT status FROM triage.request WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void aCoordinatorRecordsARequestOnceEvenWhenTheFormIsSentTwice() {
		Map<String, Object> person = person(HUB, Sex.FEMALE, 35);
		String nhs = person.get("nhs_number").toString().trim();
		String token = UUID.randomUUID().toString();
		long audited = jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ? AND username = ?")
			.params(nhs, coordinator)
			.query(Long.class)
			.single();
		assertThat(mvc.get().uri("/triage/requests/new/person/" + nhs).with(asCoordinator)).hasStatusOk()
			.bodyText()
			.contains("Record a same-day request", person.get("family_name").toString().toUpperCase());
		MvcTestResult first = post(token, nhs);
		assertThat(first).hasStatus(HttpStatus.FOUND);
		String location = first.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/triage/requests/");
		assertThat(post(token, nhs).getResponse().getRedirectedUrl()).isEqualTo(location);
		UUID id = UUID.fromString(location.substring("/triage/requests/".length()));
		Map<String, Object> row = jdbc.sql("SELECT site_code, suggested_disposition, channel FROM triage.request WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("site_code", HUB)
			.containsEntry("suggested_disposition", "PHARMACY_FIRST")
			.containsEntry("channel", "COORDINATOR");
		assertThat(jdbc.sql("SELECT count(*) FROM triage.request WHERE submission_key = ?")
			.param("staff:" + token)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(mvc.get().uri(location).with(asCoordinator)).hasStatusOk()
			.bodyText()
			.contains("Pharmacy First", "PF-UTI", "2026.2");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ? AND username = ?")
			.params(nhs, coordinator)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(audited + 2);
	}

	MvcTestResult post(String token, String nhs) {
		return mvc.post()
			.uri("/triage/requests")
			.with(asCoordinator)
			.with(csrf())
			.param("formToken", token)
			.param("nhsNumber", nhs)
			.param("kind", "registered")
			.param("redFlags", "NONE")
			.param("problem", "URINARY_SYMPTOMS")
			.param("onset", "Burning since yesterday")
			.param("pregnant", "no")
			.param("urinaryCatheter", "no")
			.exchange();
	}

	@Test
	void badInputKeepsWhatWasTypedAndEscapesIt() {
		assertThat(mvc.post()
			.uri("/triage/requests")
			.with(asCoordinator)
			.with(csrf())
			.param("formToken", UUID.randomUUID().toString())
			.param("givenName", "Sam")
			.param("familyName", "<b>Visitor</b>")
			.param("day", "31")
			.param("month", "2")
			.param("year", "1990")
			.param("onset", "<script>alert(1)</script>")
			.param("symptomDays", "lots")
			.param("siteCode", "OX-CTY")).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Answer the urgent symptoms question", "Choose what the problem is about",
					"Date of birth must be a real date", "Choose the sex recorded", "Number of days must be a whole number",
					"Choose the hub that will triage this request")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Visitor&lt;/b&gt;", "value=\"lots\"")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void whenTwoClaimAtOnceExactlyOneWinsAndTheOtherIsToldWho() throws Exception {
		UUID id = recordFor(person(HUB, Sex.MALE, 45), Sex.MALE,
				PresentingProblem.BACK_OR_JOINT_PAIN, Set.of());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<TriageRequests.ClaimResult>> results = new ArrayList<>();
			for (String name : List.of(coordinator, supervisor)) {
				results.add(pool.submit(() -> {
					start.await();
					return requests.claim(id, name);
				}));
			}
			start.countDown();
			TriageRequests.ClaimResult a = results.get(0).get();
			TriageRequests.ClaimResult b = results.get(1).get();
			assertThat(List.of(a.claimed(), b.claimed())).containsExactlyInAnyOrder(true, false);
			String winner = a.claimed() ? coordinator : supervisor;
			assertThat(a.holder()).isEqualTo(winner);
			assertThat(b.holder()).isEqualTo(winner);
		}
		finally {
			pool.shutdown();
		}
		// through the page, the loser is told who has it
		requests.release(id);
		assertThat(mvc.post().uri("/triage/requests/" + id + "/claim").with(asSupervisor).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri("/triage/requests/" + id + "/claim").with(asCoordinator).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.flash()
			.hasEntrySatisfying("problem",
					v -> assertThat(v.toString()).startsWith("This request has already been claimed by supervisor (test) (" + supervisor + ")"));
	}

	@Test
	void aConfirmedSuggestionCompletesWithTheReferralAndPublishesTheEvent(ApplicationEvents events) {
		UUID id = recordFor(person(HUB, Sex.FEMALE, 35), Sex.FEMALE,
				PresentingProblem.URINARY_SYMPTOMS, Set.of());
		assertThat(events.stream(TriageRequestReceived.class).filter(e -> e.requestId().equals(id))).hasSize(1);
		assertThat(mvc.post().uri("/triage/requests/" + id + "/claim").with(asCoordinator).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post()
			.uri("/triage/requests/" + id + "/decision")
			.with(asCoordinator)
			.with(csrf())
			.param("version", Long.toString(version(id)))
			.param("disposition", "PHARMACY_FIRST")).hasStatus(HttpStatus.FOUND);
		assertThat(status(id)).isEqualTo("COMPLETED");
		Map<String, Object> row = jdbc.sql("SELECT safety_net, follow_up_date, decided_by FROM triage.request WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row.get("safety_net").toString()).contains("pharmacist");
		assertThat(row.get("follow_up_date")).isNotNull();
		assertThat(events.stream(TriageRequestCompleted.class).filter(e -> e.requestId().equals(id)))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.disposition()).isEqualTo("PHARMACY_FIRST");
				assertThat(e.awayFromGeneralPractice()).isTrue();
				assertThat(e.overridden()).isFalse();
				assertThat(e.siteCode()).isEqualTo(HUB);
			});
	}

	@Test
	void anOverrideNeedsAReasonAndASupervisorBeforeItCompletes(ApplicationEvents events) {
		UUID id = recordFor(person(HUB, Sex.MALE, 45), Sex.MALE,
				PresentingProblem.TOOTH_PAIN, Set.of());
		requests.claim(id, coordinator);
		assertThat(mvc.post()
			.uri("/triage/requests/" + id + "/decision")
			.with(asCoordinator)
			.with(csrf())
			.param("version", Long.toString(version(id)))
			.param("disposition", "GP_ROUTINE")).hasStatusOk()
			.bodyText()
			.contains("Enter why you are not following the suggestion");
		assertThat(mvc.post()
			.uri("/triage/requests/" + id + "/decision")
			.with(asCoordinator)
			.with(csrf())
			.param("version", Long.toString(version(id)))
			.param("disposition", "GP_ROUTINE")
			.param("overrideReason", "No dentist will see him today")).hasStatus(HttpStatus.FOUND);
		assertThat(status(id)).isEqualTo("AWAITING_SUPERVISION");
		assertThat(mvc.get().uri("/triage/supervision").with(asSupervisor)).hasStatusOk()
			.bodyText()
			.contains(id.toString(), "Override of the suggestion");
		assertThat(mvc.post()
			.uri("/triage/requests/" + id + "/supervision")
			.with(asSupervisor)
			.with(csrf())
			.param("version", Long.toString(version(id)))
			.param("disposition", "DENTAL_URGENT")).hasStatusOk()
			.bodyText()
			.contains("Enter a supervision note");
		assertThat(mvc.post()
			.uri("/triage/requests/" + id + "/supervision")
			.with(asSupervisor)
			.with(csrf())
			.param("version", Long.toString(version(id)))
			.param("disposition", "DENTAL_URGENT")
			.param("note", "Urgent dental care has slots this afternoon")).hasStatus(HttpStatus.FOUND);
		assertThat(status(id)).isEqualTo("COMPLETED");
		assertThat(events.stream(TriageRequestCompleted.class).filter(e -> e.requestId().equals(id)))
			.singleElement()
			.satisfies(e -> assertThat(e.disposition()).isEqualTo("DENTAL_URGENT"));
	}

	@Test
	void aStaleDecisionIsAConflictNotAnOverwrite() {
		UUID id = recordFor(person(HUB, Sex.MALE, 45), Sex.MALE,
				PresentingProblem.MINOR_INJURY, Set.of());
		requests.claim(id, coordinator);
		long seen = version(id);
		requests.release(id);
		requests.claim(id, coordinator);
		assertThat(mvc.post()
			.uri("/triage/requests/" + id + "/decision")
			.with(asCoordinator)
			.with(csrf())
			.param("version", Long.toString(seen))
			.param("disposition", "URGENT_TREATMENT_CENTRE")
			.param("safetyNet", "Typed advice kept")).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else changed this request", "Typed advice kept");
		assertThat(status(id)).isEqualTo("OPEN");
	}

	@Test
	void aRedFlagRequestGoesToTheSupervisorOfThePlaceOnly() {
		UUID id = recordFor(person(HUB, Sex.FEMALE, 45), Sex.FEMALE,
				PresentingProblem.OTHER, Set.of(RedFlag.CHEST_PAIN));
		assertThat(jdbc.sql("SELECT urgency FROM triage.request WHERE id = ?").param(id).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(mvc.get().uri("/triage/supervision").with(asSupervisor)).hasStatusOk()
			.bodyText()
			.contains(id.toString(), "Red flag");
		String supervisorOxon = IdentityFixtures.staffUser(jdbc, "supervisor-oxon", OrganisationScope.place("10Q"),
				Role.CLINICAL_SUPERVISOR);
		String coordinatorOxon = IdentityFixtures.staffUser(jdbc, "coordinator-oxon", OrganisationScope.site("OX-CTY"),
				Role.CARE_COORDINATOR);
		assertThat(mvc.get().uri("/triage/supervision").with(user(supervisorOxon).roles("CLINICAL_SUPERVISOR")))
			.hasStatusOk()
			.bodyText()
			.doesNotContain(id.toString());
		assertThat(mvc.get().uri("/triage/requests/" + id).with(user(coordinatorOxon).roles("CARE_COORDINATOR")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/triage/supervision").with(asCoordinator)).hasStatus(HttpStatus.FORBIDDEN);
		// the hub queue puts it first: most urgent, then longest waiting
		assertThat(mvc.get().uri("/triage").with(asCoordinator)).hasStatusOk().bodyText().contains(id.toString());
		assertThat(mvc.get().uri("/triage").with(user(coordinatorOxon).roles("CARE_COORDINATOR"))).hasStatusOk()
			.bodyText()
			.doesNotContain(id.toString());
	}

	@Test
	void aNewRequestWithinSevenDaysOfACompletedOneMakesItNotRightFirstTimeButAChaserOfAnOpenOneDoesNot(
			ApplicationEvents events) {
		// a person of this test's own, so nothing else links to them
		Map<String, Object> person = person("BK-WYC", Sex.FEMALE, 35);
		RequestedPerson requested = new RequestedPerson(new NhsNumber(person.get("nhs_number").toString().trim()),
				person.get("given_name").toString(), person.get("family_name").toString(),
				LocalDate.parse(person.get("date_of_birth").toString()), Sex.FEMALE, null);
		RequestDetails details = new RequestDetails(PresentingProblem.SORE_THROAT, null, null, Set.of(), null, null,
				null, null, null, null, null, null, null, false);
		Instant now = Instant.now();
		UUID old = requests.record(new NewRequest(TriageRequest.Channel.API, null, null, requested, null, null,
				details), now.minus(16, ChronoUnit.DAYS)).id();
		requests.completeAt(old, Disposition.PHARMACY_FIRST, coordinator, now.minus(16, ChronoUnit.DAYS).plusSeconds(600),
				null, supervisor);
		UUID earlier = requests.record(new NewRequest(TriageRequest.Channel.API, null, null, requested, null, null,
				details), now.minus(6, ChronoUnit.DAYS)).id();
		assertThat(jdbc.sql("SELECT not_right_first_time FROM triage.request WHERE id = ?")
			.param(old)
			.query(Boolean.class)
			.single()).as("10 days apart is outside the window").isFalse();
		// still open: the new request is a chaser, the earlier one is not marked
		UUID chaser = requests.record(new NewRequest(TriageRequest.Channel.API, null, null, requested, null, null,
				details), now.minus(5, ChronoUnit.DAYS)).id();
		assertThat(jdbc.sql("SELECT not_right_first_time::text || ' ' || chased_by_request_id FROM triage.request WHERE id = ?")
			.param(earlier)
			.query(String.class)
			.single()).isEqualTo("false " + chaser);
		assertThat(events.stream(TriageRequestNotRightFirstTime.class).filter(e -> e.laterRequestId().equals(chaser)))
			.isEmpty();
		// once completed, a new request within 7 days makes it not right first time
		requests.completeAt(chaser, Disposition.PHARMACY_FIRST, coordinator, now.minus(5, ChronoUnit.DAYS).plusSeconds(600),
				null, supervisor);
		UUID later = requests.record(new NewRequest(TriageRequest.Channel.API, null, null, requested, null, null,
				details), now).id();
		assertThat(jdbc.sql("SELECT not_right_first_time FROM triage.request WHERE id = ?")
			.param(chaser)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("SELECT earlier_request_id FROM triage.request WHERE id = ?")
			.param(later)
			.query(UUID.class)
			.single()).isEqualTo(chaser);
		assertThat(events.stream(TriageRequestNotRightFirstTime.class).filter(e -> e.laterRequestId().equals(later)))
			.singleElement()
			.satisfies(e -> assertThat(e.earlierRequestId()).isEqualTo(chaser));
	}

	@Test
	void thePublicFormNeedsNoSignInAndADoubleSubmitIsOneRequest() {
		assertThat(mvc.get().uri("/request")).hasStatusOk()
			.bodyText()
			.contains("Ask for help today", "Does the person have any of these now?");
		String token = UUID.randomUUID().toString();
		MvcTestResult first = publicPost(token);
		assertThat(first).hasStatus(HttpStatus.FOUND);
		String location = first.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/request/sent/TR-");
		assertThat(publicPost(token).getResponse().getRedirectedUrl()).isEqualTo(location);
		assertThat(mvc.get().uri(location)).hasStatusOk()
			.bodyText()
			.contains(location.substring("/request/sent/".length()), "Call 999 now");
		assertThat(jdbc.sql("SELECT site_code FROM triage.request WHERE submission_key = ?")
			.param("form:" + token)
			.query(String.class)
			.list()).containsExactly("OX-BAN");
		// sending with almost nothing answered goes back to the first unanswered page, with what was typed kept
		assertThat(mvc.post().uri("/request").with(PublicFormCsrf.token()).param("formToken", token).param("givenName", "Al")
			.param("step", "check").param("go", "send"))
			.hasStatusOk()
			.bodyText()
			.contains("Error: Does the person have any of these now?", "Answer the urgent symptoms question",
					"name=\"givenName\" value=\"Al\"");
	}

	MvcTestResult publicPost(String token) {
		return mvc.post()
			.uri("/request")
			.with(PublicFormCsrf.token())
			.param("formToken", token)
			.param("redFlags", "CHEST_PAIN")
			.param("forWhom", "someone")
			.param("givenName", "Pat")
			.param("familyName", "Traveller")
			.param("day", "4")
			.param("month", "5")
			.param("year", "1958")
			.param("sex", "male")
			.param("practiceCode", "NONE")
			.param("siteCode", "OX-BAN")
			.param("problem", "OTHER")
			.param("contactPhone", "0118 496 0123")
			.param("step", "check")
			.param("go", "send")
			.exchange();
	}

}
