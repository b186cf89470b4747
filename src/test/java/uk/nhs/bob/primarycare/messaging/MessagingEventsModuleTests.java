package uk.nhs.bob.primarycare.messaging;

import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.cvd.CvdFixtures;
import uk.nhs.bob.primarycare.cvd.CvdOutreachRecorded;
import uk.nhs.bob.primarycare.cvd.OutreachOutcome;
import uk.nhs.bob.primarycare.cvd.OutreachType;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.neighbourhood.CarePlanAgreed;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.careplans.GoalStatus;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.triage.TriageRequestCompleted;
import uk.nhs.bob.primarycare.triage.TriageRequestRecorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Messages to patients with the modules it reads (and theirs), without the programme, on PostgreSQL and the local
 * Notify: the other modules' events, published here as those modules publish them (or by those modules themselves,
 * as when a team agrees a care plan), become messages once. Each test makes its own person, contact details, outreach
 * or team and plan.
 */
@MessagingModuleTest
class MessagingEventsModuleTests {

	/** The listeners run on a shared executor that a busy test machine can keep waiting well past the default 10 s. */
	private static final Duration BUSY_MACHINE = Duration.ofSeconds(60);

	private static final String MESSAGING = MessagingEventsModuleTests.class.getPackageName() + ".";

	private final Contacts contacts;

	private final IncompleteEventPublications incomplete;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final MockMvcTester mvc;

	private final ApplicationContext context;

	private final Caseload caseload;

	private final TeamRepository teams;

	MessagingEventsModuleTests(Contacts contacts, IncompleteEventPublications incomplete, Directory directory,
			JdbcClient jdbc, MockMvcTester mvc, ApplicationContext context, Caseload caseload, TeamRepository teams) {
		this.contacts = contacts;
		this.incomplete = incomplete;
		this.directory = directory;
		this.jdbc = jdbc;
		this.mvc = mvc;
		this.context = context;
		this.caseload = caseload;
		this.teams = teams;
	}

	@Test
	void startsWithoutTheProgrammeOrDemoData() {
		assertThat(context.getBeanNamesForType(CvdMessages.class)).hasSize(1);
		assertThat(context.getBeanNamesForType(TriageMessages.class)).hasSize(1);
		assertThat(context.getBeanNamesForType(CarePlanMessages.class)).hasSize(1);
		assertThat(context.containsBean("feedListener")).isFalse();
		assertThat(context.getEnvironment().getProperty("primarycare.demo.enabled", Boolean.class)).isFalse();
	}

	@Test
	void anInvitationRecordedInCvdIsOneMessageSentOnceEvenWhenTheEventIsDeliveredAgain(Scenario scenario) {
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		PracticeSummary practice = directory.practices().get(5);
		NhsNumber person = PopulationFixtures.person(context, practice.odsCode(), "Ivy", "Invitation",
				today.minusYears(61), Sex.FEMALE);
		MessagingTestData.contact(contacts, person.value(), "07700 900777", null, null, null, null, Channel.SMS,
				Consent.GIVEN, false);
		UUID outreach = CvdFixtures.outreach(context, person, practice, OutreachType.PHARMACY_BP_CHECK,
				OutreachOutcome.SENT, today);
		CvdOutreachRecorded event = new CvdOutreachRecorded(outreach, practice.odsCode().value(), practice.siteCode(),
				OutreachType.PHARMACY_BP_CHECK.name(), today);
		String reference = MessageKind.CVD_INVITATION.reference(outreach);

		scenario.publish(event)
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(
					() -> new Delivered(deliveries(CvdOutreachRecorded.class, outreach), status(reference)),
					delivered -> delivered.times() == 1 && delivered.status().equals("CREATED"))
			.andVerify(delivered -> assertThat(FakeNotify.sendsWithReference(reference)).hasSize(1));

		deliveredAgain(scenario, CvdOutreachRecorded.class, outreach).andVerify(times -> {
			assertThat(jdbc.sql("SELECT count(*) FROM messaging.message WHERE reference = ?")
				.param(reference)
				.query(Long.class)
				.single()).isEqualTo(1);
			JsonNode body = onlySend(reference, "/v2/notifications/sms", NotifyTemplate.CVD_INVITATION_SMS);
			assertThat(body.path("phone_number").asString()).isEqualTo("07700900777");
			assertThat(body.path("personalisation").path("offer").asString())
				.isEqualTo("a free blood pressure check at a community pharmacy");
			assertThat(jdbc.sql("SELECT reminder_state FROM messaging.cvd_invitation WHERE outreach_id = ?")
				.param(outreach)
				.query(String.class)
				.single()).isEqualTo("DUE");
		});
	}

