package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * GET /api/v1/care-plans/{id}: FHIR R4 parsed back with HAPI, access-checked like the page, audited; for a team, care
 * team, person and plan each test makes.
 */
@NeighbourhoodModuleTest
class CarePlanFhirApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FhirContext fhir;

	@Autowired
	TeamRepository teams;

	@Autowired
	TeamMemberRepository members;

	@Autowired
	Caseload caseload;

	@Autowired
	ApplicationContext context;

	/** The test's own team, for its name and its members' usernames. */
	Team team;

	TeamMember keyworker;

	CaseloadEntry planWithGoalsAndActions() {
		team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		keyworker = NeighbourhoodTestData.careTeam(jdbc, members, team);
		LocalDate target = LocalDate.now().plusMonths(3);
		PlanContent plan = new PlanContent("To keep living at home with my cat",
				List.of(new PlanContent.Goal("g1", "Walk to the post office", target, GoalStatus.IMPROVING),
						new PlanContent.Goal("g2", "Sleep better", target, GoalStatus.PROPOSED)),
				List.of(new PlanAction("a1", "Home safety check", keyworker.getId(), null, target,
						ActionStatus.NOT_STARTED, null),
						new PlanAction("a2", "Lunch club", null, "Age UK Oxfordshire", target, ActionStatus.DONE,
								null)),
				"Pendant alarm, then daughter", target);
		return NeighbourhoodTestData.agreedPlan(caseload, team, NeighbourhoodTestData.person(context, team),
				keyworker.getId(), plan);
	}

	long audits(String nhsNumber) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ? AND page = 'FHIR API: care plan'")
			.param(nhsNumber)
			.query(Long.class)
			.single();
	}

	@Test
	void aSystemWithTheScopeGetsTheCarePlanAsFhirWithGoalsAndTheCareTeamAndTheReadIsAudited() throws Exception {
		CaseloadEntry entry = planWithGoalsAndActions();
		long before = audits(entry.getNhsNumber().value());
		MvcTestResult result = mvc.get().uri("/api/v1/care-plans/" + entry.getCarePlanId())
			.with(tokens.bearer("careplan.read")).exchange();
		assertThat(result).hasStatusOk().contentType().isCompatibleWith("application/fhir+json");
		CarePlan plan = fhir.newJsonParser().parseResource(CarePlan.class, result.getResponse().getContentAsString());

		assertThat(plan.getIdElement().getIdPart()).isEqualTo(entry.getCarePlanId().toString());
		// no profile claimed that the tests' validator cannot check (see docs/neighbourhood.md)
		assertThat(plan.getMeta().getProfile()).isEmpty();
		assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
		assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
		assertThat(plan.getDescription()).isEqualTo("To keep living at home with my cat");
		assertThat(plan.getSubject().getIdentifier().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
		assertThat(plan.getSubject().getIdentifier().getValue()).isEqualTo(entry.getNhsNumber().value());

		List<Resource> contained = plan.getContained();
		List<Goal> goals = contained.stream().filter(Goal.class::isInstance).map(Goal.class::cast).toList();
		assertThat(goals).extracting(g -> g.getDescription().getText())
			.containsExactly("Walk to the post office", "Sleep better");
		assertThat(goals.get(0).getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.ACTIVE);
		assertThat(goals.get(0).getAchievementStatus().getCodingFirstRep().getCode()).isEqualTo("improving");
		assertThat(goals.get(1).getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.PROPOSED);
		assertThat(plan.getGoal()).extracting(r -> r.getReference()).containsExactly("#goal-1", "#goal-2");

		CareTeam team = contained.stream().filter(CareTeam.class::isInstance).map(CareTeam.class::cast)
			.findFirst().orElseThrow();
		assertThat(team.getMeta().getProfile()).isEmpty();
		assertThat(team.getName()).isEqualTo(this.team.getName());
		// the test's care team of three, the keyworker named as such
		assertThat(team.getParticipant()).extracting(p -> p.getMember().getDisplay())
			.containsExactlyInAnyOrder("Dr Gemma General", "Vic Volunteer", "Kim Keyworker");
		assertThat(team.getParticipant()).filteredOn(p -> p.getRole().stream().anyMatch(r -> "Keyworker".equals(r.getText())))
			.singleElement()
			.satisfies(p -> assertThat(p.getMember().getDisplay()).isEqualTo(keyworker.getName()));
		assertThat(plan.getCareTeamFirstRep().getReference()).isEqualTo("#care-team");

		assertThat(plan.getActivity()).hasSize(2);
		assertThat(plan.getActivity().get(0).getDetail().getDescription()).isEqualTo("Home safety check");
		assertThat(plan.getActivity().get(1).getDetail().getStatus())
			.isEqualTo(CarePlan.CarePlanActivityStatus.COMPLETED);
		assertThat(plan.getActivity().get(1).getDetail().getPerformerFirstRep().getDisplay())
			.isEqualTo("Age UK Oxfordshire");
		assertThat(plan.getNote()).anyMatch(n -> n.getText().contains("Pendant alarm"));
		assertThat(audits(entry.getNhsNumber().value())).isEqualTo(before + 1);
	}

	@Test
	void othersGetProblemJsonAndTheirRefusalsAreAudited() {
		CaseloadEntry entry = planWithGoalsAndActions();
		long before = audits(entry.getNhsNumber().value());
		long refusalsBefore = refusals("GET /api/v1/care-plans/" + entry.getCarePlanId());
		// a token without the scope
		MvcTestResult refused = mvc.get().uri("/api/v1/care-plans/" + entry.getCarePlanId())
			.with(tokens.bearer("triage.requests")).exchange();
		assertThat(refused).hasStatus(HttpStatus.FORBIDDEN).contentType().isCompatibleWith("application/problem+json");
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("careplan.read");
		// a member of staff signed in to the pages: their session opens no API
		assertThat(mvc.get().uri("/api/v1/care-plans/" + entry.getCarePlanId())
			.with(user(keyworker.getUsername()).roles("INT_MEMBER"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/care-plans/" + UUID.randomUUID())
			.with(tokens.bearer("careplan.read"))).hasStatus(HttpStatus.NOT_FOUND)
			.contentType().isCompatibleWith("application/problem+json");
		assertThat(mvc.get().uri("/api/v1/care-plans/not-a-uuid").with(tokens.bearer("careplan.read")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/care-plans/" + entry.getCarePlanId())).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/care-plans/" + entry.getCarePlanId())
			.with(tokens.bearer("careplan.read"))).hasStatusOk();
		// one view, by the system for the whole ICB; the two refusals as refusals of the address
		assertThat(audits(entry.getNhsNumber().value())).isEqualTo(before + 1);
		assertThat(refusals("GET /api/v1/care-plans/" + entry.getCarePlanId())).isEqualTo(refusalsBefore + 2);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ? AND page = 'FHIR API: care plan' "
				+ "AND outcome = 'VIEWED' AND username = ? AND purpose LIKE 'System (API client)%'")
			.params(entry.getNhsNumber().value(), tokens.clientId()).query(Long.class).single()).isEqualTo(1);
	}

	long refusals(String page) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE page = ? AND outcome = 'REFUSED'")
			.param(page)
			.query(Long.class)
			.single();
	}

}
