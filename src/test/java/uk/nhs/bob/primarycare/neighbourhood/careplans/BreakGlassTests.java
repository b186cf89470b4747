package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Break-glass by role, scope and channel, on a care plan of a person at a team of Buckinghamshire (each test makes
 * its own team next to Aylesbury, its person and its staff): only clinical roles whose scope covers the person's
 * practice may use it, never Place delivery teams or administrators, and never through the FHIR API; each use is
 * audited, shown on the plan and reviewed by a supervisor of the Place.
 */
@NeighbourhoodModuleTest
class BreakGlassTests {

	/** Buckinghamshire, the Place of the Aylesbury site. */
	static final String BUCKS = "14Y";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TeamRepository teams;

	@Autowired
	Caseload caseload;

	/** The person on the caseload of the test's own Buckinghamshire team, so grants never open another test's. */
	UUID entry;

	/** A care coordinator of the team's site, who is not on the team (the demo's Aylesbury hub coordinator). */
	String coordinator = "";

	/** A clinical supervisor of Buckinghamshire. */
	String supervisor = "";

	@BeforeEach
	void aTeamOfBuckinghamshireWithAPersonOnItsCaseload() {
		Team team = NeighbourhoodTestData.newTeamNear(context, jdbc, teams, "BK-AYL");
		entry = caseload.add(team, NeighbourhoodTestData.person(context, team),
				NeighbourhoodTestData.practiceOf(team), "test", null, "tester").getId();
		coordinator = staff("coordinator", Role.CARE_COORDINATOR, OrganisationScope.site(team.getSiteCode()));
		supervisor = staff("supervisor", Role.CLINICAL_SUPERVISOR, OrganisationScope.place(BUCKS));
	}

	String staff(String prefix, Role role, OrganisationScope scope) {
		return IdentityFixtures.staffUser(jdbc, prefix, scope, role);
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String nhsNumberOf(UUID entryId) {
		return jdbc.sql("SELECT nhs_number FROM neighbourhood.caseload_entry WHERE id = ?")
			.param(entryId)
			.query(String.class)
			.single();
	}

	MvcTestResult breakGlass(String username, UUID entryId, String code, String reason) {
		return mvc.post()
			.uri("/neighbourhood/care-plans/{id}/break-glass", entryId)
			.param("reasonCode", code)
			.param("reason", reason)
			.with(as(username))
			.with(csrf())
			.exchange();
	}

	long auditEntries(String username, String nhsNumber, String outcome) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = ? AND nhs_number = ? AND outcome = ?")
			.params(username, nhsNumber, outcome)
			.query(Long.class)
			.single();
	}

