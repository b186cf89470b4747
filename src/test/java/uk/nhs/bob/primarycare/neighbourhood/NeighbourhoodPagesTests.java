package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanTestData;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyFixtures;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The team, candidate, caseload and plan pages, and who may open which. Each test makes its team in Oxfordshire with
 * its keyworker and people, the staff of the roles and scopes it is about (the demo's Oxfordshire supervisor and
 * delivery team, the ICB administrator...), and teams in other Places where it needs them.
 */
@NeighbourhoodModuleTest
class NeighbourhoodPagesTests {

	/** Oxfordshire, the Place of every team {@link NeighbourhoodTestData#teamOfItsOwn(ApplicationContext)} makes. */
	static final String OXFORDSHIRE = "10Q";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Caseload caseload;

	NeighbourhoodTestData.TeamOfItsOwn own;

	String teamPage = "";

	@BeforeEach
	void aTeamOfItsOwn() {
		own = NeighbourhoodTestData.teamOfItsOwn(context);
		teamPage = "/neighbourhood/teams/" + own.siteCode();
	}

	RequestPostProcessor member() {
		return own.member();
	}

	/** Signed in as new staff with this role and scope (the application reads the scope from their account). */
	RequestPostProcessor staff(String prefix, Role role, OrganisationScope scope) {
		return user(username(prefix, role, scope)).roles(role.name());
	}

	String username(String prefix, Role role, OrganisationScope scope) {
		return IdentityFixtures.staffUser(jdbc, prefix, scope, role);
	}

	long audits(String username, String purposeStart) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = ? AND purpose LIKE ?")
			.params(username, purposeStart + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void aMemberLandsOnTheirTeamWithMembersCohortsAndCounts() {
		NeighbourhoodTestData.frailtyCohort(context.getBean(CohortDefinitionRepository.class), own.team());
		assertThat(mvc.get().uri("/neighbourhood").with(member())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl(teamPage);
		assertThat(mvc.get().uri(teamPage).with(member())).hasStatusOk()
			.bodyText()
			.contains(own.team().getName(), "Nell Nurse", "Community nursing", "Moderate or severe frailty",
					"Find candidates", "Plan agreed");
	}

	@Test
	void candidatesAreRankedWithTheirReasons() throws Exception {
		NhsNumber moderate = own.candidate();
		NhsNumber severe = own.candidate();
		FrailtyFixtures.profile(context, severe, 13, 2);
		String body = mvc.get().uri(teamPage + "/candidates").with(member()).exchange().getResponse().getContentAsString();
		assertThat(body).contains("Meets:", "efi-deficits-2026.12.2", "IMD quintile", "Moderate or severe frailty",
				severe.formatted(), moderate.formatted());
		assertThat(body.indexOf(severe.formatted())).as("the severer eFI first")
			.isLessThan(body.indexOf(moderate.formatted()));
	}

	@Test
	void theCaseloadListsItsPeopleWithAnOverdueReview() {
		CaseloadEntry overdue = CarePlanTestData.agreeWithReviewOn(caseload, own.entry(), own.memberName(),
				LocalDate.now().minusDays(7));
		own.entry();
		assertThat(mvc.get().uri(teamPage + "/caseload").with(member())).hasStatusOk()
			.bodyText()
			.contains(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).format(overdue.getNextReviewDate())
					+ " (overdue)", "Plan agreed", "Identified");
	}

	@Test
	void aMemberReadsThePlanAndTheViewIsAudited() {
		UUID entry = own.entry().getId();
		long before = audits(own.memberName(), "Direct care: INT member");
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(member())).hasStatusOk()
			.bodyText()
			.contains("What matters to me", "Goals", "Contingency and crisis plan", "History", "Added to the caseload");
		assertThat(audits(own.memberName(), "Direct care: INT member")).isEqualTo(before + 1);
	}

