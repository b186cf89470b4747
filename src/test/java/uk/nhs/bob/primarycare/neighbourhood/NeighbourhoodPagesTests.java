package uk.nhs.bob.primarycare.neighbourhood;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The team, candidate, caseload and plan pages with the demo data, and who may open which. */
@IntegrationTest
class NeighbourhoodPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	static RequestPostProcessor member() {
		return user("neighbourhood").roles("INT_MEMBER");
	}

	UUID demoEntry(String siteCode) {
		return jdbc.sql("""
				SELECT id FROM neighbourhood.caseload_entry WHERE site_code = ? AND added_by = 'demo-data'
				ORDER BY added_on, id LIMIT 1""").param(siteCode).query(UUID.class).single();
	}

	long audits(String username, String purposeStart) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = ? AND purpose LIKE ?")
			.params(username, purposeStart + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void aMemberLandsOnTheirTeamWithMembersCohortsAndCounts() {
		assertThat(mvc.get().uri("/neighbourhood").with(member())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/neighbourhood/teams/OX-CTY");
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY").with(member())).hasStatusOk()
			.bodyText()
			.contains("Oxford City Integrated Neighbourhood Team", "Nadia Neighbourhood", "Community nursing",
					"Moderate or severe frailty", "Find candidates", "Plan agreed");
	}

	@Test
	void candidatesAreRankedWithTheirReasons() {
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/candidates").with(member())).hasStatusOk()
			.bodyText()
			.contains("Meets:", "efi-deficits-2016.1", "IMD quintile");
	}

	@Test
	void theCaseloadListsTheDemoPeopleWithAnOverdueReview() {
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/caseload").with(member())).hasStatusOk()
			.bodyText()
			.contains("(overdue)", "Plan agreed", "Identified");
	}

	@Test
	void aMemberReadsThePlanAndTheViewIsAudited() {
		UUID entry = demoEntry("OX-CTY");
		long before = audits("neighbourhood", "Direct care: INT member");
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(member())).hasStatusOk()
			.bodyText()
			.contains("What matters to me", "Goals", "Contingency and crisis plan", "History", "Added to the caseload");
		assertThat(audits("neighbourhood", "Direct care: INT member")).isEqualTo(before + 1);
	}

	@Test
	void anotherTeamsMemberIsRefusedUntilTheyBreakTheGlassWhichIsAuditedAndShown() {
		UUID entry = demoEntry("OX-CTY");
		RequestPostProcessor other = user("neighbourhood-bucks").roles("INT_MEMBER");
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(other)).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("Break-glass access")
			.doesNotContain("What matters to me");
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/break-glass").param("reason", "short")
			.with(other).with(csrf())).hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("at least 10 characters");
		long before = audits("neighbourhood-bucks", "Break-glass");
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/break-glass")
			.param("reason", "Seen in Stoke Mandeville ED after a fall")
			.with(other)
			.with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(other)).hasStatusOk()
			.bodyText()
			.contains("Break-glass access to this plan", "Seen in Stoke Mandeville ED after a fall")
			.doesNotContain("Edit the care plan");
		assertThat(audits("neighbourhood-bucks", "Break-glass")).isEqualTo(before + 2);
		// and they still cannot change it
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/discharge").param("version", "0")
			.param("reason", "x").with(other).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void administratorsAndSupervisorsSeeCountsButNotPlans() {
		UUID entry = demoEntry("OX-CTY");
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(user("admin").roles("ICB_ADMIN")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY").with(user("supervisor-oxon").roles("CLINICAL_SUPERVISOR")))
			.hasStatusOk()
			.bodyText()
			.contains("You see counts only")
			.doesNotContain("Find candidates");
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/caseload").with(user("admin").roles("ICB_ADMIN")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/candidates").with(user("supervisor-oxon").roles("CLINICAL_SUPERVISOR")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

}
