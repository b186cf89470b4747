package uk.nhs.bob.primarycare.messaging;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.neighbourhood.CarePlanAgreed;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.bob.primarycare.messaging.MessagingTestData.awaitStatus;
import static uk.nhs.bob.primarycare.messaging.MessagingTestData.contact;

/**
 * A copy of an agreed care plan through the fake GOV.UK Notify, by email or as a precompiled letter. Kept on the whole
 * application: an agreed plan is made only through the neighbourhood module's care planning (a team, a caseload entry,
 * the plan's content), which has no fixture other modules' tests can use, so this test reads the demo data's plans.
 */
@IntegrationTest
class CarePlanMessagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Contacts contacts;

	@Autowired
	Population population;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anAgreedCarePlanGoesByEmailOrAsAPrecompiledLetterWhenThereIsNoEmailOrMobile() throws Exception {
		List<Map<String, Object>> plans = jdbc.sql("""
				SELECT care_plan_id, team_id, site_code, nhs_number, agreed_on FROM neighbourhood.caseload_entry
				WHERE agreed_on IS NOT NULL AND what_matters <> '' ORDER BY care_plan_id LIMIT 2""")
			.query()
			.listOfRows();
		assertThat(plans).hasSize(2);
		Map<String, Object> byEmail = plans.get(0);
		Map<String, Object> byLetter = plans.get(1);
		String emailNhs = byEmail.get("nhs_number").toString();
		String letterNhs = byLetter.get("nhs_number").toString();
		contact(contacts, emailNhs, null, "plan.copy@example.com", null, null, null, null, Consent.GIVEN, false);
		contact(contacts, letterNhs, null, null, "1 Test Road", "Oxford", "OX4 1AA", null, Consent.GIVEN, false);

		String emailReference = agree(byEmail);
		String letterReference = agree(byLetter);
		awaitStatus(jdbc, emailReference, "CREATED");
		awaitStatus(jdbc, letterReference, "PENDING_VIRUS_CHECK");

		LoggedRequest emailSend = last(FakeNotify.sendsWithReference(emailReference));
		assertThat(emailSend.getUrl()).isEqualTo("/v2/notifications/email");
		JsonNode email = FakeNotify.body(emailSend);
		assertThat(email.path("template_id").asString()).isEqualTo(FakeNotify.templateId(NotifyTemplate.CARE_PLAN_EMAIL));
		assertThat(email.path("email_address").asString()).isEqualTo("plan.copy@example.com");
		String whatMatters = jdbc.sql("SELECT what_matters FROM neighbourhood.caseload_entry WHERE care_plan_id = ?")
			.param(byEmail.get("care_plan_id"))
			.query(String.class)
			.single();
		assertThat(email.path("personalisation").path("what_matters").asString()).isEqualTo(whatMatters);
		assertThat(email.path("personalisation").propertyNames()).contains("goals", "actions", "contingency_plan",
				"next_review", "keyworker", "team_name", "agreed_on", "name", "about_the_plan");
		// the personalised care and support planning parts travel with the copy, "not recorded" where missing
		assertThat(email.path("personalisation").path("about_the_plan").asString()).contains("Sharing this plan: ",
				"Agreed with: ", "Carers and next of kin: ", "ReSPECT form: ", "Clinical Frailty Scale: ");

		LoggedRequest letterSend = last(FakeNotify.sendsWithReference(letterReference));
		assertThat(letterSend.getUrl()).isEqualTo("/v2/notifications/letter");
		JsonNode letter = FakeNotify.body(letterSend);
		assertThat(letter.path("template_id").isMissingNode()).isTrue();
		byte[] pdf = Base64.getDecoder().decode(letter.path("content").asString());
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(new ByteArrayInputStream(pdf));
		assertThat(reader.getPageSize(1).getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
		assertThat(reader.getPageSize(1).getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		var person = population.find(new NhsNumber(letterNhs)).orElseThrow();
		assertThat(text).contains(person.givenName() + " " + person.familyName(), "1 Test Road", "Oxford", "OX4 1AA",
				"Your personalised care and support plan", "What matters to you");
		// the same PDF is kept, for staff to see what was sent
		assertThat(mvc.get()
			.uri("/messaging/messages/" + messageId(letterReference) + "/letter.pdf")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")
				.roles("ICB_ADMIN"))).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_PDF);
	}

	/** The plan's first agreement again, its earlier message removed, as if this were the first time. */
	String agree(Map<String, Object> plan) {
		UUID carePlanId = (UUID) plan.get("care_plan_id");
		String reference = MessageKind.CARE_PLAN.reference(carePlanId);
		jdbc.sql("DELETE FROM messaging.message WHERE reference = ?").param(reference).update();
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(new CarePlanAgreed(
				carePlanId, (UUID) plan.get("team_id"), plan.get("site_code").toString(),
				((java.sql.Date) plan.get("agreed_on")).toLocalDate())));
		return reference;
	}

	/** The demo data's start-up sent these plans once already: the last send is this test's. */
	static LoggedRequest last(List<LoggedRequest> sends) {
		assertThat(sends).isNotEmpty();
		return sends.get(sends.size() - 1);
	}

	UUID messageId(String reference) {
		return jdbc.sql("SELECT id FROM messaging.message WHERE reference = ?").param(reference).query(UUID.class).single();
	}

}