	@Test
	void aMemberOfAnotherPlacesTeamIsRefusedWithoutBreakGlass() {
		UUID entry = own.entry().getId();
		RequestPostProcessor other = NeighbourhoodTestData.teamOfItsOwn(context, "BK-AYL").member();
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
		UUID entry = own.entry().getId();
		String supervisorName = username("supervisor-oxon", Role.CLINICAL_SUPERVISOR,
				OrganisationScope.place(OXFORDSHIRE));
		RequestPostProcessor supervisor = user(supervisorName).roles("CLINICAL_SUPERVISOR");
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(supervisor))
			.hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("Break-glass access", "Break the glass and view the plan")
			.doesNotContain("What matters to me");
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/break-glass").param("reasonCode", "OTHER")
			.param("reason", "short")
			.with(supervisor).with(csrf())).hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("at least 20 characters");
		long before = audits(supervisorName, "Break-glass");
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/break-glass")
			.param("reasonCode", "EMERGENCY")
			.param("reason", "Seen in the John Radcliffe ED after a fall")
			.with(supervisor)
			.with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(supervisor)).hasStatusOk()
			.bodyText()
			.contains("Break-glass access to this plan", "Seen in the John Radcliffe ED after a fall")
			.doesNotContain("Edit the care plan");
		assertThat(audits(supervisorName, "Break-glass")).isEqualTo(before + 2);
		// and they still cannot change it
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry + "/discharge").param("version", "0")
			.param("reason", "x").with(supervisor).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void administratorsAndSupervisorsSeeCountsButNotPlans() {
		UUID entry = own.entry().getId();
		RequestPostProcessor admin = staff("admin", Role.ICB_ADMIN, OrganisationScope.ICB);
		RequestPostProcessor supervisor = staff("supervisor-oxon", Role.CLINICAL_SUPERVISOR,
				OrganisationScope.place(OXFORDSHIRE));
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(admin)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(teamPage).with(supervisor)).hasStatusOk()
			.bodyText()
			.contains("You see counts only")
			.doesNotContain("Find candidates");
		assertThat(mvc.get().uri(teamPage + "/caseload").with(admin)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(teamPage + "/candidates").with(supervisor)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theFrailtyRegisterShowsCountsPerSiteToAdministratorsOnly() {
		own.candidate();
		Team berkshire = NeighbourhoodTestData.teamOfItsOwn(context, "BW-RDG").team();
		FrailtyFixtures.profile(context, NeighbourhoodTestData.person(context, berkshire), 13, 0);
		String ownSite = siteName(own.team());
		String berkshireSite = siteName(berkshire);
		assertThat(mvc.get().uri("/neighbourhood/frailty").with(staff("admin", Role.ICB_ADMIN, OrganisationScope.ICB)))
			.hasStatusOk()
			.bodyText()
			.contains("People aged 65 and over by eFI category", "Oxford City neighbourhood", ownSite, berkshireSite,
					"Moderate frailty", "efi-deficits-2026.12.2", "Recompute now");
		assertThat(mvc.get().uri("/neighbourhood/frailty")
			.with(staff("delivery-oxon", Role.PLACE_DELIVERY, OrganisationScope.place(OXFORDSHIRE))))
			.hasStatusOk()
			.bodyText()
			.contains("Banbury neighbourhood", ownSite)
			.doesNotContain("Reading Central neighbourhood", berkshireSite, "Recompute now");
		assertThat(mvc.get().uri("/neighbourhood/frailty").with(member())).hasStatus(HttpStatus.FORBIDDEN);
	}

	String siteName(Team team) {
		return context.getBean(Directory.class).site(team.getSiteCode()).orElseThrow().name();
	}

	@Test
	void placeDeliverySetsUpTeamsOnlyInTheirPlaceAndManagesMembers() {
		RequestPostProcessor delivery = staff("delivery-oxon", Role.PLACE_DELIVERY, OrganisationScope.place(OXFORDSHIRE));
		String members = teamPage + "/members";
		String invited = "test.member-" + own.siteCode().toLowerCase(Locale.UK) + "@example.nhs.uk";
		assertThat(mvc.post().uri("/neighbourhood/teams").param("siteCode", "BW-RDG").param("name", "Reading INT")
			.with(delivery).with(csrf())).hasStatusOk().bodyText().contains("There is a problem");
		assertThat(mvc.post().uri("/neighbourhood/teams").param("siteCode", own.siteCode()).param("name", "")
			.with(delivery).with(csrf())).hasStatusOk().bodyText().contains("Enter the team name");
		// only staff whose scope covers the site can be picked: a Reading user cannot be listed in Oxford
		String reading = username("coordinator-berks", Role.CARE_COORDINATOR, OrganisationScope.site("BW-RDG"));
		assertThat(mvc.post().uri(members).param("username", reading)
			.param("organisation", "Oxford Health").param("discipline", "WIZARD").param("teamRole", "MEMBER")
			.with(delivery).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Choose a staff user from the list", "Choose a discipline from the list");
		assertThat(mvc.post().uri(members).param("username", "")
			.param("organisation", "Oxford Health").param("discipline", "PHARMACIST").param("teamRole", "MEMBER")
			.with(delivery).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("invite someone by entering their email address");
		assertThat(mvc.post().uri(members).param("email", "not-an-email")
			.param("name", "").param("organisation", "Oxford Health").param("discipline", "PHARMACIST")
			.param("teamRole", "BOSS").with(delivery).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Enter an email address like", "Enter the name of the person you are inviting",
					"Choose the member&#39;s role in the team");
		// an invitation: a disabled account an administrator completes
		assertThat(mvc.post().uri(members).param("email", invited.replace("test.member", "Test.Member"))
			.param("name", "Test Member").param("organisation", "Oxford Health").param("discipline", "PHARMACIST")
			.param("teamRole", "MEMBER").with(delivery).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("SELECT enabled FROM identity.staff_user WHERE username = ?").param(invited)
			.query(Boolean.class).single()).isFalse();
		assertThat(mvc.get().uri(teamPage).with(member())).bodyText()
			.contains("Test Member", "invited: an administrator must complete the account");
		// the organisation chosen from the directory: only this site's practices and PCNs; its name when none typed
		String readingPractice = jdbc.sql("SELECT pr.ods_code FROM directory.practice pr JOIN directory.pcn pc "
				+ "ON pc.ods_code = pr.pcn_code WHERE pc.site_code = 'BW-RDG' ORDER BY pr.ods_code LIMIT 1")
			.query(String.class).single();
		String odsMember = "ods." + invited;
		assertThat(mvc.post().uri(members).param("email", odsMember)
			.param("name", "Ods Member").param("organisation", "").param("organisationOds", readingPractice)
			.param("discipline", "GP").param("teamRole", "MEMBER").with(delivery).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Choose the organisation from the list of this site", "Enter the organisation the member works for");
		String ownPractice = NeighbourhoodTestData.practiceOf(own.team()).value();
		assertThat(mvc.get().uri(teamPage).with(delivery)).bodyText()
			.contains("Organisation in the NHS directory", "(ODS " + ownPractice + ")");
		assertThat(mvc.post().uri(members).param("email", odsMember)
			.param("name", "Ods Member").param("organisation", "").param("organisationOds", ownPractice.toLowerCase())
			.param("discipline", "GP").param("teamRole", "MEMBER").with(delivery).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("SELECT m.organisation_ods || ' ' || m.organisation FROM neighbourhood.team_member m "
				+ "WHERE m.name = 'Ods Member' AND m.team_id = ?").param(own.team().getId()).query(String.class).single())
			.isEqualTo(ownPractice + " Test Surgery " + own.siteCode().substring(2));
		assertThat(mvc.post().uri(members).param("email", invited)
			.param("name", "Again").param("organisation", "X").param("discipline", "GP").param("teamRole", "MEMBER")
			.with(delivery).with(csrf())).hasStatusOk().bodyText().contains("An account already uses this email");
		String berkshireTeam = NeighbourhoodTestData.teamOfItsOwn(context, "BW-RDG").siteCode();
		assertThat(mvc.post().uri("/neighbourhood/teams/" + berkshireTeam + "/members").param("email", "sneaky@example.nhs.uk")
			.param("name", "Sneaky").param("organisation", "X").param("discipline", "GP").param("teamRole", "MEMBER")
			.with(delivery).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(members).param("email", "sneaky@example.nhs.uk")
			.param("name", "Sneaky").param("organisation", "X").param("discipline", "GP").param("teamRole", "MEMBER")
			.with(member()).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("SELECT count(*) FROM identity.staff_user WHERE username = 'sneaky@example.nhs.uk'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void theMemberListIsTheAccessRuleWithReadOnlyMembers() {
		UUID entry = own.entry().getId();
		// an INT member of the site who is not on the list is not a member
		String coordinatorName = username("coordinator-oxon", Role.CARE_COORDINATOR,
				OrganisationScope.site(own.siteCode()));
		RequestPostProcessor coordinator = user(coordinatorName).roles("CARE_COORDINATOR");
		RequestPostProcessor delivery = staff("delivery-oxon", Role.PLACE_DELIVERY, OrganisationScope.place(OXFORDSHIRE));
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(coordinator))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(teamPage + "/caseload").with(coordinator)).hasStatus(HttpStatus.FORBIDDEN);
		// listed read only by the Place's delivery team, picked from the staff in scope
		assertThat(mvc.get().uri(teamPage).with(delivery)).bodyText().contains(coordinatorName);
		assertThat(mvc.post().uri(teamPage + "/members").param("username", coordinatorName)
			.param("organisation", "Oxford City hub").param("discipline", "CARE_COORDINATOR")
			.param("teamRole", "READ_ONLY").with(delivery).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry).with(coordinator)).hasStatusOk()
			.bodyText()
			.contains("Direct care: INT member (Read only)")
			.doesNotContain("Edit the care plan");
		assertThat(mvc.get().uri(teamPage + "/caseload").with(coordinator)).hasStatusOk();
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry + "/edit").with(coordinator))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry).param("version", "0")
			.param("whatMatters", "read only write").with(coordinator).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		// a listed keyworker has their own work
		assertThat(mvc.get().uri(teamPage + "/my-work").with(member())).hasStatusOk()
			.bodyText()
			.contains("My actions", "Reviews due by");
		assertThat(mvc.get().uri(teamPage + "/my-work").with(staff("supervisor-oxon", Role.CLINICAL_SUPERVISOR,
				OrganisationScope.place(OXFORDSHIRE)))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void thePersonsPracticeReadsThePlanThroughAPcnScope(@Autowired TeamAccess access) {
		CaseloadEntry entry = own.entry();
		String pcn = NeighbourhoodTestData.pcnOf(own.team());
		StaffUser practiceUser = new StaffUser("practice-gp", "Practice GP", Set.of(Role.CLINICAL_SUPERVISOR),
				OrganisationScope.pcn(pcn), pcn);
		assertThat(access.readAccess(practiceUser, own.team(), entry, false))
			.contains(new TeamAccess.Access("Direct care: registered practice", false));
		assertThat(access.canEdit(practiceUser, own.team())).isFalse();
		StaffUser otherPcn = new StaffUser("other-gp", "Other GP", Set.of(Role.CLINICAL_SUPERVISOR),
				OrganisationScope.pcn("U00000"), "U00000");
		assertThat(access.readAccess(otherPcn, own.team(), entry, true)).isEmpty();
	}

}
