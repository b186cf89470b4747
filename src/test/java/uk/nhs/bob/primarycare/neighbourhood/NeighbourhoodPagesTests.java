package uk.nhs.bob.primarycare.neighbourhood;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;

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

	@Autowired
	TeamRepository teams;

	@Autowired
	CohortDefinitionRepository definitions;

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
		// the test population gives the demo team only a handful of frail people; the broad test cohort adds more
		NeighbourhoodTestData.oxfordTeam(teams, definitions);
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/candidates").with(member())).hasStatusOk()
			.bodyText()
			.contains("Meets:", "efi-deficits-2026.12.2", "IMD quintile");
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
	void aMemberOfAnotherPlacesTeamIsRefusedWithoutBreakGlass() {
		UUID entry = demoEntry("OX-CTY");
		RequestPostProcessor other = user("neighbourhood-bucks").roles("INT_MEMBER");
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(other)).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("outside your organisation scope")
			.doesNotContain("What matters to me", "Break the glass and view the plan");
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/break-glass")
			.param("reasonCode", "EMERGENCY")
			.param("reason", "Seen in Stoke Mandeville ED after a fall")
			.with(other)
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(other)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aSupervisorOfThePlaceIsRefusedUntilTheyBreakTheGlassWhichIsAuditedAndShown() {
		UUID entry = demoEntry("OX-CTY");
		RequestPostProcessor supervisor = user("supervisor-oxon").roles("CLINICAL_SUPERVISOR");
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(supervisor))
			.hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("Break-glass access", "Break the glass and view the plan")
			.doesNotContain("What matters to me");
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/break-glass").param("reasonCode", "OTHER")
			.param("reason", "short")
			.with(supervisor).with(csrf())).hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("at least 20 characters");
		long before = audits("supervisor-oxon", "Break-glass");
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/break-glass")
			.param("reasonCode", "EMERGENCY")
			.param("reason", "Seen in the John Radcliffe ED after a fall")
			.with(supervisor)
			.with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(supervisor)).hasStatusOk()
			.bodyText()
			.contains("Break-glass access to this plan", "Seen in the John Radcliffe ED after a fall")
			.doesNotContain("Edit the care plan");
		assertThat(audits("supervisor-oxon", "Break-glass")).isEqualTo(before + 2);
		// and they still cannot change it
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/discharge").param("version", "0")
			.param("reason", "x").with(supervisor).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
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

	/**
	 * The demo population's eFI, found from the published deficit code sets, spreads roughly as Clegg et al. found
	 * (about half fit, a third mild, one in eight moderate, a few severe), so every team has candidates.
	 */
	@Test
	void theDemoRegisterSpreadsAcrossTheEfiCategoriesAsCleggFound() {
		java.util.Map<String, Long> counts = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT efi_category, count(*) AS n FROM neighbourhood.frailty_profile
				WHERE efi_category IS NOT NULL GROUP BY efi_category""")
			.query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		double total = counts.values().stream().mapToLong(Long::longValue).sum();
		assertThat(total).isGreaterThan(100);
		assertThat(counts.getOrDefault("FIT", 0L) / total).isBetween(0.35, 0.65);
		assertThat(counts.getOrDefault("MILD", 0L) / total).isBetween(0.22, 0.48);
		assertThat(counts.getOrDefault("MODERATE", 0L) / total).isBetween(0.06, 0.20);
		assertThat(counts.getOrDefault("SEVERE", 0L) / total).isBetween(0.0, 0.08);
	}

	@Test
	void theFrailtyRegisterShowsCountsPerSiteToAdministratorsOnly() {
		assertThat(mvc.get().uri("/neighbourhood/frailty").with(user("admin").roles("ICB_ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("People aged 65 and over by eFI category", "Oxford City neighbourhood", "Moderate frailty",
					"efi-deficits-2026.12.2", "Recompute now");
		assertThat(mvc.get().uri("/neighbourhood/frailty").with(user("delivery-oxon").roles("PLACE_DELIVERY")))
			.hasStatusOk()
			.bodyText()
			.contains("Banbury neighbourhood")
			.doesNotContain("Reading Central neighbourhood", "Recompute now");
		assertThat(mvc.get().uri("/neighbourhood/frailty").with(member())).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void placeDeliverySetsUpTeamsOnlyInTheirPlaceAndManagesMembers() {
		RequestPostProcessor delivery = user("delivery-oxon").roles("PLACE_DELIVERY");
		assertThat(mvc.post().uri("/neighbourhood/teams").param("siteCode", "BW-RDG").param("name", "Reading INT")
			.with(delivery).with(csrf())).hasStatusOk().bodyText().contains("There is a problem");
		assertThat(mvc.post().uri("/neighbourhood/teams").param("siteCode", "OX-CTY").param("name", "")
			.with(delivery).with(csrf())).hasStatusOk().bodyText().contains("Enter the team name");
		// only staff whose scope covers the site can be picked: a Reading user cannot be listed in Oxford
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/members").param("username", "coordinator-berks")
			.param("organisation", "Oxford Health").param("discipline", "WIZARD").param("teamRole", "MEMBER")
			.with(delivery).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Choose a staff user from the list", "Choose a discipline from the list");
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/members").param("username", "")
			.param("organisation", "Oxford Health").param("discipline", "PHARMACIST").param("teamRole", "MEMBER")
			.with(delivery).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("invite someone by entering their email address");
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/members").param("email", "not-an-email")
			.param("name", "").param("organisation", "Oxford Health").param("discipline", "PHARMACIST")
			.param("teamRole", "BOSS").with(delivery).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Enter an email address like", "Enter the name of the person you are inviting",
					"Choose the member&#39;s role in the team");
		// an invitation: a disabled account an administrator completes
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/members").param("email", "Test.Member@example.nhs.uk")
			.param("name", "Test Member").param("organisation", "Oxford Health").param("discipline", "PHARMACIST")
			.param("teamRole", "MEMBER").with(delivery).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("SELECT enabled FROM identity.staff_user WHERE username = 'test.member@example.nhs.uk'")
			.query(Boolean.class).single()).isFalse();
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY").with(member())).bodyText()
			.contains("Test Member", "invited: an administrator must complete the account");
		// the organisation chosen from the directory: only this site's practices and PCNs; its name when none typed
		String readingPractice = jdbc.sql("SELECT pr.ods_code FROM directory.practice pr JOIN directory.pcn pc "
				+ "ON pc.ods_code = pr.pcn_code WHERE pc.site_code = 'BW-RDG' ORDER BY pr.ods_code LIMIT 1")
			.query(String.class).single();
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/members").param("email", "ods.member@example.nhs.uk")
			.param("name", "Ods Member").param("organisation", "").param("organisationOds", readingPractice)
			.param("discipline", "GP").param("teamRole", "MEMBER").with(delivery).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Choose the organisation from the list of this site", "Enter the organisation the member works for");
		String oxfordPractice = jdbc.sql("SELECT pr.ods_code FROM directory.practice pr JOIN directory.pcn pc "
				+ "ON pc.ods_code = pr.pcn_code WHERE pc.site_code = 'OX-CTY' ORDER BY pr.ods_code LIMIT 1")
			.query(String.class).single();
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY").with(delivery)).bodyText()
			.contains("Organisation in the NHS directory", "(ODS " + oxfordPractice + ")");
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/members").param("email", "ods.member@example.nhs.uk")
			.param("name", "Ods Member").param("organisation", "").param("organisationOds", oxfordPractice.toLowerCase())
			.param("discipline", "GP").param("teamRole", "MEMBER").with(delivery).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("SELECT m.organisation_ods || ' ' || m.organisation = p.ods_code || ' ' || p.name "
				+ "FROM neighbourhood.team_member m JOIN directory.practice p ON p.ods_code = m.organisation_ods "
				+ "WHERE m.name = 'Ods Member'").query(Boolean.class).single()).isTrue();
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/members").param("email", "test.member@example.nhs.uk")
			.param("name", "Again").param("organisation", "X").param("discipline", "GP").param("teamRole", "MEMBER")
			.with(delivery).with(csrf())).hasStatusOk().bodyText().contains("An account already uses this email");
		assertThat(mvc.post().uri("/neighbourhood/teams/BW-RDG/members").param("email", "sneaky@example.nhs.uk")
			.param("name", "Sneaky").param("organisation", "X").param("discipline", "GP").param("teamRole", "MEMBER")
			.with(delivery).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/members").param("email", "sneaky@example.nhs.uk")
			.param("name", "Sneaky").param("organisation", "X").param("discipline", "GP").param("teamRole", "MEMBER")
			.with(member()).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theMemberListIsTheAccessRuleWithReadOnlyMembers(@Autowired TeamMemberRepository members) {
		UUID entry = demoEntry("OX-CTY");
		RequestPostProcessor coordinator = user("coordinator-oxon").roles("CARE_COORDINATOR");
		// an INT member of the site who is not on the list is not a member
		Team team = teams.findBySiteCode("OX-CTY").orElseThrow();
		members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.filter(m -> "coordinator-oxon".equals(m.getUsername()))
			.forEach(m -> {
				m.leave();
				members.save(m);
			});
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(coordinator))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/caseload").with(coordinator))
			.hasStatus(HttpStatus.FORBIDDEN);
		// listed read only by the Place's delivery team, picked from the staff in scope
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY").with(user("delivery-oxon").roles("PLACE_DELIVERY")))
			.bodyText()
			.contains("coordinator-oxon");
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/members").param("username", "coordinator-oxon")
			.param("organisation", "Oxford City hub").param("discipline", "CARE_COORDINATOR")
			.param("teamRole", "READ_ONLY").with(user("delivery-oxon").roles("PLACE_DELIVERY")).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Direct care: INT member (Read only)")
			.doesNotContain("Edit the care plan");
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/caseload").with(coordinator)).hasStatusOk();
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry + "/edit").with(coordinator))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry).param("version", "0")
			.param("whatMatters", "read only write").with(coordinator).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		// a listed keyworker has their own work
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/my-work").with(member())).hasStatusOk()
			.bodyText()
			.contains("My actions", "Reviews due by");
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/my-work").with(user("supervisor-oxon")
			.roles("CLINICAL_SUPERVISOR"))).hasStatus(HttpStatus.FORBIDDEN);
		members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.filter(m -> "coordinator-oxon".equals(m.getUsername()))
			.forEach(m -> {
				m.leave();
				members.save(m);
			});
	}

	@Test
	void thePersonsPracticeReadsThePlanThroughAPcnScope(@Autowired TeamAccess access,
			@Autowired CaseloadEntryRepository entries, @Autowired TeamRepository teams,
			@Autowired uk.nhs.bob.primarycare.directory.Directory directory) {
		CaseloadEntry entry = entries.findById(demoEntry("OX-CTY")).orElseThrow();
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		String pcn = directory.practice(new uk.nhs.bob.primarycare.shared.OdsCode(entry.getPracticeCode()))
			.orElseThrow()
			.pcnCode();
		uk.nhs.bob.primarycare.identity.StaffUser practiceUser = new uk.nhs.bob.primarycare.identity.StaffUser(
				"practice-gp", "Practice GP", java.util.Set.of(uk.nhs.bob.primarycare.shared.Role.CLINICAL_SUPERVISOR),
				uk.nhs.bob.primarycare.identity.OrganisationScope.pcn(pcn), pcn);
		assertThat(access.readAccess(practiceUser, team, entry, false))
			.contains(new TeamAccess.Access("Direct care: registered practice", false));
		assertThat(access.canEdit(practiceUser, team)).isFalse();
		uk.nhs.bob.primarycare.identity.StaffUser otherPcn = new uk.nhs.bob.primarycare.identity.StaffUser(
				"other-gp", "Other GP", java.util.Set.of(uk.nhs.bob.primarycare.shared.Role.CLINICAL_SUPERVISOR),
				uk.nhs.bob.primarycare.identity.OrganisationScope.pcn("U00000"), "U00000");
		assertThat(access.readAccess(otherPcn, team, entry, true)).isEmpty();
	}

}
