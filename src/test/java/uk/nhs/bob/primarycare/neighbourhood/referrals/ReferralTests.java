package uk.nhs.bob.primarycare.neighbourhood.referrals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A clinician refers people to their INT; the team accepts one onto the caseload and declines another. */
@IntegrationTest
class ReferralTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TeamRepository teams;

	@Autowired
	CohortDefinitionRepository definitions;

	@Autowired
	Candidates candidates;

	@Autowired
	TeamMemberRepository members;

	static RequestPostProcessor referrer() {
		return user("coordinator-oxon").roles("CARE_COORDINATOR");
	}

	static RequestPostProcessor member() {
		return user("neighbourhood").roles("INT_MEMBER");
	}

	UUID referral(String nhs) {
		return jdbc.sql("SELECT id FROM neighbourhood.referral WHERE nhs_number = ? ORDER BY referred_at DESC LIMIT 1")
			.param(nhs)
			.query(UUID.class)
			.single();
	}

	@Test
	void aReferralIsAcceptedOntoTheCaseloadAndAnotherDeclinedWithAReasonBackToTheReferrer() {
		Team team = NeighbourhoodTestData.oxfordTeam(teams, definitions);
		String first = NeighbourhoodTestData.candidate(candidates, team, 0).nhsNumber();
		String second = NeighbourhoodTestData.candidate(candidates, team, 1).nhsNumber();
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", "123").param("reason", "")
			.param("urgency", "SOON").with(referrer()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Enter a valid 10-digit NHS number", "Enter why you are referring the person",
					"Choose how urgent the referral is");
		// a person registered outside the referrer's scope
		String bucks = jdbc.sql("""
				SELECT nhs_number FROM neighbourhood.frailty_profile WHERE site_code = 'BK-AYL' LIMIT 1""")
			.query(String.class)
			.single();
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", bucks).param("reason", "Falls")
			.param("urgency", "ROUTINE").with(referrer()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("outside your organisation scope");
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", first)
			.param("reason", "Three falls this month, lives alone").param("urgency", "URGENT")
			.with(referrer()).with(csrf())).hasStatus(HttpStatus.FOUND);
		// sending it again makes no second referral
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", first)
			.param("reason", "Three falls this month, lives alone").param("urgency", "URGENT")
			.with(referrer()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("already waiting");
		assertThat(mvc.post().uri("/neighbourhood/referrals").param("nhsNumber", second)
			.param("reason", "Carer strain").param("urgency", "ROUTINE").with(referrer()).with(csrf()))
			.hasStatus(HttpStatus.FOUND);

		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/referrals").with(member())).hasStatusOk()
			.bodyText()
			.contains("Three falls this month, lives alone", "Carer strain", "Urgent");
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/referrals")
			.with(user("neighbourhood-bucks").roles("INT_MEMBER"))).hasStatus(HttpStatus.FORBIDDEN);
		UUID accepted = referral(first);
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + accepted + "/accept").param("keyworkerId", "nobody")
			.with(member()).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Choose a keyworker from the team");
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + accepted + "/accept")
			.param("keyworkerId", keyworker(team).toString()).with(user("neighbourhood-bucks").roles("INT_MEMBER"))
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + accepted + "/accept")
			.param("keyworkerId", keyworker(team).toString()).with(member()).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM neighbourhood.caseload_entry WHERE nhs_number = ? AND team_id = ?
				AND status <> 'DISCHARGED' AND added_reason LIKE 'Referral from%'""")
			.params(first, team.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
		UUID declined = referral(second);
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + declined + "/decline").param("declineReason", " ")
			.with(member()).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Enter why the team declines");
		assertThat(mvc.post().uri("/neighbourhood/referrals/" + declined + "/decline")
			.param("declineReason", "Already under the community matron").with(member()).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/neighbourhood/referrals").with(referrer())).hasStatusOk()
			.bodyText()
			.contains("Accepted onto the caseload", "Declined", "Already under the community matron");
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/referrals").with(member())).bodyText()
			.doesNotContain("Carer strain");
	}

	UUID keyworker(Team team) {
		return members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.filter(m -> m.getTeamRole() == TeamRole.KEYWORKER)
			.findFirst()
			.orElseThrow()
			.getId();
	}

}