	@Test
	void outreachThatInvitesNoOneSendsNothing(Scenario scenario) {
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		PracticeSummary practice = directory.practices().get(6);
		NhsNumber person = PopulationFixtures.person(context, practice.odsCode(), "Arthur", "Attended",
				today.minusYears(66), Sex.MALE);
		MessagingTestData.contact(contacts, person.value(), "07700 900778", null, null, null, null, Channel.SMS,
				Consent.GIVEN, false);
		UUID outreach = CvdFixtures.outreach(context, person, practice, OutreachType.PHARMACY_BP_CHECK,
				OutreachOutcome.ATTENDED, today);
		CvdOutreachRecorded event = new CvdOutreachRecorded(outreach, practice.odsCode().value(), practice.siteCode(),
				OutreachType.PHARMACY_BP_CHECK.name(), today);

		scenario.publish(event)
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> deliveries(CvdOutreachRecorded.class, outreach) == 1)
			.andVerify(delivered -> assertThat(status(MessageKind.CVD_INVITATION.reference(outreach)))
				.isEqualTo("NONE"));
	}

	@Test
	void aRequestFromTheOnlineFormIsConfirmedByOneMessageSentOnceEvenWhenTheEventIsDeliveredAgain(
			Scenario scenario) {
		String formToken = UUID.randomUUID().toString();

		// triage records the request and publishes its event, as it does for every online form
		scenario.stimulate(() -> MessagingTestData.submitPublicRequest(mvc, formToken, "07400 900471", "SORE_THROAT",
				"NONE"))
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> confirmation(formToken), status -> status.equals("CREATED"))
			.andVerify(status -> {
				UUID request = MessagingTestData.requestId(jdbc, formToken).orElseThrow();
				JsonNode body = onlySend(MessageKind.FORM_CONFIRMATION.reference(request), "/v2/notifications/sms",
						NotifyTemplate.FORM_CONFIRMATION_SMS);
				assertThat(body.path("phone_number").asString()).isEqualTo("07400900471");
				assertThat(body.path("personalisation").path("reference").asString())
					.isEqualTo(jdbc.sql("SELECT reference FROM triage.request WHERE id = ?")
						.param(request)
						.query(String.class)
						.single());
				assertThat(body.path("personalisation").path("hub_name").asString())
					.isEqualTo("Aylesbury neighbourhood");
			});
		UUID request = MessagingTestData.requestId(jdbc, formToken).orElseThrow();
		String reference = MessageKind.FORM_CONFIRMATION.reference(request);
		assertThat(deliveries(TriageRequestRecorded.class, request)).isEqualTo(1);

		deliveredAgain(scenario, TriageRequestRecorded.class, request).andVerify(times -> {
			assertThat(jdbc.sql("SELECT count(*) FROM messaging.message WHERE reference = ?")
				.param(reference)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(FakeNotify.sendsWithReference(reference)).hasSize(1);
		});
	}

	@Test
	void aRedFlagOutcomeOfATriageRequestIsNeverSentAsAMessage(Scenario scenario) {
		UUID request = MessagingTestData.publicRequest(mvc, jdbc, "07400 900472", "OTHER", "CHEST_PAIN");
		String reference = MessageKind.TRIAGE_OUTCOME.reference(request);
		long version = jdbc.sql("SELECT version FROM triage.request WHERE id = ?")
			.param(request)
			.query(Long.class)
			.single();

		RequestPostProcessor supervisor = IdentityFixtures.signedIn(context, "supervisor", Role.CLINICAL_SUPERVISOR,
				OrganisationScope.place("14Y"));

		// the clinical supervisor completes it as an emergency: triage publishes the completion
		scenario.stimulate(() -> assertThat(mvc.post()
			.uri("/triage/requests/" + request + "/supervision")
			.with(supervisor)
			.with(csrf())
			.param("version", Long.toString(version))
			.param("disposition", "EMERGENCY_999")
			.param("note", "Phoned: ambulance on its way")).hasStatus(HttpStatus.FOUND))
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> deliveries(TriageRequestCompleted.class, request) == 1)
			.andVerify(delivered -> {
				assertThat(status(reference)).isEqualTo("NOT_SENT");
				assertThat(jdbc.sql("SELECT status_reason FROM messaging.message WHERE reference = ?")
					.param(reference)
					.query(String.class)
					.single()).isEqualTo(TriageMessages.RED_FLAG);
				assertThat(FakeNotify.sendsWithReference(reference)).isEmpty();
			});
	}

	@Test
	void aTriageEventForARequestTriageDoesNotHoldIsCompletedWithoutAMessage(Scenario scenario) {
		UUID unknown = UUID.randomUUID();
		TriageRequestRecorded event = new TriageRequestRecorded(unknown, "ONLINE_FORM", "BK-AYL", false,
				Instant.now());

		// completed, not failed: a retry would fail the same way for ever
		scenario.publish(event)
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> deliveries(TriageRequestRecorded.class, unknown) == 1)
			.andVerify(delivered -> assertThat(status(MessageKind.FORM_CONFIRMATION.reference(unknown)))
				.isEqualTo("NONE"));
	}

	@Test
	void anAgreedCarePlanIsOneEmailToThePersonSentOnceEvenWhenTheEventIsDeliveredAgain(Scenario scenario) {
		Team team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		NhsNumber person = NeighbourhoodTestData.person(context, team);
		MessagingTestData.contact(contacts, person.value(), null, "edith.fixture@example.com", null, null, null, null,
				Consent.GIVEN, false);
		LocalDate review = LocalDate.now(ServiceDirectory.UK_TIME).plusMonths(3);
		PlanContent plan = new PlanContent("Keeping up my allotment",
				List.of(new PlanContent.Goal("g1", "Walk to the allotment twice a week", review, GoalStatus.PROPOSED)),
				List.of(), "Call my son, then 111", review);

		// the team agrees the plan: neighbourhood publishes CarePlanAgreed, messaging reads the plan and sends a copy
		scenario.stimulate(() -> NeighbourhoodTestData.agreedPlan(caseload, team, person, null, plan))
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> carePlanCopy(person), status -> status.equals("CREATED"))
			.andVerify((status, entry) -> {
				JsonNode body = onlySend(MessageKind.CARE_PLAN.reference(entry.getCarePlanId()),
						"/v2/notifications/email", NotifyTemplate.CARE_PLAN_EMAIL);
				assertThat(body.path("email_address").asString()).isEqualTo("edith.fixture@example.com");
				JsonNode fields = body.path("personalisation");
				assertThat(fields.path("name").asString()).isEqualTo("Edith Fixture");
				assertThat(fields.path("team_name").asString()).isEqualTo(team.getName());
				assertThat(fields.path("what_matters").asString()).isEqualTo("Keeping up my allotment");
				assertThat(fields.path("goals").asString()).contains("Walk to the allotment twice a week");
				assertThat(fields.path("contingency_plan").asString()).isEqualTo("Call my son, then 111");
				assertThat(fields.path("next_review").asString()).isEqualTo(Routing.DAY.format(review));
				assertThat(fields.path("keyworker").asString()).isEqualTo("not yet named");
			});
		UUID carePlan = jdbc.sql("SELECT care_plan_id FROM neighbourhood.caseload_entry WHERE nhs_number = ?")
			.param(person.value())
			.query(UUID.class)
			.single();
		String reference = MessageKind.CARE_PLAN.reference(carePlan);
		assertThat(deliveries(CarePlanAgreed.class, carePlan)).isEqualTo(1);

		deliveredAgain(scenario, CarePlanAgreed.class, carePlan).andVerify(times -> {
			assertThat(jdbc.sql("SELECT count(*) FROM messaging.message WHERE nhs_number = ?")
				.param(person.value())
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(status(reference)).isEqualTo("CREATED");
			assertThat(FakeNotify.sendsWithReference(reference)).hasSize(1);
		});
	}

	@Test
	void anAgreedCarePlanIsNotSentToSomeoneWithoutRecordedConsentOrWhoOptedOut(Scenario scenario) {
		Team team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		NhsNumber unasked = NeighbourhoodTestData.person(context, team);
		MessagingTestData.contact(contacts, unasked.value(), "07700 900781", "unasked@example.com", null, null, null,
				Channel.EMAIL, Consent.NOT_RECORDED, false);
		NhsNumber optedOut = NeighbourhoodTestData.person(context, team);
		MessagingTestData.contact(contacts, optedOut.value(), "07700 900782", "opted.out@example.com", null, null,
				null, Channel.EMAIL, Consent.GIVEN, true);
		LocalDate review = LocalDate.now(ServiceDirectory.UK_TIME).plusMonths(3);
		PlanContent plan = new PlanContent("Staying independent",
				List.of(new PlanContent.Goal("g1", "Cook my own meals", review, GoalStatus.PROPOSED)), List.of(), "",
				review);

		scenario.stimulate(() -> List.of(NeighbourhoodTestData.agreedPlan(caseload, team, unasked, null, plan),
				NeighbourhoodTestData.agreedPlan(caseload, team, optedOut, null, plan)))
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> List.of(carePlanCopy(unasked), carePlanCopy(optedOut)),
					statuses -> !statuses.contains("NONE"))
			.andVerify((statuses, entries) -> {
				assertThat(statuses).containsExactly("NOT_SENT", "NOT_SENT");
				assertThat(reason(entries.get(0))).isEqualTo("No consent to messages is recorded: ask the person and record it");
				assertThat(reason(entries.get(1))).startsWith("The person opted out of messages");
				entries.forEach(entry -> assertThat(
						FakeNotify.sendsWithReference(MessageKind.CARE_PLAN.reference(entry.getCarePlanId())))
					.isEmpty());
			});
	}

	/** The status of the copy of the person's agreed care plan ("NONE" before it exists). */
	private String carePlanCopy(NhsNumber person) {
		return jdbc.sql("SELECT status FROM messaging.message WHERE nhs_number = ? AND kind = ?")
			.params(person.value(), MessageKind.CARE_PLAN.name())
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	private String reason(CaseloadEntry entry) {
		return jdbc.sql("SELECT status_reason FROM messaging.message WHERE reference = ?")
			.param(MessageKind.CARE_PLAN.reference(entry.getCarePlanId()))
			.query(String.class)
			.single();
	}

	/**
	 * As if the instance died after making the message but before the event's publication was marked complete: the
	 * publication registry hands the event of this type naming this id to this module's listener again. Waits until
	 * it has been handled once more: how many times it has then been handled to completion (one, the redelivery).
	 */
	private Scenario.When<Void>.StateChangeResult<Long> deliveredAgain(Scenario scenario, Class<?> type, UUID id) {
		jdbc.sql("""
				UPDATE events.event_publication SET completion_date = NULL, status = 'FAILED'
				WHERE listener_id LIKE ? AND event_type = ? AND serialized_event LIKE ?""")
			.params(MESSAGING + "%", type.getName(), "%" + id + "%")
			.update();
		return scenario
			.stimulate(() -> incomplete.resubmitIncompletePublications(
					p -> type.isInstance(p.getEvent()) && p.getEvent().toString().contains(id.toString())))
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> deliveries(type, id), times -> times == 1);
	}

	/**
	 * The body of the one request the local Notify was sent with this reference, checked to be to this route with
	 * this template.
	 */
	private static JsonNode onlySend(String reference, String route, NotifyTemplate template) {
		List<LoggedRequest> sends = FakeNotify.sendsWithReference(reference);
		assertThat(sends).hasSize(1);
		assertThat(sends.get(0).getUrl()).isEqualTo(route);
		JsonNode body = FakeNotify.body(sends.get(0));
		assertThat(body.path("template_id").asString()).isEqualTo(FakeNotify.templateId(template));
		return body;
	}

	/** How many times the event was handled, and the status of its message. */
	private record Delivered(long times, String status) {
	}

	/**
	 * How many times this module's listeners have handled an event of this type naming this id to completion, from
	 * the event publication registry.
	 */
	private long deliveries(Class<?> type, UUID id) {
		return jdbc.sql("""
				SELECT count(*) FROM events.event_publication
				WHERE listener_id LIKE ? AND event_type = ? AND serialized_event LIKE ? AND completion_date IS NOT NULL""")
			.params(MESSAGING + "%", type.getName(), "%" + id + "%")
			.query(Long.class)
			.single();
	}

	/** The status of the confirmation of the request made under this form token ("NONE" before either exists). */
	private String confirmation(String formToken) {
		return MessagingTestData.requestId(jdbc, formToken)
			.map(request -> status(MessageKind.FORM_CONFIRMATION.reference(request)))
			.orElse("NONE");
	}

	private String status(String reference) {
		return MessagingTestData.status(jdbc, reference);
	}

}
