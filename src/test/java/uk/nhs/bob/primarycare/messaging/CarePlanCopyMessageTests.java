package uk.nhs.bob.primarycare.messaging;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanTestData;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The person's copy of their care and support plan, from the neighbourhood's page to the message this module makes
 * of each request to send it: the two modules' real behaviour together, in this module's context (which holds the
 * neighbourhood as a module it reads), with a team, keyworker and person the test makes.
 */
@MessagingModuleTest
class CarePlanCopyMessageTests {

	@Test
	void thePersonsCopyIsAPlainAuditedPageAndSendingItMakesOneMessagePerRequest(@Autowired MockMvcTester mvc,
			@Autowired ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		NeighbourhoodTestData.TeamOfItsOwn team = NeighbourhoodTestData.teamOfItsOwn(context);
		NeighbourhoodTestData.TeamOfItsOwn otherTeam = NeighbourhoodTestData.teamOfItsOwn(context);
		CaseloadEntry entry = team.entry();
		String plan = "/neighbourhood/care-plans/" + entry.getId();
		assertThat(mvc.get().uri(plan + "/copy").with(team.member())).hasStatusOk()
			.bodyText()
			.contains("Your care and support plan", "What matters to me", "About this plan");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = ? AND page = ? AND nhs_number = ?")
			.params(team.memberName(), "INT care plan: the person's copy", entry.getNhsNumber().value())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(mvc.get().uri(plan + "/copy").with(otherTeam.member())).hasStatus(HttpStatus.FORBIDDEN);

		// not agreed yet: nothing is sent
		assertThat(mvc.post().uri(plan + "/send-copy").with(team.member()).with(csrf())).hasStatus3xxRedirection()
			.flash()
			.containsEntry("stale", "Agree the plan with the person before sending them a copy");
		CarePlanTestData.agreeWithACarer(context.getBean(Caseload.class), entry, team.memberName());
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.post().uri(plan + "/send-copy").with(team.member()).with(csrf())).hasStatus3xxRedirection();
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
			.sql("SELECT count(*) FROM messaging.message WHERE kind = 'CARE_PLAN_COPY' AND nhs_number = ?")
			.param(entry.getNhsNumber().value())
			.query(Long.class)
			.single() == 2);
		// the copy carries the plan's personalised care and support planning parts
		assertThat(jdbc.sql("SELECT personalisation::text FROM messaging.message WHERE kind = 'CARE_PLAN_COPY' AND nhs_number = ?")
			.param(entry.getNhsNumber().value())
			.query(String.class)
			.list()).hasSize(2)
			.allSatisfy(fields -> assertThat(fields).contains(CarePlanTestData.CARER_AS_SHOWN,
					"Sharing this plan: "));
		assertThat(mvc.post().uri(plan + "/send-copy").with(otherTeam.member()).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

}
