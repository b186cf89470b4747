package uk.nhs.bob.primarycare.messaging;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.careplans.GoalStatus;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.bob.primarycare.messaging.MessagingTestData.contact;

/**
 * A copy of an agreed care plan through the fake GOV.UK Notify, by email or as a precompiled letter, for plans a team
 * the test makes agrees for people it makes (neighbourhood, which messaging reads the plan from, is in the messaging
 * module tests' context).
 */
@MessagingModuleTest
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
	Caseload caseload;

	@Autowired
	TeamRepository teams;

	@Autowired
	ApplicationContext context;

	@Test
	void anAgreedCarePlanGoesByEmailOrAsAPrecompiledLetterWhenThereIsNoEmailOrMobile(Scenario scenario)
			throws Exception {
		Team team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		NhsNumber emailNhs = NeighbourhoodTestData.person(context, team);
		NhsNumber letterNhs = NeighbourhoodTestData.person(context, team);
		contact(contacts, emailNhs.value(), null, "plan.copy@example.com", null, null, null, null, Consent.GIVEN, false);
		contact(contacts, letterNhs.value(), null, null, "1 Test Road", "Oxford", "OX4 1AA", null, Consent.GIVEN,
				false);
		LocalDate review = LocalDate.now().plusMonths(3);
		PlanContent plan = new PlanContent("Getting back to the bowls club",
				List.of(new PlanContent.Goal("g1", "Walk to the club", review, GoalStatus.PROPOSED)), List.of(),
				"Ring my neighbour", review);

		// the team agrees both plans: messaging hears each agreement and sends its copy
		List<CaseloadEntry> agreed = new ArrayList<>();
		scenario.stimulate(() -> {
			agreed.add(NeighbourhoodTestData.agreedPlan(caseload, team, emailNhs, null, plan));
			agreed.add(NeighbourhoodTestData.agreedPlan(caseload, team, letterNhs, null, plan));
		}).andWaitAtMost(java.time.Duration.ofSeconds(60))
			.andWaitForStateChange(() -> List.of(status(agreed, 0), status(agreed, 1)),
					statuses -> statuses.equals(List.of("CREATED", "PENDING_VIRUS_CHECK")))
			.andVerify(statuses -> assertThat(agreed).hasSize(2));
		String emailReference = MessageKind.CARE_PLAN.reference(agreed.get(0).getCarePlanId());
		String letterReference = MessageKind.CARE_PLAN.reference(agreed.get(1).getCarePlanId());

		List<LoggedRequest> emailSends = FakeNotify.sendsWithReference(emailReference);
		assertThat(emailSends).hasSize(1);
		LoggedRequest emailSend = emailSends.get(0);
		assertThat(emailSend.getUrl()).isEqualTo("/v2/notifications/email");
		JsonNode email = FakeNotify.body(emailSend);
		assertThat(email.path("template_id").asString()).isEqualTo(FakeNotify.templateId(NotifyTemplate.CARE_PLAN_EMAIL));
		assertThat(email.path("email_address").asString()).isEqualTo("plan.copy@example.com");
		assertThat(email.path("personalisation").path("what_matters").asString())
			.isEqualTo("Getting back to the bowls club");
		assertThat(email.path("personalisation").propertyNames()).contains("goals", "actions", "contingency_plan",
				"next_review", "keyworker", "team_name", "agreed_on", "name", "about_the_plan");
		// the personalised care and support planning parts travel with the copy, "not recorded" where missing
		assertThat(email.path("personalisation").path("about_the_plan").asString()).contains("Sharing this plan: ",
				"Agreed with: ", "Carers and next of kin: ", "ReSPECT form: ", "Clinical Frailty Scale: ");

		List<LoggedRequest> letterSends = FakeNotify.sendsWithReference(letterReference);
		assertThat(letterSends).hasSize(1);
		LoggedRequest letterSend = letterSends.get(0);
		assertThat(letterSend.getUrl()).isEqualTo("/v2/notifications/letter");
		JsonNode letter = FakeNotify.body(letterSend);
		assertThat(letter.path("template_id").isMissingNode()).isTrue();
		byte[] pdf = Base64.getDecoder().decode(letter.path("content").asString());
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(new ByteArrayInputStream(pdf));
		assertThat(reader.getPageSize(1).getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
		assertThat(reader.getPageSize(1).getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		var person = population.find(letterNhs).orElseThrow();
		assertThat(text).contains(person.givenName() + " " + person.familyName(), "1 Test Road", "Oxford", "OX4 1AA",
				"Your personalised care and support plan", "What matters to you");
		// the same PDF is kept, for staff to see what was sent
		assertThat(mvc.get()
			.uri("/messaging/messages/" + messageId(letterReference) + "/letter.pdf")
			.with(IdentityFixtures.signedIn(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB))).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_PDF);
	}

	/** The status of the copy of the plan agreed {@code n}th ("NONE" before it is agreed or its message exists). */
	String status(List<CaseloadEntry> agreed, int n) {
		return agreed.size() <= n ? "NONE"
				: MessagingTestData.status(jdbc, MessageKind.CARE_PLAN.reference(agreed.get(n).getCarePlanId()));
	}

	UUID messageId(String reference) {
		return jdbc.sql("SELECT id FROM messaging.message WHERE reference = ?").param(reference).query(UUID.class).single();
	}

}
