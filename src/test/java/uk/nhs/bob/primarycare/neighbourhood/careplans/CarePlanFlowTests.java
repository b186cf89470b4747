package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.neighbourhood.CarePlanAgreed;
import uk.nhs.bob.primarycare.neighbourhood.CarePlanReviewed;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadPersonAdded;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadPersonDischarged;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A member's whole journey through the pages: add a candidate, write the plan (bad input first), agree it, review
 * it, discharge; every step versioned and the module's events published. Then the conflict of two savers. Each test
 * makes its team, its keyworker and its people (candidates through their frailty register rows).
 */
@NeighbourhoodModuleTest
@RecordApplicationEvents
class CarePlanFlowTests {

	static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/yyyy");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	CohortDefinitionRepository definitions;

	@Autowired
	Candidates candidates;

	@Autowired
	Caseload caseload;

	@Autowired
	CaseloadEntryRepository entries;

	@Autowired
	ApplicationEvents events;

	NeighbourhoodTestData.TeamOfItsOwn own;

	/** A member of another team, who may not see this team's people. */
	RequestPostProcessor otherTeamsMember;

	@BeforeEach
	void aTeamOfItsOwn() {
		own = NeighbourhoodTestData.teamOfItsOwn(context);
		otherTeamsMember = NeighbourhoodTestData.teamOfItsOwn(context).member();
	}

	RequestPostProcessor member() {
		return own.member();
	}

	Team team() {
		return own.team();
	}

	String candidatePage() {
		return "/neighbourhood/teams/" + own.siteCode() + "/candidates/";
	}

	static String typed(LocalDate date) {
		return TYPED.format(date);
	}

