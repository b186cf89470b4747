package uk.nhs.bob.primarycare.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.ServiceOffer;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static uk.nhs.bob.primarycare.messaging.MessagingTestData.awaitStatus;
import static uk.nhs.bob.primarycare.messaging.MessagingTestData.contact;

/**
 * Invitations, reminders and delivery receipts through the fake GOV.UK Notify, and the rules that keep a message from
 * going without consent or a contact route. Each test makes its own people and coordinator; care plan copies are in
 * {@link CarePlanMessagesTests}.
 */
@MessagingModuleTest
class MessagesToPeopleTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Contacts contacts;

	@Autowired
	CvdMessages cvdMessages;

	@Autowired
	Population population;

	@Autowired
	ServiceDirectory services;

	@Autowired
	ApplicationContext context;

	/** A coordinator of the Aylesbury hub, made for each test. */
	RequestPostProcessor coordinator;

	@BeforeEach
	void coordinator() {
		coordinator = IdentityFixtures.signedIn(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"));
	}

	@Test
	void recordingABloodPressureInvitationSendsItWithTheNearestPharmaciesAndOneReminderLater() {
		String nhs = MessagingTestData.person(context, "BK-AYL", "Ivy", "Invited");
		contact(contacts, nhs, "07700 900701", null, null, null, null, Channel.SMS, Consent.GIVEN, false);
		UUID outreach = recordOutreach(nhs, "PHARMACY_BP_CHECK", "SENT", LocalDate.now(ServiceDirectory.UK_TIME));
		String reference = MessageKind.CVD_INVITATION.reference(outreach);
		awaitStatus(jdbc, reference, "CREATED");

		JsonNode body = FakeNotify.body(FakeNotify.sendsWithReference(reference).get(0));
		assertThat(body.path("template_id").asString()).isEqualTo(FakeNotify.templateId(NotifyTemplate.CVD_INVITATION_SMS));
		assertThat(body.path("phone_number").asString()).isEqualTo("07700900701");
		JsonNode fields = body.path("personalisation");
		assertThat(fields.path("offer").asString()).isEqualTo("a free blood pressure check at a community pharmacy");
		// the pharmacies listed are the three nearest of those in the person's Place that offer the check
		Postcode postcode = population.find(new NhsNumber(nhs)).orElseThrow().postcode();
		List<String> offering = services.offering(ServiceOffer.BLOOD_PRESSURE_CHECK, "14Y")
			.stream()
			.sorted(java.util.Comparator
				.comparingInt((uk.nhs.bob.primarycare.directory.ServiceSummary s) -> s.acceptsReferrals() ? 0 : 1)
				.thenComparingInt(s -> -NearbyServices.closeness(postcode, s.postcode()))
				.thenComparing(uk.nhs.bob.primarycare.directory.ServiceSummary::name))
			.limit(3)
			.map(s -> "- " + s.name() + ", " + String.join(", ", s.address().lines()) + ", " + s.postcode().value()
					+ ", " + s.phone())
			.toList();
		assertThat(offering).hasSize(3);
		assertThat(fields.path("services").asString()).isEqualTo(String.join("\n", offering));
		assertThat(jdbc.sql("SELECT reminder_state FROM messaging.cvd_invitation WHERE outreach_id = ?")
			.param(outreach)
			.query(String.class)
			.single()).isEqualTo("DUE");

		// nothing before the configured 14 days; then one reminder, and only one
		cvdMessages.sendDueReminders(LocalDate.now(ServiceDirectory.UK_TIME).plusDays(13));
		assertThat(MessagingTestData.status(jdbc, MessageKind.CVD_REMINDER.reference(outreach))).isEqualTo("NONE");
		cvdMessages.sendDueReminders(LocalDate.now(ServiceDirectory.UK_TIME).plusDays(14));
		awaitStatus(jdbc, MessageKind.CVD_REMINDER.reference(outreach), "CREATED");
		cvdMessages.sendDueReminders(LocalDate.now(ServiceDirectory.UK_TIME).plusDays(20));
		assertThat(FakeNotify.sendsWithReference(MessageKind.CVD_REMINDER.reference(outreach))).hasSize(1);
		JsonNode reminder = FakeNotify.body(FakeNotify.sendsWithReference(MessageKind.CVD_REMINDER.reference(outreach)).get(0));
		assertThat(reminder.path("template_id").asString()).isEqualTo(FakeNotify.templateId(NotifyTemplate.CVD_REMINDER_SMS));
		assertThat(reminder.path("personalisation").path("invited_on").asString())
			.isEqualTo(Wording.day(LocalDate.now(ServiceDirectory.UK_TIME)));
	}

	@Test
	void aReadingOrAnOutcomeBeforeTheReminderIsDueCancelsIt() {
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		String withReading = MessagingTestData.person(context, "BK-AYL", "Rita", "Reading");
		String withOutcome = MessagingTestData.person(context, "BK-AYL", "Otto", "Outcome");
		contact(contacts, withReading, "07700 900702", null, null, null, null, null, Consent.GIVEN, false);
		contact(contacts, withOutcome, null, "someone@example.com", null, null, null, Channel.EMAIL, Consent.GIVEN, false);
		UUID first = recordOutreach(withReading, "PHARMACY_BP_CHECK", "SENT", today);
		UUID second = recordOutreach(withOutcome, "TOBACCO_REFERRAL", "SENT", today);
		awaitStatus(jdbc, MessageKind.CVD_INVITATION.reference(first), "CREATED");
		awaitStatus(jdbc, MessageKind.CVD_INVITATION.reference(second), "CREATED");
		JsonNode email = FakeNotify.body(FakeNotify.sendsWithReference(MessageKind.CVD_INVITATION.reference(second)).get(0));
		assertThat(email.path("template_id").asString()).isEqualTo(FakeNotify.templateId(NotifyTemplate.CVD_INVITATION_EMAIL));
		assertThat(email.path("email_address").asString()).isEqualTo("someone@example.com");
		assertThat(email.path("personalisation").path("offer").asString()).isEqualTo("free NHS support to stop smoking");

		population.recordBloodPressure(new NhsNumber(withReading), 128, 82, today, BloodPressureSetting.PHARMACY);
		recordOutreach(withOutcome, "TOBACCO_REFERRAL", "ATTENDED", today.plusDays(0));
		cvdMessages.sendDueReminders(today.plusDays(14));
		assertThat(jdbc.sql("SELECT reminder_state || ': ' || reminder_note FROM messaging.cvd_invitation WHERE outreach_id = ?")
			.param(first)
			.query(String.class)
			.single()).startsWith("NOT_NEEDED: A blood pressure reading of").contains("arrived: no reminder");
		assertThat(jdbc.sql("SELECT reminder_state || ': ' || reminder_note FROM messaging.cvd_invitation WHERE outreach_id = ?")
			.param(second)
			.query(String.class)
			.single()).startsWith("NOT_NEEDED: Outcome recorded on").contains("(Attended)");
		assertThat(FakeNotify.sendsWithReference(MessageKind.CVD_REMINDER.reference(first))).isEmpty();
		assertThat(FakeNotify.sendsWithReference(MessageKind.CVD_REMINDER.reference(second))).isEmpty();
	}

	@Test
	void outreachRecordedForAnEarlierDateIsTakenAsMadeAndNotSentAgain() {
		String nhs = MessagingTestData.person(context, "BK-AYL", "Edna", "Earlier");
		contact(contacts, nhs, "07700 900703", null, null, null, null, null, Consent.GIVEN, false);
		UUID outreach = recordOutreach(nhs, "WEIGHT_MANAGEMENT_REFERRAL", "SENT",
				LocalDate.now(ServiceDirectory.UK_TIME).minusDays(10));
		awaitStatus(jdbc, MessageKind.CVD_INVITATION.reference(outreach), "OUT_OF_DATE");
		assertThat(FakeNotify.sendsWithReference(MessageKind.CVD_INVITATION.reference(outreach))).isEmpty();

		// the same referral recorded today is an invitation made now: it goes, naming the programme
		UUID today = recordOutreach(nhs, "WEIGHT_MANAGEMENT_REFERRAL", "SENT", LocalDate.now(ServiceDirectory.UK_TIME));
		awaitStatus(jdbc, MessageKind.CVD_INVITATION.reference(today), "CREATED");
		JsonNode sent = FakeNotify.body(FakeNotify.sendsWithReference(MessageKind.CVD_INVITATION.reference(today)).get(0));
		assertThat(sent.path("template_id").asString()).isEqualTo(FakeNotify.templateId(NotifyTemplate.CVD_INVITATION_SMS));
		assertThat(sent.path("phone_number").asString()).isEqualTo("07700900703");
		assertThat(sent.path("personalisation").path("offer").asString())
			.isEqualTo("a free NHS weight management programme");
	}

	@Test
	void noMessageGoesWithoutConsentOrAfterAnOptOutAndTheReasonIsKept() {
		String notAsked = MessagingTestData.person(context, "BK-AYL", "Nora", "Notasked");
		String optedOut = MessagingTestData.person(context, "BK-AYL", "Olly", "Optedout");
		String noRoute = MessagingTestData.person(context, "BK-AYL", "Rory", "Noroute");
		contact(contacts, notAsked, "07700 900704", null, null, null, null, null, Consent.NOT_RECORDED, false);
		contact(contacts, optedOut, "07700 900705", null, null, null, null, null, Consent.GIVEN, true);
		contact(contacts, noRoute, null, null, null, null, null, null, Consent.GIVEN, false);
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		UUID a = recordOutreach(notAsked, "PHARMACY_BP_CHECK", "SENT", today);
		UUID b = recordOutreach(optedOut, "PHARMACY_BP_CHECK", "SENT", today);
		UUID c = recordOutreach(noRoute, "PHARMACY_BP_CHECK", "SENT", today);
		awaitStatus(jdbc, MessageKind.CVD_INVITATION.reference(a), "NOT_SENT");
		awaitStatus(jdbc, MessageKind.CVD_INVITATION.reference(b), "NOT_SENT");
		awaitStatus(jdbc, MessageKind.CVD_INVITATION.reference(c), "NOT_SENT");
		assertThat(reason(MessageKind.CVD_INVITATION.reference(a))).isEqualTo(
				"No consent to messages is recorded: ask the person and record it");
		assertThat(reason(MessageKind.CVD_INVITATION.reference(b))).startsWith("The person opted out of messages on ");
		assertThat(reason(MessageKind.CVD_INVITATION.reference(c))).isEqualTo("No mobile number or email address is recorded");
		for (UUID outreach : List.of(a, b, c)) {
			assertThat(FakeNotify.sendsWithReference(MessageKind.CVD_INVITATION.reference(outreach))).isEmpty();
		}
		// the coordinators' list shows them with the reasons
		assertThat(mvc.get().uri("/messaging?show=attention").with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("No consent to messages is recorded", "opted out of messages");
	}

	@Test
	void receiptsUpdateTheStatusOnlyWithTheBearerTokenAndNeverGoBackwards() {
		String reference = sentInvitation(10, "07700 900706");
		String notifyId = notifyId(reference);
		String delivered = receipt(notifyId, reference, "delivered");

		assertThat(mvc.post().uri(ReceiptSecurity.PATH).contentType(MediaType.APPLICATION_JSON).content(delivered))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.post()
			.uri(ReceiptSecurity.PATH)
			.header("Authorization", "Bearer not-the-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content(delivered)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(MessagingTestData.status(jdbc, reference)).isEqualTo("CREATED");

		// an API client's access token is not Notify's token, and the callback is not under /api/**, whose OAuth 2.0
		// resource server chain takes client systems' tokens: Notify's token means nothing there
		assertThat(mvc.post()
			.uri(ReceiptSecurity.PATH)
			.header("Authorization", "Bearer " + tokens.otherClientToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(delivered)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(ReceiptSecurity.PATH).startsWith("/callbacks/").doesNotStartWith("/api/");
		assertThat(mvc.post()
			.uri("/api/v1/messaging/notify-receipts")
			.header("Authorization", "Bearer " + FakeNotify.CALLBACK_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(delivered)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(MessagingTestData.status(jdbc, reference)).isEqualTo("CREATED");

		// with the token, and no CSRF token or session: taken, and no session is made
		var sending = withToken(receipt(notifyId, reference, "sending"));
		assertThat(sending).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(sending.getResponse().getHeader("Set-Cookie")).isNull();
		assertThat(sending.getRequest().getSession(false)).isNull();
		assertThat(MessagingTestData.status(jdbc, reference)).isEqualTo("SENDING");
		assertThat(withToken(delivered)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(MessagingTestData.status(jdbc, reference)).isEqualTo("DELIVERED");
		assertThat(jdbc.sql("SELECT completed_at IS NOT NULL FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(Boolean.class)
			.single()).isTrue();
		// a late "sending" after "delivered" is taken and ignored
		assertThat(withToken(receipt(notifyId, reference, "sending"))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(MessagingTestData.status(jdbc, reference)).isEqualTo("DELIVERED");

		assertThat(withToken(receipt(notifyId, reference, "lost-in-the-post"))).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("status");
		assertThat(withToken(receipt("not-a-uuid", reference, "delivered"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("id");
		assertThat(withToken(receipt(UUID.randomUUID().toString(), "no-such-reference", "delivered")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aPermanentFailureReceiptPutsTheMessageOnTheFailedListWithTheReason() {
		String reference = sentInvitation(11, "07700 900707");
		String notifyId = notifyId(reference);
		assertThat(withToken(receipt(notifyId, reference, "permanent-failure"))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(MessagingTestData.status(jdbc, reference)).isEqualTo("PERMANENT_FAILURE");
		assertThat(reason(reference)).isEqualTo(ReceiptController.reason(MessageStatus.PERMANENT_FAILURE));
		assertThat(mvc.get().uri("/messaging?show=attention").with(coordinator)).hasStatusOk()
			.bodyText()
			.contains(messageId(reference).toString(), "Failed: not delivered");
	}

	/** A blood pressure invitation sent (accepted by the fake Notify) to a consenting person; its reference. */
	String sentInvitation(int personOffset, String mobile) {
		String nhs = MessagingTestData.person(context, "BK-AYL", "Reece", "Receipt" + personOffset);
		contact(contacts, nhs, mobile, null, null, null, null, null, Consent.GIVEN, false);
		UUID outreach = recordOutreach(nhs, "PHARMACY_BP_CHECK", "SENT", LocalDate.now(ServiceDirectory.UK_TIME));
		String reference = MessageKind.CVD_INVITATION.reference(outreach);
		awaitStatus(jdbc, reference, "CREATED");
		return reference;
	}

	String notifyId(String reference) {
		return jdbc.sql("SELECT notify_id::text FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.single();
	}

	UUID recordOutreach(String nhs, String type, String outcome, LocalDate date) {
		assertThat(mvc.post()
			.uri("/cvd/people/" + nhs + "/outreach")
			.with(coordinator)
			.with(csrf())
			.param("type", type)
			.param("outcome", outcome)
			.param("day", Integer.toString(date.getDayOfMonth()))
			.param("month", Integer.toString(date.getMonthValue()))
			.param("year", Integer.toString(date.getYear()))).hasStatus(HttpStatus.FOUND);
		return jdbc.sql("SELECT id FROM cvd.outreach WHERE nhs_number = ? AND type = ? ORDER BY recorded_at DESC LIMIT 1")
			.params(nhs, type)
			.query(UUID.class)
			.single();
	}

	org.springframework.test.web.servlet.assertj.MvcTestResult withToken(String json) {
		return mvc.post()
			.uri(ReceiptSecurity.PATH)
			.header("Authorization", "Bearer " + FakeNotify.CALLBACK_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	static String receipt(String notifyId, String reference, String status) {
		return """
				{"id": "%s", "reference": "%s", "to": "07700900706", "status": "%s",
				 "created_at": "2026-12-01T10:00:00.000000Z", "completed_at": "2026-12-01T10:00:05.000000Z",
				 "sent_at": "2026-12-01T10:00:01.000000Z", "notification_type": "sms",
				 "template_id": "f33517ff-2a88-4f6e-b855-c550268ce08a", "template_version": 1,
				 "cost_in_pounds": 0.0227}""".formatted(notifyId, reference, status);
	}

	String reason(String reference) {
		return jdbc.sql("SELECT status_reason FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.single();
	}

	UUID messageId(String reference) {
		return jdbc.sql("SELECT id FROM messaging.message WHERE reference = ?").param(reference).query(UUID.class).single();
	}

}
