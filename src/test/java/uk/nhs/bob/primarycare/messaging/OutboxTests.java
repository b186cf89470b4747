package uk.nhs.bob.primarycare.messaging;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.bob.primarycare.messaging.MessagingTestData.awaitStatus;

/**
 * With no GOV.UK Notify API key (the embedded demo), messages go to the outbox, showing exactly what would have been
 * sent and marked not sent, and nothing reaches Notify. Its own application context, without the fake's key.
 */
@MessagingModuleTest
@TestPropertySource(properties = "fake-notify.enabled=false")
class OutboxTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void withoutAnApiKeyTheConfirmationWaitsInTheOutboxShowingWhatWouldHaveBeenSent() throws InterruptedException {
		var coordinator = IdentityFixtures.signedIn(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"));
		UUID id = MessagingTestData.publicRequest(mvc, jdbc, "07400 900901", "SORE_THROAT", "NONE");
		String reference = MessageKind.FORM_CONFIRMATION.reference(id);
		awaitStatus(jdbc, reference, "OUTBOX");
		String requestReference = jdbc.sql("SELECT reference FROM triage.request WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		UUID message = jdbc.sql("SELECT id FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(UUID.class)
			.single();

		assertThat(mvc.get().uri("/messaging?show=outbox").with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Nothing is being sent", "In the outbox: not sent", requestReference);
		assertThat(mvc.get().uri("/messaging/messages/" + message).with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("This message was not sent", "No GOV.UK Notify API key is configured",
					"What would have been sent", "07400900901", "form-confirmation-sms", "no template id configured",
					reference, "next_steps", "NHS same-day care: we have your request. Your reference is "
							+ requestReference);
		Thread.sleep(1000);
		assertThat(MessagingTestData.status(jdbc, reference)).isEqualTo("OUTBOX");
		assertThat(FakeNotify.sendsWithReference(reference)).isEmpty();
	}

}
