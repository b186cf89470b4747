package uk.nhs.bob.primarycare.messaging;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.triage.Disposition;
import uk.nhs.bob.primarycare.triage.TriageRequestRecorded;
import uk.nhs.bob.primarycare.triage.TriageRequestSummaries;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.bob.primarycare.messaging.MessagingTestData.awaitStatus;

/**
 * Sending through the local fake GOV.UK Notify: the exact requests the platform makes (template id, phone number,
 * personalisation, reference), retries with backoff on 5xx and network errors, no retry on a 400, a lost answer found
 * at Notify rather than sent again, and one message when the same event is delivered twice.
 */
@MessagingModuleTest
class NotifySendingTests {

	static final String ALWAYS_OPEN = "Messaging test all-hours pharmacy";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageRecorder recorder;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TriageRequestSummaries summaries;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void removeTestStubsAndPharmacy() {
		FakeNotify.server().getStubMappings()
			.stream()
			.filter(s -> s.getPriority() != null && s.getPriority() < 10)
			.forEach(s -> FakeNotify.server().removeStubMapping(s));
		jdbc.sql("DELETE FROM directory.service WHERE name = ?").param(ALWAYS_OPEN).update();
	}

	@Test
	void theOnlineFormsConfirmationGoesToNotifyWithItsTemplateNumberAndPersonalisation() {
		UUID id = MessagingTestData.publicRequest(mvc, jdbc, "07400 900461", "SORE_THROAT", "NONE");
		String reference = MessageKind.FORM_CONFIRMATION.reference(id);
		awaitStatus(jdbc, reference, "CREATED");

		List<LoggedRequest> sends = FakeNotify.sendsWithReference(reference);
		assertThat(sends).singleElement().satisfies(send -> assertThat(send.getUrl()).isEqualTo("/v2/notifications/sms"));
		JsonNode body = FakeNotify.body(sends.get(0));
		Map<String, Object> request = jdbc
			.sql("SELECT reference, suggested_disposition, received_at FROM triage.request WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		String expectedNextSteps = TriageMessages.nextSteps(
				Disposition.valueOf(request.get("suggested_disposition").toString()),
				summaries.hubHours("BK-AYL"),
				LocalDateTime.ofInstant(((java.sql.Timestamp) request.get("received_at")).toInstant(),
						ServiceDirectory.UK_TIME));
		assertThat(body.path("template_id").asString()).isEqualTo(FakeNotify.templateId(NotifyTemplate.FORM_CONFIRMATION_SMS));
		assertThat(body.path("phone_number").asString()).isEqualTo("07400900461");
		assertThat(body.path("reference").asString()).isEqualTo(reference);
		JsonNode fields = body.path("personalisation");
		assertThat(fields.path("reference").asString()).isEqualTo(request.get("reference"));
		assertThat(fields.path("next_steps").asString()).isEqualTo(expectedNextSteps);
		assertThat(fields.path("if_worse").asString()).isEqualTo(TriageMessages.IF_WORSE);
		assertThat(fields.path("hub_name").asString()).isEqualTo("Aylesbury neighbourhood");
		assertThat(fields.propertyNames()).containsExactlyInAnyOrder("reference", "next_steps", "if_worse", "hub_name");

		Map<String, Object> message = jdbc
			.sql("SELECT notify_id, attempts, body, recipient, basis FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query()
			.singleRow();
		assertThat(message.get("notify_id")).isNotNull();
		assertThat(message.get("attempts")).isEqualTo(1);
		assertThat(message.get("body")).isEqualTo("Rendered by the fake Notify");
		assertThat(message.get("basis").toString()).contains("Mobile number given on request " + request.get("reference"));
	}

	@Test
	void theConfirmationSaysWhenTheHubWillSeeTheRequestByTheHoursTheHubSetInTriage() {
		// the Aylesbury hub works one hour, on the day after tomorrow, so it is closed now whatever the time of the test
		LocalDate opening = LocalDate.now(ServiceDirectory.UK_TIME).plusDays(2);
		List<Map<String, Object>> hours = jdbc.sql("SELECT * FROM triage.hub_opening_period WHERE site_code = 'BK-AYL'")
			.query()
			.listOfRows();
		try {
			jdbc.sql("DELETE FROM triage.hub_opening_period WHERE site_code = 'BK-AYL'").update();
			jdbc.sql("INSERT INTO triage.hub_opening_period VALUES ('BK-AYL', ?, 540, 600)")
				.param(opening.getDayOfWeek().getValue())
				.update();
			UUID closed = MessagingTestData.publicRequest(mvc, jdbc, "07400 900465", "SORE_THROAT", "NONE");
			awaitStatus(jdbc, MessageKind.FORM_CONFIRMATION.reference(closed), "CREATED");
			assertThat(FakeNotify.body(FakeNotify.sendsWithReference(MessageKind.FORM_CONFIRMATION.reference(closed))
				.get(0)).path("personalisation").path("next_steps").asString())
				.isEqualTo("The hub is closed now. A care coordinator will look at your request when it opens, on "
						+ Wording.day(opening) + " at 9am, and contact you. If you need help before then, use NHS "
						+ "111 online or call 111.");

			jdbc.sql("DELETE FROM triage.hub_opening_period WHERE site_code = 'BK-AYL'").update();
			UUID noHours = MessagingTestData.publicRequest(mvc, jdbc, "07400 900466", "SORE_THROAT", "NONE");
			awaitStatus(jdbc, MessageKind.FORM_CONFIRMATION.reference(noHours), "CREATED");
			assertThat(FakeNotify.body(FakeNotify.sendsWithReference(MessageKind.FORM_CONFIRMATION.reference(noHours))
				.get(0)).path("personalisation").path("next_steps").asString())
				.startsWith("The hub has not listed its opening hours, so we cannot say when it will see your request.");
		}
		finally {
			jdbc.sql("DELETE FROM triage.hub_opening_period WHERE site_code = 'BK-AYL'").update();
			for (Map<String, Object> period : hours) {
				jdbc.sql("INSERT INTO triage.hub_opening_period VALUES ('BK-AYL', ?, ?, ?)")
					.params(period.get("day_of_week"), period.get("opens_minute"), period.get("closes_minute"))
					.update();
			}
		}
	}

	@Test
	void aCompletedRequestTellsThePersonWhereToGoWhenItIsOpenAndWhatIfItGetsWorse() {
		long pharmacy = MessagingTestData.addAlwaysOpenPharmacy(jdbc, ALWAYS_OPEN, "Unit 4, Friars Square",
				"Great Western Street", "Aylesbury");
		UUID id = MessagingTestData.publicRequest(mvc, jdbc, "+44 7400 900462", "URINARY_SYMPTOMS", "NONE");
		assertThat(jdbc.sql("SELECT suggested_disposition FROM triage.request WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("PHARMACY_FIRST");
		MessagingTestData.completeWithSuggestion(mvc, jdbc, id, pharmacy, MessagingTestData.coordinator(context));
		String reference = MessageKind.TRIAGE_OUTCOME.reference(id);
		awaitStatus(jdbc, reference, "CREATED");

		JsonNode body = FakeNotify.body(FakeNotify.sendsWithReference(reference).get(0));
		Map<String, Object> request = jdbc.sql("SELECT reference, safety_net, follow_up_date FROM triage.request WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(body.path("template_id").asString()).isEqualTo(FakeNotify.templateId(NotifyTemplate.TRIAGE_OUTCOME_SMS));
		assertThat(body.path("phone_number").asString()).isEqualTo("07400900462");
		JsonNode fields = body.path("personalisation");
		assertThat(fields.path("reference").asString()).isEqualTo(request.get("reference"));
		assertThat(fields.path("where_to_go").asString()).isEqualTo("Pharmacy First consultation");
		assertThat(fields.path("service").asString()).isEqualTo(ALWAYS_OPEN
				+ ", Unit 4, Friars Square, Great Western Street, Aylesbury, HP20 1AA. Phone 01296 000000.\n"
				+ "Open now, until midnight. Open 24 hours today.");
		assertThat(fields.path("service_address").asString())
			.isEqualTo("Unit 4, Friars Square, Great Western Street, Aylesbury, HP20 1AA");
		assertThat(fields.propertyNames()).containsExactlyInAnyOrder("reference", "where_to_go", "service",
				"service_address", "safety_net", "follow_up_date");
		assertThat(fields.path("safety_net").asString()).isEqualTo(request.get("safety_net"));
		assertThat(fields.path("follow_up_date").asString())
			.isEqualTo(Wording.day(((java.sql.Date) request.get("follow_up_date")).toLocalDate()));
	}

	@Test
	void aServiceWithNoStreetAddressIsGivenByItsPostcodeWithNoEmptyLine() {
		long pharmacy = MessagingTestData.addAlwaysOpenPharmacy(jdbc, ALWAYS_OPEN);
		UUID id = MessagingTestData.publicRequest(mvc, jdbc, "07400 900467", "URINARY_SYMPTOMS", "NONE");
		MessagingTestData.completeWithSuggestion(mvc, jdbc, id, pharmacy, MessagingTestData.coordinator(context));
		String reference = MessageKind.TRIAGE_OUTCOME.reference(id);
		awaitStatus(jdbc, reference, "CREATED");

		JsonNode fields = FakeNotify.body(FakeNotify.sendsWithReference(reference).get(0)).path("personalisation");
		assertThat(fields.path("service").asString())
			.isEqualTo(ALWAYS_OPEN + ", HP20 1AA. Phone 01296 000000.\nOpen now, until midnight. Open 24 hours today.");
		assertThat(fields.path("service_address").asString()).isEqualTo("HP20 1AA");
	}

	@Test
	void aRedFlagOutcomeIsNeverLeftToAMessageButTheConfirmationSaysCall999() {
		UUID id = MessagingTestData.publicRequest(mvc, jdbc, "07400 900463", "OTHER", "CHEST_PAIN");
		awaitStatus(jdbc, MessageKind.FORM_CONFIRMATION.reference(id), "CREATED");
		assertThat(FakeNotify.body(FakeNotify.sendsWithReference(MessageKind.FORM_CONFIRMATION.reference(id)).get(0))
			.path("personalisation")
			.path("next_steps")
			.asString()).startsWith("From your answers, you may need emergency care. Call 999 now.");

		Map<String, Object> row = jdbc.sql("SELECT version FROM triage.request WHERE id = ?").param(id).query().singleRow();
		assertThat(mvc.post()
			.uri("/triage/requests/" + id + "/supervision")
			.with(MessagingTestData.supervisor(context))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("version", row.get("version").toString())
			.param("disposition", "EMERGENCY_999")
			.param("note", "Phoned: ambulance on its way")).hasStatus(org.springframework.http.HttpStatus.FOUND);
		String reference = MessageKind.TRIAGE_OUTCOME.reference(id);
		awaitStatus(jdbc, reference, "NOT_SENT");
		assertThat(jdbc.sql("SELECT status_reason FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.single()).isEqualTo(TriageMessages.RED_FLAG);
		assertThat(FakeNotify.sendsWithReference(reference)).isEmpty();
	}

	@Test
	void serverErrorsAreRetriedWithGrowingWaitsUntilNotifyAccepts() {
		String reference = "test:" + UUID.randomUUID();
		FakeNotify.server().stubFor(post(urlPathEqualTo("/v2/notifications/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
			.inScenario(reference).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
			.willReturn(aResponse().withStatus(500).withBody("{\"errors\":[{\"error\":\"Exception\",\"message\":\"Internal server error\"}],\"status_code\":500}")));
		FakeNotify.server().stubFor(post(urlPathEqualTo("/v2/notifications/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
			.inScenario(reference).whenScenarioStateIs("second").willSetStateTo("third")
			.willReturn(aResponse().withStatus(503)));
		FakeNotify.server().stubFor(post(urlPathEqualTo("/v2/notifications/sms")).atPriority(2)
			.withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
			.inScenario(reference).whenScenarioStateIs("third")
			.withMetadata(Metadata.metadata().attr(FakeNotify.CREATES, true).build())
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
					{"id": "9a1e3f0c-2b6d-4c1e-8f7a-3d2b1c0e9f8a", "reference": "%s",
					 "content": {"body": "Accepted at last", "from_number": "BOBNHS"},
					 "uri": "https://fake/1", "template": {"id": "%s", "version": 1, "uri": "https://fake/t"}}"""
				.formatted(reference, FakeNotify.templateId(NotifyTemplate.FREE_TEXT_SMS)))));

		record(reference);
		awaitStatus(jdbc, reference, "CREATED");

		List<LoggedRequest> sends = FakeNotify.sendsWithReference(reference);
		assertThat(sends).hasSize(3);
		Duration firstWait = Duration.between(sends.get(0).getLoggedDate().toInstant(), sends.get(1).getLoggedDate().toInstant());
		Duration secondWait = Duration.between(sends.get(1).getLoggedDate().toInstant(), sends.get(2).getLoggedDate().toInstant());
		assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		// before each retry the platform asked Notify whether an earlier attempt had got through
		assertThat(FakeNotify.lookupsOf(reference)).isEqualTo(2);
		Map<String, Object> message = jdbc.sql("SELECT attempts, notify_id::text AS notify_id, body FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query()
			.singleRow();
		assertThat(message).containsEntry("attempts", 3)
			.containsEntry("notify_id", "9a1e3f0c-2b6d-4c1e-8f7a-3d2b1c0e9f8a")
			.containsEntry("body", "Accepted at last");
		assertThat(history(reference)).anySatisfy(h -> assertThat(h).contains("Attempt 1: GOV.UK Notify answered 500", "Trying again in 200 ms"))
			.anySatisfy(h -> assertThat(h).contains("Attempt 2: GOV.UK Notify answered 503", "Trying again in 400 ms"));
	}

	@Test
	void aRefusalIsNeverRetriedAndKeepsNotifysReason() throws InterruptedException {
		String reference = "test:" + UUID.randomUUID();
		FakeNotify.server().stubFor(post(urlPathEqualTo("/v2/notifications/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"errors": [{"error": "BadRequestError",
					             "message": "Can't send to this recipient using a team-only API key"}],
					 "status_code": 400}""")));
		record(reference);
		awaitStatus(jdbc, reference, "REJECTED");
		// three more polls of the sender: still one attempt
		Thread.sleep(1500);
		assertThat(FakeNotify.sendsWithReference(reference)).hasSize(1);
		assertThat(jdbc.sql("SELECT status_reason FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.single()).isEqualTo(
					"GOV.UK Notify answered 400: BadRequestError: Can't send to this recipient using a team-only API key");
	}

	@Test
	void whenTheAnswerIsLostTheRetryFindsTheMessageAtNotifyAndDoesNotSendItAgain() {
		String reference = "test:" + UUID.randomUUID();
		// Notify takes the message, then the connection drops before its answer arrives
		FakeNotify.server().stubFor(post(urlPathEqualTo("/v2/notifications/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
			.withMetadata(Metadata.metadata().attr(FakeNotify.CREATES, true).build())
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		record(reference);
		awaitStatus(jdbc, reference, "SENDING");
		assertThat(FakeNotify.sendsWithReference(reference)).hasSize(1);
		assertThat(FakeNotify.lookupsOf(reference)).isEqualTo(1);
		assertThat(history(reference)).anySatisfy(h -> assertThat(h).contains("Attempt 1: No answer from GOV.UK Notify"))
			.anySatisfy(h -> assertThat(h).contains("already had this message from an earlier attempt, not sent again"));
	}

	@Test
	void networkErrorsEndAsFailedAfterTheLastAttempt() {
		String reference = "test:" + UUID.randomUUID();
		FakeNotify.server().stubFor(post(urlPathEqualTo("/v2/notifications/sms")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
			.willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
		record(reference);
		awaitStatus(jdbc, reference, "GAVE_UP");
		assertThat(FakeNotify.sendsWithReference(reference)).hasSize(4);
		assertThat(jdbc.sql("SELECT status_reason FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.single()).startsWith("No success after 4 attempts. Last: No answer from GOV.UK Notify");
	}

	@Test
	void theSameEventDeliveredTwiceMakesOneMessage() {
		UUID id = MessagingTestData.publicRequest(mvc, jdbc, "07400 900464", "SORE_THROAT", "NONE");
		String reference = MessageKind.FORM_CONFIRMATION.reference(id);
		awaitStatus(jdbc, reference, "CREATED");
		TriageRequestRecorded event = new TriageRequestRecorded(id, "ONLINE_FORM", "BK-AYL", false,
				jdbc.sql("SELECT received_at FROM triage.request WHERE id = ?")
					.param(id)
					.query(java.sql.Timestamp.class)
					.single()
					.toInstant());
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		// Delivered again one after the other: two equal events in flight at once share one entry in Modulith's
		// in-progress registry, so one publication could be left uncompleted by the registry, not by the listener.
		for (long deliveries = 1; deliveries <= 3; deliveries++) {
			if (deliveries > 1) {
				transaction.executeWithoutResult(status -> events.publishEvent(event));
			}
			long expected = deliveries;
			MessagingTestData.eventually(() -> jdbc.sql("""
					SELECT count(*) FROM events.event_publication
					WHERE listener_id LIKE '%TriageMessages%' AND serialized_event LIKE ? AND completion_date IS NOT NULL""")
				.param("%" + id + "%")
				.query(Long.class)
				.single(), count -> count >= expected);
		}
		// the listener handled all three deliveries, and made no second message and no second send
		assertThat(jdbc.sql("SELECT count(*) FROM messaging.message WHERE request_id = ? AND kind = 'FORM_CONFIRMATION'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(FakeNotify.sendsWithReference(reference)).hasSize(1);
	}

	@Test
	void anEventAboutARequestTriageDoesNotHoldIsCompletedNotLeftToFailForEver() {
		UUID unknown = UUID.randomUUID();
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
				new uk.nhs.bob.primarycare.triage.TriageRequestCompleted(unknown, "BK-AYL", "14Y",
						java.time.LocalDate.now(), "PHARMACY_FIRST", true, false, false, 60, java.time.Instant.now())));
		MessagingTestData.eventually(() -> jdbc.sql("""
				SELECT count(*) FROM events.event_publication
				WHERE listener_id LIKE '%TriageMessages%' AND serialized_event LIKE ? AND completion_date IS NOT NULL""")
			.param("%" + unknown + "%")
			.query(Long.class)
			.single(), count -> count == 1);
		assertThat(jdbc.sql("SELECT count(*) FROM messaging.message WHERE request_id = ?").param(unknown)
			.query(Long.class).single()).isZero();
	}

	/** A coordinator's text message with this reference, straight into the recorder. */
	void record(String reference) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> recorder.record(new Draft(
				MessageKind.FREE_TEXT, reference, null, null, "TR-TEST", "BK-AYL", "14Y", null,
				Route.to(Channel.SMS, "07700900999", "Test"),
				Map.of("hub_name", "Aylesbury neighbourhood", "reference", "TR-TEST", "message", "Test message"),
				null, null, "coordinator")));
	}

	List<String> history(String reference) {
		return jdbc.sql("""
				SELECT e.what FROM messaging.message_event e JOIN messaging.message m ON m.id = e.message_id
				WHERE m.reference = ? ORDER BY e.id""")
			.param(reference)
			.query(String.class)
			.list();
	}

}
