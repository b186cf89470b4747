package uk.nhs.bob.primarycare.neighbourhood.referrals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A clinician refers people to their INT; the team accepts one onto the caseload and declines another. The team, its
 * keyworker, the referrer, the people and a second team (whose person the referrer may not refer) are the test's own.
 */
@NeighbourhoodModuleTest
class ReferralTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TeamRepository teams;

	@Autowired
	TeamMemberRepository members;

	@Autowired
	ApplicationContext context;

	UUID referral(String nhs) {
		return jdbc.sql("SELECT id FROM neighbourhood.referral WHERE nhs_number = ? ORDER BY referred_at DESC LIMIT 1")
			.param(nhs)
			.query(UUID.class)
			.single();
	}

	@Test
	void aReferralIsAcceptedOntoTheCaseloadAndAnotherDeclinedWithAReasonBackToTheReferrer() {
		Team team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		String keyworkerName = NeighbourhoodTestData.keyworker(jdbc, members, team, "Kay Keyworker");
		RequestPostProcessor member = user(keyworkerName).roles("INT_MEMBER");
		// a care coordinator of the team's site, as the demo's Oxford City hub coordinator is
		RequestPostProcessor referrer = user(IdentityFixtures.staffUser(jdbc, "coordinator",
				OrganisationScope.site(team.getSiteCode()), Role.CARE_COORDINATOR)).roles("CARE_COORDINATOR");
		Team otherTeam = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		RequestPostProcessor otherMember = user(NeighbourhoodTestData.member(jdbc, members, otherTeam, "Olive Other"))
			.roles("INT_MEMBER");
		String first = NeighbourhoodTestData.person(context, team).value();
		String second = NeighbourhoodTestData.person(context, team).value();
		String queue = "/neighbourhood/teams/" + team.getSiteCode() + "/referrals";
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", "123").param("reason", "")
			.param("urgency", "SOON").with(referrer).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Enter a valid 10-digit NHS number", "Enter why you are referring the person",
					"Choose how urgent the referral is");
		// a person registered outside the referrer's scope
		String outside = NeighbourhoodTestData.person(context, otherTeam).value();
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", outside).param("reason", "Falls")
			.param("urgency", "ROUTINE").with(referrer).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("outside your organisation scope");
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", first)
			.param("reason", "Three falls this month, lives alone").param("urgency", "URGENT")
			.with(referrer).with(csrf())).hasStatus(HttpStatus.FOUND);
		// sending it again makes no second referral
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", first)
			.param("reason", "Three falls this month, lives alone").param("urgency", "URGENT")
			.with(referrer).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("already waiting");
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", second)
			.param("reason", "Carer strain").param("urgency", "ROUTINE").with(referrer).with(csrf()))
			.hasStatus(HttpStatus.FOUND);

		assertThat(mvc.get().uri(queue).with(member)).hasStatusOk()
			.bodyText()
			.contains("Three falls this month, lives alone", "Carer strain", "Urgent");
		assertThat(mvc.get().uri(queue).with(otherMember)).hasStatus(HttpStatus.FORBIDDEN);
		UUID accepted = referral(first);
		UUID keyworker = NeighbourhoodTestData.memberNamed(members, team, keyworkerName).getId();
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + accepted + "/accept").param("keyworkerId", "nobody")
			.with(member).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Choose a keyworker from the team");
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + accepted + "/accept")
			.param("keyworkerId", keyworker.toString()).with(otherMember)
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + accepted + "/accept")
			.param("keyworkerId", keyworker.toString()).with(member).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM neighbourhood.caseload_entry WHERE nhs_number = ? AND team_id = ?
				AND status <> 'DISCHARGED' AND added_reason LIKE 'Referral from%'""")
			.params(first, team.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
		UUID declined = referral(second);
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + declined + "/decline").param("declineReason", " ")
			.with(member).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Enter why the team declines");
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + declined + "/decline")
			.param("declineReason", "Already under the community matron").with(member).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/neighbourhood/referrals").with(referrer)).hasStatusOk()
			.bodyText()
			.contains("Accepted onto the caseload", "Declined", "Already under the community matron");
		assertThat(mvc.get().uri(queue).with(member)).bodyText()
			.doesNotContain("Carer strain");
	}

}