	/**
	 * Staff of each kind the demo has outside the person's reach (Buckinghamshire and Berkshire West delivery, the ICB
	 * administrator, an Oxford City INT member, the Oxfordshire supervisor, a Reading coordinator), made for the test:
	 * role, scope level and scope code (none for the ICB).
	 */
	@ParameterizedTest(name = "{0} of {1} {2}")
	@CsvSource({ "PLACE_DELIVERY, PLACE, 14Y", "PLACE_DELIVERY, PLACE, 15A", "ICB_ADMIN, ICB,",
			"INT_MEMBER, SITE, OX-CTY", "CLINICAL_SUPERVISOR, PLACE, 10Q", "CARE_COORDINATOR, SITE, BW-RDG" })
	void isRefusedToAdministratorsPlaceDeliveryAndAnyoneOutsideThePersonsPlace(Role role,
			OrganisationScope.Level level, @Nullable String code) {
		String username = staff("refused", role, new OrganisationScope(level, code));
		MvcTestResult page = mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as(username)).exchange();
		assertThat(page).hasStatus(403);
		assertThat(page).bodyText().doesNotContain("Break the glass and view the plan");
		assertThat(breakGlass(username, entry, "EMERGENCY", "Seeing the person after a fall in the UTC today"))
			.hasStatus(403);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as(username))).hasStatus(403);
		assertThat(auditEntries(username, nhsNumberOf(entry), "BREAK_GLASS")).isZero();
		assertThat(auditEntries(username, nhsNumberOf(entry), "REFUSED")).isPositive();
	}

	@Test
	void opensThePlanForAClinicianInScopeAuditedShownAndReviewed() {
		String nhsNumber = nhsNumberOf(entry);
		String supervisorOxon = staff("supervisor-oxon", Role.CLINICAL_SUPERVISOR, OrganisationScope.place("10Q"));
		MvcTestResult refused = mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as(coordinator)).exchange();
		assertThat(refused).hasStatus(403);
		assertThat(refused).bodyText()
			.contains("Break the glass and view the plan", "Emergency: the person needs urgent care now");

		assertThat(breakGlass(coordinator, entry, "EMERGENCY",
				"Caller in the hub today with chest pain, plan needed for medicines")).hasStatus3xxRedirection();
		MvcTestResult plan = mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as(coordinator)).exchange();
		assertThat(plan).hasStatusOk();
		assertThat(plan).bodyText()
			.contains("Break-glass access to this plan", "Emergency: the person needs urgent care now",
					"not reviewed yet");
		// the grant and the view
		assertThat(auditEntries(coordinator, nhsNumber, "BREAK_GLASS")).isEqualTo(2);

		// on the review list of the supervisors of Buckinghamshire, not of Oxfordshire
		assertThat(mvc.get().uri("/neighbourhood/break-glass").with(as(supervisor))).hasStatusOk()
			.bodyText()
			.contains("Caller in the hub today with chest pain");
		assertThat(mvc.get().uri("/neighbourhood/break-glass").with(as(supervisorOxon))).hasStatusOk()
			.bodyText()
			.doesNotContain("Caller in the hub today with chest pain");
		assertThat(mvc.get().uri("/neighbourhood/break-glass").with(as(coordinator))).hasStatus(403);

		long id = jdbc.sql("SELECT id FROM neighbourhood.break_glass_access WHERE caseload_entry_id = ? "
				+ "AND username = ?").params(entry, coordinator).query(Long.class).single();
		assertThat(mvc.post()
			.uri("/neighbourhood/break-glass/{id}/review", id)
			.param("outcome", "APPROPRIATE")
			.with(as(supervisorOxon))
			.with(csrf())).hasStatus(403);
		assertThat(mvc.post()
			.uri("/neighbourhood/break-glass/{id}/review", id)
			.param("outcome", "APPROPRIATE")
			.param("note", "Urgent same-day care")
			.with(as(supervisor))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(jdbc.sql("SELECT review_outcome FROM neighbourhood.break_glass_access WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("APPROPRIATE");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.admin_action WHERE username = ? "
				+ "AND action = 'BREAK_GLASS_REVIEWED' AND target LIKE ?").params(supervisor, "%" + nhsNumber)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as(coordinator))).bodyText()
			.contains("reviewed: Appropriate");
	}

	@Test
	void neverOpensThePlanOverTheApiEvenAfterBreakingTheGlass() {
		String memberOfAylesbury = staff("neighbourhood-bucks", Role.INT_MEMBER, OrganisationScope.site("BK-AYL"));
		UUID carePlan = jdbc.sql("SELECT care_plan_id FROM neighbourhood.caseload_entry WHERE id = ?")
			.param(entry)
			.query(UUID.class)
			.single();
		assertThat(breakGlass(supervisor, entry, "SAFEGUARDING",
				"Safeguarding concern raised by the ambulance service tonight")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as(supervisor))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/care-plans/{id}", carePlan).with(as(supervisor))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/care-plans/{id}", carePlan).with(as(memberOfAylesbury)))
			.as("APIs are for systems with access tokens: no one's page sign-in opens them").hasStatus(403);
	}

	@Test
	void needsAReasonFromTheListAndAnExplanation() {
		MvcTestResult noCode = breakGlass(coordinator, entry, "", "Seeing the person after a fall in the UTC today");
		assertThat(noCode).hasStatus(403);
		assertThat(noCode).bodyText().contains("Choose why you need to see this plan now");
		MvcTestResult tampered = breakGlass(coordinator, entry, "JUST_CURIOUS",
				"Seeing the person after a fall in the UTC today");
		assertThat(tampered).bodyText().contains("Choose why you need to see this plan now");
		MvcTestResult tooShort = breakGlass(coordinator, entry, "OTHER", "need it");
		assertThat(tooShort).bodyText().contains("in at least 20 characters");
		assertThat(mvc.get().uri("/neighbourhood/care-plans/{id}", entry).with(as(coordinator))).hasStatus(403);
		assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood.break_glass_access WHERE caseload_entry_id = ?")
			.param(entry)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSupervisorCannotReviewTheirOwnUse() {
		assertThat(breakGlass(supervisor, entry, "COVERING",
				"Covering the Aylesbury INT on the bank holiday weekend")).hasStatus3xxRedirection();
		long id = jdbc.sql("SELECT id FROM neighbourhood.break_glass_access WHERE caseload_entry_id = ? "
				+ "AND username = ?").params(entry, supervisor).query(Long.class).single();
		MvcTestResult review = mvc.post()
			.uri("/neighbourhood/break-glass/{id}/review", id)
			.param("outcome", "APPROPRIATE")
			.with(as(supervisor))
			.with(csrf())
			.exchange();
		assertThat(review).hasStatus3xxRedirection();
		assertThat(review).flash().containsEntry("problem",
				"You cannot review your own use of break-glass: another supervisor must");
		assertThat(jdbc.sql("SELECT reviewed_at IS NULL FROM neighbourhood.break_glass_access WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

}
