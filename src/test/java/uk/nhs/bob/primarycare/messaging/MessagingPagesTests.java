package uk.nhs.bob.primarycare.messaging;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static uk.nhs.bob.primarycare.messaging.MessagingTestData.awaitStatus;

/**
 * The messaging pages with real security: contact details changed by staff in scope (validated, kept as typed,
 * audited, a concurrent change detected), a person's message log, and a coordinator's free-text text message.
 */
@MessagingModuleTest
class MessagingPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	/** The Aylesbury hub's coordinator, made for each test. */
	String coordinatorName;

	RequestPostProcessor coordinator;

	RequestPostProcessor oxfordCoordinator;

	RequestPostProcessor delivery;

	RequestPostProcessor intMember;

	@BeforeEach
	void staff() {
		coordinatorName = IdentityFixtures.staffUser(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"));
		coordinator = user(coordinatorName).roles(Role.CARE_COORDINATOR.name());
		oxfordCoordinator = IdentityFixtures.signedIn(context, "coordinator-oxon", Role.CARE_COORDINATOR,
				OrganisationScope.site("OX-CTY"));
		delivery = IdentityFixtures.signedIn(context, "delivery", Role.PLACE_DELIVERY, OrganisationScope.place("15A"));
		intMember = IdentityFixtures.signedIn(context, "neighbourhood", Role.INT_MEMBER,
				OrganisationScope.site("OX-CTY"));
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Contacts contacts;

	@Test
	void staffInScopeChangeContactDetailsWhichAreCheckedKeptAsTypedAndAudited() {
		String nhs = MessagingTestData.person(context, "BK-AYL", "Casey", "Contact");
		long version = contacts.find(new NhsNumber(nhs)).version();
		assertThat(mvc.get().uri("/messaging/people/" + nhs + "/contact").with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Change contact details", "Consent to messages");

		MvcTestResult bad = save(nhs, version, "01296 123456", "not-an-email", "LETTER", "GIVEN", "2 Bad Street", "", "");
		assertThat(bad).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter a UK mobile number, like 07700 900123",
					"Enter an email address in the correct format", "Enter the town or city", "Enter the postcode",
					"value=\"01296 123456\"", "value=\"2 Bad Street\"");
		assertThat(contacts.find(new NhsNumber(nhs)).version()).isEqualTo(version);

		long audited = audited(nhs);
		MvcTestResult good = save(nhs, version, "+44 7700 900801", "jo@example.com", "SMS", "GIVEN", "2 Good Street",
				"Aylesbury", "hp20 1aa");
		assertThat(good).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/messaging/people/" + nhs);
		ContactDetails saved = contacts.find(new NhsNumber(nhs));
		assertThat(saved.mobile()).isEqualTo(new MobileNumber("07700900801"));
		assertThat(saved.email()).isEqualTo("jo@example.com");
		assertThat(saved.postcode().value()).isEqualTo("HP20 1AA");
		assertThat(saved.consent()).isEqualTo(Consent.GIVEN);
		assertThat(saved.updatedBy()).isEqualTo(coordinatorName);
		assertThat(contacts.changes(new NhsNumber(nhs)).get(0).changes()).contains("Mobile:", "to 07700 900801", "Email: ", "to jo@example.com");
		assertThat(jdbc.sql("SELECT purpose FROM audit.record_view WHERE nhs_number = ? ORDER BY id DESC LIMIT 1")
			.param(nhs)
			.query(String.class)
			.single()).startsWith("Contact details changed: Mobile:");
		assertThat(audited(nhs)).isGreaterThan(audited);

		// someone else saved in between: a conflict, the typed values kept, nothing overwritten
		MvcTestResult stale = save(nhs, version, "07700 900802", "", "", "REFUSED", "", "", "");
		assertThat(stale).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else changed this person", "value=\"07700 900802\"");
		assertThat(contacts.find(new NhsNumber(nhs)).mobile()).isEqualTo(new MobileNumber("07700900801"));

		assertThat(mvc.get().uri("/messaging/people/" + nhs).with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("07700 900801", "jo@example.com", "Agreed to receive messages", "2 Good Street");
	}

	@Test
	void contactDetailErrorsAreListedInTheOrderOfTheFields() throws Exception {
		String nhs = MessagingTestData.person(context, "BK-AYL", "Casey", "Order");
		long version = contacts.find(new NhsNumber(nhs)).version();
		String body = save(nhs, version, "01296 123456", "", "EMAIL", "GIVEN", "2 Bad Street", "", "").getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String summary = body.substring(body.indexOf("nhsuk-error-summary__list"));
		List<Integer> positions = java.util.stream.Stream
			.of("Enter a UK mobile number", "Enter the town or city", "Enter the postcode", "To prefer email, enter an email address")
			.map(summary::indexOf)
			.toList();
		assertThat(positions).doesNotContain(-1).isSorted();
		assertThat(contacts.find(new NhsNumber(nhs)).version()).isEqualTo(version);
	}

	@Test
	void staffOutsideTheScopeOrWithoutAClinicalRoleCannotSeeOrChangeContactDetails() {
		String nhs = MessagingTestData.person(context, "BK-AYL", "Casey", "Scope");
		assertThat(mvc.get().uri("/messaging/people/" + nhs).with(oxfordCoordinator)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(save(nhs, -1, "07700 900803", "", "", "GIVEN", "", "", "", oxfordCoordinator))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(contacts.stored(new NhsNumber(nhs)).map(ContactDetails::mobile)).isNotEqualTo(java.util.Optional.of(new MobileNumber("07700900803")));
		assertThat(mvc.get().uri("/messaging").with(delivery)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/messaging/people/0000000000").with(coordinator)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/messaging/messages/not-a-uuid").with(coordinator)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/messaging?show=nonsense&page=-4").with(coordinator)).hasStatusOk();
	}

	@Test
	void aCoordinatorTextsThePersonAboutARequestOnceEvenIfTheFormIsSentTwice() {
		UUID id = MessagingTestData.publicRequest(mvc, jdbc, "07400 900811", "SORE_THROAT", "NONE");
		assertThat(mvc.get().uri("/messaging/requests/" + id).with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Send a text message", "07400 900811");
		String token = UUID.randomUUID().toString();
		assertThat(text(id, token, "", coordinator)).hasStatusOk().bodyText().contains("Write the message");
		assertThat(text(id, token, "x".repeat(613), coordinator)).hasStatusOk()
			.bodyText()
			.contains("The message must be 612 characters or fewer");
		assertThat(text(id, token, "We have booked you in at 3pm.", coordinator)).hasStatus(HttpStatus.FOUND);
		assertThat(text(id, token, "We have booked you in at 3pm.", coordinator)).hasStatus(HttpStatus.FOUND);
		String reference = MessageKind.FREE_TEXT.reference(UUID.fromString(token));
		awaitStatus(jdbc, reference, "CREATED");
		assertThat(jdbc.sql("SELECT count(*) FROM messaging.message WHERE request_id = ? AND kind = 'FREE_TEXT'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT created_by FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.single()).isEqualTo(coordinatorName);
		// the text is audited once (the second form post made nothing), under the request's reference: the person
		// gave no NHS number
		String requestReference = jdbc.sql("SELECT reference FROM triage.request WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit.record_view
				WHERE request_reference = ? AND username = ? AND purpose = ?""")
			.params(requestReference, coordinatorName, "Sent a text message about request " + requestReference)
			.query(Long.class)
			.single()).isEqualTo(1);
		LoggedRequest send = FakeNotify.sendsWithReference(reference).get(0);
		JsonNode body = FakeNotify.body(send);
		assertThat(body.path("template_id").asString()).isEqualTo(FakeNotify.templateId(NotifyTemplate.FREE_TEXT_SMS));
		assertThat(body.path("phone_number").asString()).isEqualTo("07400900811");
		assertThat(body.path("personalisation").path("message").asString()).isEqualTo("We have booked you in at 3pm.");
		assertThat(FakeNotify.sendsWithReference(reference)).hasSize(1);
		assertThat(mvc.get().uri("/messaging/requests/" + id).with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Text message from a coordinator", "(sent by " + coordinatorName + ")");
	}

	@Test
	void noTextMessageToALandlineAndNoneFromOutsideTheHubOrRole() {
		UUID id = MessagingTestData.publicRequest(mvc, jdbc, "01296 000111", "SORE_THROAT", "NONE");
		assertThat(text(id, UUID.randomUUID().toString(), "Hello", coordinator)).hasStatusOk()
			.bodyText()
			.contains("is not a UK mobile number, so no text message can go to it: phone the person");
		assertThat(jdbc.sql("SELECT count(*) FROM messaging.message WHERE request_id = ? AND kind = 'FREE_TEXT'")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(text(id, UUID.randomUUID().toString(), "Hello", oxfordCoordinator)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(text(id, UUID.randomUUID().toString(), "Hello", intMember)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/messaging/requests/" + UUID.randomUUID()).with(coordinator))
			.hasStatus(HttpStatus.NOT_FOUND);
		// the confirmation it could not send is on the coordinators' list, with the reason
		awaitStatus(jdbc, MessageKind.FORM_CONFIRMATION.reference(id), "NOT_SENT");
		assertThat(mvc.get().uri("/messaging?show=attention").with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("(01296 000111) is not a UK mobile number");
	}

	MvcTestResult save(String nhs, long version, String mobile, String email, String preferred, String consent,
			String line1, String town, String postcode) {
		return save(nhs, version, mobile, email, preferred, consent, line1, town, postcode, coordinator);
	}

	MvcTestResult save(String nhs, long version, String mobile, String email, String preferred, String consent,
			String line1, String town, String postcode, RequestPostProcessor who) {
		return mvc.post()
			.uri("/messaging/people/" + nhs + "/contact")
			.with(who)
			.with(csrf())
			.param("version", Long.toString(version))
			.param("mobile", mobile)
			.param("email", email)
			.param("preferredChannel", preferred)
			.param("consent", consent)
			.param("optedOut", "no")
			.param("addressLine1", line1)
			.param("town", town)
			.param("postcode", postcode)
			.exchange();
	}

	MvcTestResult text(UUID id, String token, String message, RequestPostProcessor who) {
		return mvc.post()
			.uri("/messaging/requests/" + id + "/text")
			.with(who)
			.with(csrf())
			.param("formToken", token)
			.param("message", message)
			.exchange();
	}

	long audited(String nhs) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ? AND username = ?")
			.params(nhs, coordinatorName)
			.query(Long.class)
			.single();
	}

}