	@Test
	void aMemberAddsACandidateWritesAgreesReviewsAndDischargesThePlan() {
		Team team = team();
		String nhs = own.candidate().value();
		String base = candidatePage() + nhs;
		assertThat(mvc.get().uri(base).with(member())).hasStatusOk().bodyText().contains("Add to caseload", "Meets:");

		// bad input: nothing saved, the error says what to do
		assertThat(mvc.post().uri(base + "/add").param("reason", " ").param("keyworkerId", "not-a-member")
			.with(member()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter why the person is being added", "Choose a keyworker from the team");
		assertThat(entries.findByNhsNumber(new NhsNumber(nhs))).noneMatch(e -> e.getTeamId().equals(team.getId()));

		UUID keyworker = own.memberId();
		MvcTestResult added = mvc.post().uri(base + "/add").param("reason", "Two falls since the spring")
			.param("keyworkerId", keyworker.toString()).with(member()).with(csrf()).exchange();
		assertThat(added).hasStatus(HttpStatus.FOUND);
		CaseloadEntry entry = entries.findByNhsNumber(new NhsNumber(nhs)).stream()
			.filter(e -> e.getTeamId().equals(team.getId()) && e.getStatus().open())
			.findFirst()
			.orElseThrow();
		assertThat(added).hasRedirectedUrl("/neighbourhood/care-plans/" + entry.getId());
		assertThat(events.stream(CaseloadPersonAdded.class))
			.anyMatch(e -> e.caseloadEntryId().equals(entry.getId()) && e.nhsNumber().equals(new NhsNumber(nhs))
					&& e.siteCode().equals(own.siteCode()));
		// no longer a candidate
		assertThat(candidates.candidates(team)).noneMatch(c -> c.nhsNumber().value().equals(nhs));

		String plan = "/neighbourhood/care-plans/" + entry.getId();
		LocalDate target = LocalDate.now().plusMonths(2);
		// bad dates: the page comes back with what was typed and the messages
		assertThat(mvc.post().uri(plan).param("version", "0").param("whatMatters", "Gardening with my grandson")
			.param("goals[0].description", "Walk to the allotment").param("goals[0].targetDate", "31/2/2027")
			.param("goals[0].status", "PROPOSED").param("actions[0].description", "Falls clinic referral")
			.param("actions[0].dueDate", "soon").param("actions[0].status", "NOT_STARTED")
			.param("nextReviewDate", "1/1/2001").with(member()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Target date of goal 1 must be a real date", "Due date of action 1 must be a real date",
					"Choose a member or type an organisation who owns action 1",
					"Next review date must be today or in the future", "Gardening with my grandson", "31/2/2027");
		assertThat(entries.findById(entry.getId()).orElseThrow().getVersion()).isZero();

		assertThat(mvc.post().uri(plan).param("version", "0").param("whatMatters", "Gardening with my grandson")
			.param("goals[0].description", "Walk to the allotment").param("goals[0].targetDate", typed(target))
			.param("goals[0].status", "IN_PROGRESS").param("goals[1].description", "").param("goals[1].targetDate", "")
			.param("goals[1].status", "PROPOSED").param("actions[0].description", "Falls clinic referral")
			.param("actions[0].ownerMemberId", keyworker.toString()).param("actions[0].dueDate", typed(target))
			.param("actions[0].status", "NOT_STARTED").param("actions[1].description", "Befriending visits")
			.param("actions[1].ownerOrganisation", "Age UK Oxfordshire").param("actions[1].dueDate", typed(target))
			.param("actions[1].status", "IN_PROGRESS").param("contingencyPlan", "Call the daughter, then 111")
			.param("nextReviewDate", typed(target)).with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(plan).with(member())).hasStatusOk()
			.bodyText()
			.contains("Gardening with my grandson", "Walk to the allotment", "Age UK Oxfordshire",
					"Goal added: Walk to the allotment", "Action added: Befriending visits", own.memberName());

		long version = entries.findById(entry.getId()).orElseThrow().getVersion();
		assertThat(mvc.post().uri(plan + "/status").param("version", Long.toString(version))
			.param("status", "PLAN_AGREED").with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		CaseloadEntry agreed = entries.findById(entry.getId()).orElseThrow();
		assertThat(agreed.getStatus()).isEqualTo(CaseloadStatus.PLAN_AGREED);
		assertThat(events.stream(CarePlanAgreed.class)).anyMatch(e -> e.carePlanId().equals(agreed.getCarePlanId())
				&& e.agreedOn().equals(LocalDate.now()) && e.siteCode().equals(own.siteCode()));

		LocalDate next = LocalDate.now().plusMonths(6);
		assertThat(mvc.post().uri(plan + "/review").param("version", Long.toString(agreed.getVersion()))
			.param("nextReviewDate", "yesterday").with(member()).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText().contains("Next review date must be a real date");
		assertThat(mvc.post().uri(plan + "/review").param("version", Long.toString(agreed.getVersion()))
			.param("nextReviewDate", typed(next)).with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(events.stream(CarePlanReviewed.class))
			.anyMatch(e -> e.carePlanId().equals(agreed.getCarePlanId()) && e.nextReviewDue().equals(next));

		CaseloadEntry reviewed = entries.findById(entry.getId()).orElseThrow();
		assertThat(mvc.post().uri(plan + "/discharge").param("version", Long.toString(reviewed.getVersion()))
			.param("reason", "").with(member()).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText().contains("Enter the reason for discharge");
		assertThat(mvc.post().uri(plan + "/discharge").param("version", Long.toString(reviewed.getVersion()))
			.param("reason", "Goals achieved").with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(events.stream(CaseloadPersonDischarged.class))
			.anyMatch(e -> e.caseloadEntryId().equals(entry.getId()) && e.reason().equals("Goals achieved"));
		assertThat(mvc.get().uri(plan).with(member())).hasStatusOk()
			.bodyText()
			.contains("Discharged", "Goals achieved", "Status: Plan agreed to Discharged")
			.doesNotContain("Edit the care plan");
		assertThat(caseload.history(entry.getId())).hasSize(5);
	}

	@Test
	void planAgreedNeedsWhatMattersAGoalAndAReviewDate() {
		CaseloadEntry entry = own.entry();
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry.getId() + "/status")
			.param("version", Long.toString(entry.getVersion())).param("status", "PLAN_AGREED")
			.with(member()).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Before the plan is agreed");
		assertThat(entries.findById(entry.getId()).orElseThrow().getStatus()).isEqualTo(CaseloadStatus.IDENTIFIED);
	}

	CaseloadEntry freshEntry() {
		return own.entry();
	}

	@Test
	void editsOfDifferentFieldsMergeByThemselves() {
		CaseloadEntry entry = freshEntry();
		String plan = "/neighbourhood/care-plans/" + entry.getId();
		String opened = Long.toString(entry.getVersion());
		assertThat(mvc.post().uri(plan).param("version", opened).param("whatMatters", "A: staying at home")
			.param("contingencyPlan", "").with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		// B opened the same version and changed only the contingency plan
		assertThat(mvc.post().uri(plan).param("version", opened).param("whatMatters", "")
			.param("contingencyPlan", "B: ring the district nurses").with(member()).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.flash()
			.containsEntry("saved", "Care plan saved. Changes others saved while you were editing were kept: "
					+ "What matters to me");
		CaseloadEntry stored = entries.findById(entry.getId()).orElseThrow();
		assertThat(stored.whatMatters()).isEqualTo("A: staying at home");
		assertThat(stored.contingencyPlan()).isEqualTo("B: ring the district nurses");
		assertThat(caseload.history(entry.getId()).get(0).changes()).anyMatch(c -> c.startsWith("Merged with version 2"));
	}

	@Test
	void aConflictShowsOnlyTheFieldsBothChangedAndTheTextNotChosenStaysReadable() {
		CaseloadEntry entry = freshEntry();
		String plan = "/neighbourhood/care-plans/" + entry.getId();
		String opened = Long.toString(entry.getVersion());
		assertThat(mvc.post().uri(plan).param("version", opened).param("whatMatters", "First saver words")
			.param("contingencyPlan", "").with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		MvcTestResult second = mvc.post().uri(plan).param("version", opened)
			.param("whatMatters", "Second saver words").param("contingencyPlan", "Ring the district nurses")
			.with(member()).with(csrf()).exchange();
		assertThat(second).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else changed this care plan", "Both changed: What matters to me", "First saver words",
					"Second saver words", "Save with these choices")
			.doesNotContain("Both changed: Contingency");
		assertThat(entries.findById(entry.getId()).orElseThrow().whatMatters()).isEqualTo("First saver words");
		// saving without a choice shows the conflict again, saving nothing
		assertThat(mvc.post().uri(plan).param("version", opened).param("against", "1")
			.param("whatMatters", "Second saver words").param("contingencyPlan", "Ring the district nurses")
			.with(member()).with(csrf())).hasStatus(HttpStatus.CONFLICT);
		// a choice made against an older current version counts for nothing
		assertThat(mvc.post().uri(plan).param("version", opened).param("against", "0")
			.param("choice.whatMatters", "MINE").param("whatMatters", "Second saver words")
			.param("contingencyPlan", "Ring the district nurses").with(member()).with(csrf()))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.post().uri(plan).param("version", opened).param("against", "1")
			.param("choice.whatMatters", "THEIRS").param("whatMatters", "Second saver words")
			.param("contingencyPlan", "Ring the district nurses").with(member()).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		CaseloadEntry stored = entries.findById(entry.getId()).orElseThrow();
		assertThat(stored.whatMatters()).isEqualTo("First saver words");
		assertThat(stored.contingencyPlan()).isEqualTo("Ring the district nurses");
		assertThat(caseload.history(entry.getId())).extracting(Caseload.PlanVersion::number).containsExactly(3L, 2L, 1L);
		// the second saver's words are still readable: with version 3, and version 2 in full
		assertThat(mvc.get().uri(plan + "/versions/3").with(member())).hasStatusOk()
			.bodyText()
			.contains("Proposed in this save but not chosen", "Second saver words", "First saver words");
		assertThat(mvc.get().uri(plan + "/versions/2").with(member())).hasStatusOk()
			.bodyText()
			.contains("Care plan version 2 of 3", "First saver words");
		assertThat(mvc.get().uri(plan + "/compare?from=1&to=3").with(member())).hasStatusOk()
			.bodyText()
			.contains("Version 1 compared with version 3", "What matters to me", "First saver words",
					"Ring the district nurses");
		assertThat(mvc.get().uri(plan + "/versions/9").with(member())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(plan + "/compare?from=x&to=2").with(member())).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri(plan + "/versions/2").with(otherTeamsMember))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void choosingYoursKeepsYoursAndTheirsStaysInTheHistory() {
		CaseloadEntry entry = freshEntry();
		String plan = "/neighbourhood/care-plans/" + entry.getId();
		String opened = Long.toString(entry.getVersion());
		caseload.savePlan(entry.getId(), entry.getVersion(),
				new PlanContent("Theirs", List.of(), List.of(), "", null), "someone-else");
		assertThat(mvc.post().uri(plan).param("version", opened).param("against", "1")
			.param("choice.whatMatters", "MINE").param("whatMatters", "Mine").param("contingencyPlan", "")
			.with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(entries.findById(entry.getId()).orElseThrow().whatMatters()).isEqualTo("Mine");
		assertThat(caseload.storedVersion(entry.getId(), 2).orElseThrow().snapshot().plan().whatMatters())
			.isEqualTo("Theirs");
	}

	@Test
	void forgedGoalIdsAndActionSourcesAreNotStored() {
		CaseloadEntry entry = freshEntry();
		UUID owner = own.memberId();
		String due = typed(LocalDate.now().plusWeeks(2));
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry.getId())
			.param("version", Long.toString(entry.getVersion())).param("whatMatters", "x").param("contingencyPlan", "")
			.param("goals[0].id", "forged-goal").param("goals[0].description", "Walk").param("goals[0].targetDate", due)
			.param("goals[0].status", "PROPOSED").param("actions[0].id", "forged-action")
			.param("actions[0].description", "Visit").param("actions[0].ownerMemberId", owner.toString())
			.param("actions[0].dueDate", due).param("actions[0].status", "NOT_STARTED")
			.param("actions[0].source", "MDT meeting 1 Jan 2020")
			.with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		PlanContent stored = new PlanDocuments(tools.jackson.databind.json.JsonMapper.builder().build())
			.content(entries.findById(entry.getId()).orElseThrow());
		assertThat(stored.goals()).singleElement().satisfies(g -> assertThat(g.id()).isNotEqualTo("forged-goal"));
		assertThat(stored.actions()).singleElement().satisfies(a -> {
			assertThat(a.id()).isNotEqualTo("forged-action");
			assertThat(a.source()).isNull();
		});
	}

	@Test
	void aDischargedPersonReturnsOnlyWhenTheirDataChangeAndReAddingOpensALinkedEpisode() {
		Team team = team();
		CaseloadEntry first = own.entryOf(own.candidate());
		String nhs = first.getNhsNumber().value();
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + first.getId() + "/discharge")
			.param("version", Long.toString(first.getVersion())).param("reason", "Goals achieved")
			.with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(candidates.candidates(team)).noneMatch(c -> c.nhsNumber().value().equals(nhs));
		jdbc.sql("UPDATE neighbourhood.frailty_profile SET fingerprint = 'changed-" + UUID.randomUUID()
				+ "' WHERE nhs_number = ?").param(nhs).update();
		assertThat(candidates.candidates(team)).anyMatch(c -> c.nhsNumber().value().equals(nhs));
		assertThat(mvc.post().uri(candidatePage() + nhs + "/add")
			.param("reason", "Fell again").param("keyworkerId", own.memberId().toString())
			.with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		CaseloadEntry second = entries.findByNhsNumber(new NhsNumber(nhs)).stream()
			.filter(e -> e.getTeamId().equals(team.getId()) && e.getStatus().open())
			.findFirst()
			.orElseThrow();
		assertThat(second.getId()).isNotEqualTo(first.getId());
		assertThat(second.getPreviousEntryId()).isEqualTo(first.getId());
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + second.getId()).with(member())).hasStatusOk()
			.bodyText()
			.contains("Episodes with this team", "Episode 1: added", "Goals achieved", "Episode 2 (this one)",
					"A new episode: the earlier one");
		// the earlier episode's plan and history stay readable
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + first.getId()).with(member())).hasStatusOk()
			.bodyText()
			.contains("Discharged");
	}

	@Test
	void aListIndexBeyondTheLimitIsABadRequestNotAServerError() {
		CaseloadEntry entry = freshEntry();
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry.getId())
			.param("version", Long.toString(entry.getVersion())).param("whatMatters", "x")
			.param("goals[256].description", "too far").with(member()).with(csrf()))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry.getId())
			.param("version", Long.toString(entry.getVersion())).param("whatMatters", "x")
			.param("goals[99999999999].description", "too far").with(member()).with(csrf()))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aStaleStatusChangeIsRefusedWithTheCurrentVersion() {
		CaseloadEntry entry = own.entry();
		caseload.changeStatus(entry.getId(), entry.getVersion(), CaseloadStatus.ASSESSED, own.memberName());
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry.getId() + "/status")
			.param("version", Long.toString(entry.getVersion())).param("status", "UNDER_REVIEW")
			.with(member()).with(csrf())).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else changed this plan after you opened it");
		assertThat(entries.findById(entry.getId()).orElseThrow().getStatus()).isEqualTo(CaseloadStatus.ASSESSED);
	}

