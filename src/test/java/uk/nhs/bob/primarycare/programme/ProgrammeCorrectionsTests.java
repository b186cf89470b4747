package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintKind;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.improvement.Improvement;
import uk.nhs.bob.primarycare.programme.improvement.PdsaCycle;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.portfolio.Portfolio;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.sites.Sector;
import uk.nhs.bob.primarycare.programme.sites.SiteTeams;
import uk.nhs.bob.primarycare.programme.spc.Measure;
import uk.nhs.bob.primarycare.programme.spc.Measures;
import uk.nhs.bob.primarycare.programme.spc.Spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Everything is correctable with its history (who, when, why, before and after), stale edits are refused and keep
 * what was typed, cohorts close when finished or full, and the improvement structure links cycles to change ideas,
 * measures and each other.
 */
@ProgrammeModuleTest
class ProgrammeCorrectionsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Programme programme;

	/** An ICB administrator and a delivery team member of Berkshire West (15A), made for each test. */
	@RegisterExtension
	final ProgrammeStaff staff = new ProgrammeStaff();

	/** A delivery team member of Oxfordshire (10Q), made for the test. */
	private String deliveryOxon = "";

	@BeforeEach
	void staffOfOxfordshire() {
		deliveryOxon = staff.user("delivery-oxon", OrganisationScope.place("10Q"), Role.PLACE_DELIVERY);
	}

	@Autowired
	Measures measures;

	@Autowired
	Improvement improvement;

	@Autowired
	SiteTeams teams;

	@Autowired
	ChangeLog changes;

	@Autowired
	Portfolio portfolio;

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/London"));
	}

	private ProgrammeSite newSite() {
		return programme.addSite("Corrections " + UUID.randomUUID().toString().substring(0, 8), "15A", "",
				Set.of(new FootprintCode(FootprintKind.SITE, "BW-RDG")));
	}

	private Cohort newCohort(String workstream, int max) {
		return programme.addCohort(workstream, "Corrections cohort " + UUID.randomUUID().toString().substring(0, 6),
				today().minusMonths(1), today().plusMonths(5), max, "");
	}

	private Project newProject(String workstream) {
		ProgrammeSite site = newSite();
		programme.enrol(site.id(), newCohort(workstream, 50).id(), today());
		return programme.project(site.id(), workstream).orElseThrow();
	}

	private MvcTestResult post(String uri, String... params) {
		var request = mvc.post().uri(uri).with(user(staff.delivery()).roles("PLACE_DELIVERY")).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		MvcTestResult result = request.exchange();
		SignedIn.as(staff.admin(), "ICB_ADMIN");
		return result;
	}

	private String get(String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(user(staff.delivery()).roles("PLACE_DELIVERY")).exchange();
		SignedIn.as(staff.admin(), "ICB_ADMIN");
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static String[] date(String prefix, LocalDate date) {
		return new String[] { prefix + "Day", String.valueOf(date.getDayOfMonth()), prefix + "Month",
				String.valueOf(date.getMonthValue()), prefix + "Year", String.valueOf(date.getYear()) };
	}

	private static String[] join(String[]... parts) {
		return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
	}

	@Test
	void aMeasureIsEditedRetiredAndReinstatedWithItsHistoryAndAStaleEditKeepsWhatWasTyped() {
		Project project = newProject("CVD");
		Measure measure = measures.add(project.id(), new Measures.Draft("Invitations", Measure.Kind.PROCESS,
				"Invitations sent", Spc.Direction.INCREASE, "invitations", null, null, null, 10));
		String uri = "/programme/projects/" + project.id() + "/measures/" + measure.id();
		String[] edit = { "name", "Invitations sent", "kind", "PROCESS", "definition", "Invitations sent in the week",
				"direction", "INCREASE", "unit", "invitations", "minimumN", "10" };
		assertThat(post(uri, join(edit, new String[] { "target", "40", "version", String.valueOf(measure.version()) })))
			.hasStatus3xxRedirection();
		// another change from the page read before that save: refused, typed values kept
		MvcTestResult stale = post(uri, join(edit, new String[] { "target", "55", "version",
				String.valueOf(measure.version()) }));
		assertThat(stale).hasStatus(HttpStatus.CONFLICT).bodyText().contains("Someone else saved", "Invitations sent in the week");
		assertThat(measures.find(project.id(), measure.id()).orElseThrow().target()).isEqualByComparingTo("40");
		String page = get(uri);
		assertThat(page).contains("Measure changed", "Target: ", "(none)</span> → <span>40", "Name: ",
				"Invitations</span> → <span>Invitations sent");
		// retire with a reason: the measure leaves the summaries, keeps its page and history; then reinstate
		long version = measures.find(project.id(), measure.id()).orElseThrow().version();
		assertThat(post(uri + "/retire", "reason", "", "version", String.valueOf(version))).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter the reason");
		assertThat(post(uri + "/retire", "reason", "Replaced by the outreach feed", "version", String.valueOf(version)))
			.hasStatus3xxRedirection();
		assertThat(get("/programme/sites/" + project.siteId())).doesNotContain("data-measure-id=\"" + measure.id() + "\"");
		assertThat(get(uri)).contains("Retired on", "Replaced by the outreach feed", "Measure retired");
		long retired = measures.find(project.id(), measure.id()).orElseThrow().version();
		assertThat(post(uri + "/reinstate", "version", String.valueOf(retired))).hasStatus3xxRedirection();
		assertThat(get(uri)).contains("Measure reinstated");
	}

	@Test
	void aValueEnteredByHandIsCorrectedAndRemovedWithTheReasonKept() {
		Project project = newProject("SAME_DAY");
		Measure measure = measures.add(project.id(), new Measures.Draft("Calls", Measure.Kind.PROCESS, "Calls",
				Spc.Direction.INCREASE, "calls", null, null, null, 10));
		LocalDate week = IsoWeek.of(today()).monday().minusWeeks(2);
		measures.enter(project.id(), measure.id(), week, new BigDecimal("12"));
		String uri = "/programme/projects/" + project.id() + "/measures/" + measure.id() + "/values/" + week;
		assertThat(post(uri, "value", "21", "reason", "", "version", "0")).hasStatusOk()
			.bodyText()
			.contains("Enter why the value is corrected", "21");
		assertThat(post(uri, "value", "21", "reason", "Typed the wrong week's count", "version", "0"))
			.hasStatus3xxRedirection();
		// corrected from a stale page: 409, the typed reason kept
		assertThat(post(uri, "value", "22", "reason", "Second correction", "version", "0"))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Second correction");
		assertThat(post(uri, "value", "", "reason", "Counted twice", "version", "1", "remove", "")).hasStatus3xxRedirection();
		assertThat(measures.handValues(measure.id())).isEmpty();
		assertThat(changes.forMeasure(measure.id())).extracting(ChangeLog.Entry::action, ChangeLog.Entry::reason)
			.contains(org.assertj.core.groups.Tuple.tuple("Corrected", "Typed the wrong week's count"),
					org.assertj.core.groups.Tuple.tuple("Removed", "Counted twice"));
		assertThat(get("/programme/projects/" + project.id() + "/measures/" + measure.id())).contains("12</span> → <span>21",
				"Counted twice");
	}

	@Test
	void aRebaseIsRemovedByTheOneSeenAndAStaleRemovalIsRefused() {
		Project project = newProject("INT");
		Measure measure = measures.add(project.id(), new Measures.Draft("Plans", Measure.Kind.OUTCOME, "Plans agreed",
				Spc.Direction.INCREASE, "plans", null, null, null, 10));
		LocalDate first = IsoWeek.of(today()).monday().minusWeeks(10);
		for (int w = 0; w < 10; w++) {
			measures.enter(project.id(), measure.id(), first.plusWeeks(w), BigDecimal.valueOf(10 + w % 3));
		}
		measures.rebase(project.id(), measure.id(), first.plusWeeks(5), "Huddle started");
		long rebaseId = measures.rebaseId(measure.id(), first.plusWeeks(5)).orElseThrow();
		String uri = "/programme/projects/" + project.id() + "/measures/" + measure.id() + "/rebases/"
				+ first.plusWeeks(5) + "/remove";
		assertThat(get(uri)).contains("Remove the recalculation", "value=\"" + rebaseId + "\"");
		assertThat(post(uri, "reason", "", "version", String.valueOf(rebaseId))).hasStatusOk()
			.bodyText()
			.contains("Enter the reason");
		// someone else removes it and adds it again: this removal, of the one first seen, is refused
		measures.removeRebase(project.id(), measure.id(), first.plusWeeks(5), rebaseId, "Wrong week");
		measures.rebase(project.id(), measure.id(), first.plusWeeks(5), "Right week after all");
		assertThat(post(uri, "reason", "No longer needed", "version", String.valueOf(rebaseId)))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("No longer needed");
		assertThat(measures.rebaseId(measure.id(), first.plusWeeks(5))).isPresent();
		assertThat(changes.forMeasure(measure.id())).extracting(ChangeLog.Entry::action)
			.contains("Limits recalculated", "Recalculation removed");
	}

	@Test
	void sitesTeamsAndMembersAreCorrectedWithTheirHistory() {
		ProgrammeSite site = newSite();
		ProgrammeSite other = newSite();
		String uri = "/programme/sites/" + site.id();
		// empty and duplicate names: form errors, nothing saved
		assertThat(post(uri, "name", "", "placeCode", "15A", "footprint", "BW-RDG", "description", "",
				"version", String.valueOf(site.version()))).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter the site name");
		assertThat(post(uri, "name", other.name(), "placeCode", "15A", "footprint", "BW-RDG", "description", "",
				"version", String.valueOf(site.version()))).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Another programme site already has this name");
		assertThat(programme.site(site.id()).orElseThrow().name()).isEqualTo(site.name());
		String renamed = site.name() + " renamed";
		assertThat(post(uri, "name", renamed, "placeCode", "15A", "footprint", "BW-RDG, BW-WOK", "description", "",
				"version", String.valueOf(site.version()))).hasStatus3xxRedirection();
		SiteTeams.Member member = teams.addMember(site.id(), new SiteTeams.MemberDraft("Ada Lovelace", "Analyst",
				"ICB", Sector.GENERAL_PRACTICE, "ada@nhs.net", "", Set.of("CVD")));
		assertThat(post(uri + "/team/members/" + member.id(), "name", "Ada King", "jobRole", "Lead analyst",
				"organisation", "ICB", "sector", "GENERAL_PRACTICE", "email", "not an email", "phone", "",
				"workstreams", "CVD", "version", String.valueOf(member.version()))).hasStatusOk()
			.bodyText()
			.contains("Enter an email address", "Ada King");
		assertThat(post(uri + "/team/members/" + member.id(), "name", "Ada King", "jobRole", "Lead analyst",
				"organisation", "ICB", "sector", "GENERAL_PRACTICE", "email", "ada@nhs.net", "phone", "",
				"workstreams", "CVD", "workstreams", "INT", "version", String.valueOf(member.version())))
			.hasStatus3xxRedirection();
		assertThat(post(uri + "/team/members/" + member.id() + "/remove", "reason", "Moved to another Place",
				"version", String.valueOf(member.version() + 1))).hasStatus3xxRedirection();
		String history = get(uri + "/history");
		assertThat(history).contains("Site changed", "Footprint: ", "BW-RDG</span> → <span>BW-RDG, BW-WOK",
				"Team member changed", "Ada Lovelace</span> → <span>Ada King", "Team member left the team",
				"Moved to another Place");
	}

	@Test
	void aCohortClosesWhenFullOrFinishedAndAWithdrawalOrTransferFreesItsPlace() {
		Cohort small = newCohort("CVD", 1);
		Cohort other = newCohort("CVD", 1);
		ProgrammeSite first = newSite();
		ProgrammeSite second = newSite();
		programme.enrol(first.id(), small.id(), today());
		// the second site's page says why the full cohort is closed and does not offer it
		String page = get("/programme/sites/" + second.id());
		assertThat(page).contains(small.name(), "already has 1 sites from Berkshire West");
		assertThat(page).doesNotContainPattern("<option value=\"" + small.id() + "\"");
		assertThat(page).containsPattern("<option value=\"" + other.id() + "\"");
		assertThat(post("/programme/sites/" + second.id() + "/enrolments", "cohortId", String.valueOf(small.id())))
			.hasStatusOk()
			.bodyText()
			.contains("There is a problem", "the most it takes from one Place");
		// a withdrawal needs a reason, given on its own form, which keeps what was typed
		Programme.EnrolmentRecord enrolment = programme.enrolments(first.id()).get(0);
		String withdraw = "/programme/sites/" + first.id() + "/enrolments/" + enrolment.id() + "/withdraw";
		assertThat(get(withdraw)).contains("Withdraw");
		assertThat(post(withdraw, "reason", " ", "version", String.valueOf(enrolment.version()))).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter the reason");
		assertThat(post(withdraw, "reason", "The practice merger paused the work", "version",
				String.valueOf(enrolment.version()))).hasStatus3xxRedirection();
		// its place is free again
		programme.enrol(second.id(), small.id(), today());
		// a transfer into a full cohort is refused on its form, and nothing changes
		Programme.EnrolmentRecord moving = programme.enrolments(second.id()).get(0);
		ProgrammeSite third = newSite();
		programme.enrol(third.id(), other.id(), today());
		String transfer = "/programme/sites/" + second.id() + "/enrolments/" + moving.id() + "/transfer";
		assertThat(get(transfer)).contains(other.name());
		assertThat(post(transfer, "toCohortId", String.valueOf(other.id()), "reason", "Needs more time",
				"version", String.valueOf(moving.version()))).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "already has 1 sites", "Needs more time");
		assertThat(programme.enrolment(moving.id()).orElseThrow().active()).isTrue();
		Cohort roomy = newCohort("CVD", 5);
		assertThat(post(transfer, "toCohortId", String.valueOf(roomy.id()), "reason", "Needs more time",
				"version", String.valueOf(moving.version()))).hasStatus3xxRedirection();
		assertThat(programme.enrolments(second.id())).extracting(Programme.EnrolmentRecord::status)
			.containsExactly(Programme.EnrolmentStatus.TRANSFERRED, Programme.EnrolmentStatus.ACTIVE);
		assertThat(get("/programme/sites/" + second.id() + "/history")).contains("Enrolment transferred",
				"Needs more time");
		// a finished cohort takes no one
		Cohort finished = programme.addCohort("INT", "Finished " + UUID.randomUUID().toString().substring(0, 6),
				today().minusMonths(8), today().minusMonths(2), 9, "");
		assertThatThrownBy(() -> programme.enrol(third.id(), finished.id(), today())).isInstanceOf(Refused.class)
			.hasMessageContaining("sites can no longer join it");
	}

	@Test
	void theDriverDiagramLinksChangeIdeasToCyclesTheirMeasuresAndRamps() {
		Project project = newProject("SAME_DAY");
		Measure measure = measures.add(project.id(), new Measures.Draft("Navigated away", Measure.Kind.OUTCOME,
				"Share navigated away", Spc.Direction.INCREASE, "%", null, null, null, 10));
		String drivers = "/programme/projects/" + project.id() + "/drivers";
		assertThat(post(drivers, "level", "SECONDARY", "text", "Navigation is consistent")).hasStatusOk()
			.bodyText()
			.contains("Choose the primary driver it belongs to", "Navigation is consistent");
		assertThat(post(drivers, "level", "PRIMARY", "text", "People reach the right service")).hasStatus3xxRedirection();
		Improvement.Driver primary = improvement.drivers(project.id()).get(0);
		assertThat(post(drivers, "level", "CHANGE_IDEA", "parentId", String.valueOf(primary.id()), "text", "Scripts"))
			.hasStatusOk()
			.bodyText()
			.contains("Choose the secondary driver it belongs to");
		assertThat(post(drivers, "level", "SECONDARY", "parentId", String.valueOf(primary.id()), "text",
				"Navigation is consistent")).hasStatus3xxRedirection();
		Improvement.Driver secondary = improvement.drivers(project.id()).get(1);
		assertThat(post(drivers, "level", "CHANGE_IDEA", "parentId", String.valueOf(secondary.id()), "text",
				"Scripts for care navigators")).hasStatus3xxRedirection();
		Improvement.Driver idea = improvement.drivers(project.id()).get(2);

		String pdsa = "/programme/projects/" + project.id() + "/pdsa";
		LocalDate start = today().minusWeeks(3);
		String[] cycle = join(new String[] { "title", "Scripts at one practice", "plan", "Try for two weeks",
				"prediction", "More go to pharmacy", "predictions[0].measureId", String.valueOf(measure.id()),
				"predictions[0].prediction", "Up by 5 points", "predictions[0].result", "Up by 3 points" },
				date("start", start));
		assertThat(post(pdsa, cycle)).hasStatusOk().bodyText().contains("Choose the change idea this cycle tests");
		assertThat(post(pdsa, join(cycle, new String[] { "changeIdeaId", String.valueOf(idea.id()) })))
			.hasStatus3xxRedirection();
		PdsaCycle one = improvement.cycles(project.id()).get(0);
		assertThat(post(pdsa, join(new String[] { "title", "Scripts at every practice", "plan", "Spread",
				"prediction", "Holds", "changeIdeaId", String.valueOf(idea.id()), "followsCycleId",
				String.valueOf(one.id()) }, date("start", start)))).hasStatus3xxRedirection();
		PdsaCycle two = improvement.cycles(project.id()).get(1);
		// a ramp cannot go round in a circle
		assertThatThrownBy(() -> improvement.editCycle(project.id(), one.id(), one.version(),
				new Improvement.CycleDraft(one.title(), one.plan(), one.prediction(), one.startedOn(), "", "", null, null,
						idea.id(), two.id(), List.of())))
			.isInstanceOf(Refused.class)
			.hasMessageContaining("circle");
		// the project page shows the prediction and the result side by side; the diagram the ramp
		assertThat(get("/programme/projects/" + project.id())).contains("Navigated away", "Up by 5 points",
				"Up by 3 points", "Follows (ramp)", "PDSA 1: Scripts at one practice");
		assertThat(get(drivers)).contains("Ramp: PDSA 1 Scripts at one practice → PDSA 2 Scripts at every practice");
		// a driver with a change idea under it is not retired, and says why on its own form
		String retire = drivers + "/" + secondary.id() + "/retire";
		assertThat(get(retire)).contains("Retire");
		assertThat(post(retire, "reason", "Merged", "version", String.valueOf(secondary.version()))).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Retire what is under", "Merged");
		// editing keeps the typed text on its form when refused, and detects a stale edit
		String edit = drivers + "/" + idea.id();
		assertThat(post(edit, "text", "", "version", String.valueOf(idea.version()))).hasStatusOk()
			.bodyText()
			.contains("Enter the driver or change idea");
		assertThat(post(edit, "text", "Scripts for navigators and receptionists", "version",
				String.valueOf(idea.version()))).hasStatus3xxRedirection();
		assertThat(post(edit, "text", "An older text", "version", String.valueOf(idea.version())))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("An older text");
		assertThat(get("/programme/sites/" + project.siteId() + "/history")).contains("Driver diagram changed",
				"Scripts for care navigators</span> → <span>Scripts for navigators and receptionists", "PDSA cycle recorded");
	}

	@Test
	void milestonesAndRisksKeepTheirRagStatusAndHistory() {
		ProgrammeSite site = newSite();
		programme.enrol(site.id(), newCohort("CVD", 50).id(), today());
		String uri = "/programme/sites/" + site.id();
		assertThat(post(uri + "/milestones", join(new String[] { "title", "Invitations sent", "rag", "PURPLE",
				"workstream", "CVD" }, date("due", today().plusMonths(1))))).hasStatusOk()
			.bodyText()
			.contains("Choose red, amber or green");
		assertThat(post(uri + "/milestones", join(new String[] { "title", "Invitations sent", "rag", "AMBER",
				"workstream", "SAME_DAY" }, date("due", today().plusMonths(1))))).hasStatusOk()
			.bodyText()
			.contains("does not work on that workstream");
		assertThat(post(uri + "/milestones", join(new String[] { "title", "Invitations sent", "rag", "AMBER",
				"workstream", "CVD" }, date("due", today().minusDays(3))))).hasStatus3xxRedirection();
		Portfolio.Milestone milestone = portfolio.milestones(site.id()).get(0);
		assertThat(get(uri)).contains("Invitations sent", "Overdue", "programme-rag--amber");
		assertThat(post(uri + "/milestones/" + milestone.id(), join(new String[] { "title", "Invitations sent", "rag",
				"GREEN", "workstream", "CVD", "version", String.valueOf(milestone.version()) },
				date("due", today().minusDays(3)), date("completed", today().plusDays(3))))).hasStatusOk()
			.bodyText()
			.contains("The completion date cannot be in the future");
		assertThat(post(uri + "/milestones/" + milestone.id(), join(new String[] { "title", "Invitations sent", "rag",
				"GREEN", "workstream", "CVD", "version", String.valueOf(milestone.version()) },
				date("due", today().minusDays(3)), date("completed", today())))).hasStatus3xxRedirection();
		assertThat(get(uri)).contains("Complete on");
		assertThat(post(uri + "/risks", "kind", "RISK", "title", "Vacancies", "rag", "RED", "owner", "",
				"workstream", "")).hasStatusOk()
			.bodyText()
			.contains("Enter who owns it", "Vacancies");
		assertThat(post(uri + "/risks", "kind", "RISK", "title", "Vacancies", "rag", "RED", "owner", "Sam Patel",
				"workstream", "")).hasStatus3xxRedirection();
		Portfolio.Risk risk = portfolio.risks(site.id()).get(0);
		assertThat(get("/programme/portfolio?place=15A&workstream=CVD")).containsPattern(
				"(?s)data-site-id=\"" + site.id() + "\"((?!</tr>).)*<td>1</td>\\s*<td>0</td>");
		assertThat(post(uri + "/risks/" + risk.id() + "/close", "reason", "Posts filled", "version",
				String.valueOf(risk.version()))).hasStatus3xxRedirection();
		assertThat(post(uri + "/risks/" + risk.id() + "/close", "reason", "Again", "version",
				String.valueOf(risk.version()))).hasStatusOk()
			.bodyText()
			.contains("already closed");
		assertThat(get(uri + "/history")).contains("Milestone changed", "RAG: ", "Amber</span> → <span>Green",
				"Risk or issue closed", "Posts filled");
		// only the Place's delivery team or an administrator changes them
		assertThat(mvc.post()
			.uri(uri + "/risks")
			.with(user(deliveryOxon).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("kind", "RISK")
			.param("title", "x")
			.param("rag", "RED")
			.param("owner", "y")).hasStatus(HttpStatus.FORBIDDEN);
	}

}