	@Test
	void aDismissedCandidateStaysAwayUntilTheirQualifyingDataChange() {
		Team team = team();
		String nhs = own.candidate().value();
		assertThat(candidates.candidates(team)).anyMatch(c -> c.nhsNumber().value().equals(nhs));
		assertThat(mvc.post().uri(candidatePage() + nhs + "/dismiss")
			.param("dismissReason", "").with(member()).with(csrf())).hasStatusOk()
			.bodyText().contains("Enter why the person does not need the team now");
		assertThat(mvc.post().uri(candidatePage() + nhs + "/dismiss")
			.param("dismissReason", "Already under the community matron").with(member()).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(candidates.candidates(team)).noneMatch(c -> c.nhsNumber().value().equals(nhs));
		// a refresh that finds new data gives a new fingerprint
		jdbc.sql("UPDATE neighbourhood.frailty_profile SET fingerprint = 'changed-" + UUID.randomUUID()
				+ "' WHERE nhs_number = ?").param(nhs).update();
		assertThat(candidates.candidates(team)).anyMatch(c -> c.nhsNumber().value().equals(nhs));
	}

	@Test
	void cohortDefinitionsRejectBadInputKeepingWhatWasTyped() {
		assertThat(mvc.post().uri("/neighbourhood/teams/" + own.siteCode() + "/cohorts").param("name", "")
			.param("minimumLongTermConditions", "three").param("mostDeprivedQuintiles", "9").param("version", "0")
			.with(member()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Enter a name for the cohort", "Number of long-term conditions must be a whole number from 1 to 10",
					"three", "Choose how many of the most deprived quintiles");
		assertThat(mvc.post().uri("/neighbourhood/teams/" + own.siteCode() + "/cohorts").param("name", "Deprivation only")
			.param("mostDeprivedQuintiles", "1").param("version", "0").with(member()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("deprivation alone is not a cohort");
		assertThat(mvc.post().uri("/neighbourhood/teams/" + own.siteCode() + "/cohorts").param("name", "Bucks test")
			.param("minimumFrailty", "SEVERE").param("version", "0")
			.with(otherTeamsMember).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		List<String> before = definitions.findAll().stream().map(d -> d.criteria().name()).toList();
		assertThat(before).doesNotContain("Deprivation only", "Bucks test");
	}

}
