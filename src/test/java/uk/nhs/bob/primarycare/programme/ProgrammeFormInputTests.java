package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintKind;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.improvement.Improvement;
import uk.nhs.bob.primarycare.programme.improvement.PdsaCycle;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.portfolio.Portfolio;
import uk.nhs.bob.primarycare.programme.portfolio.Rag;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.sites.Sector;
import uk.nhs.bob.primarycare.programme.sites.SiteTeams;
import uk.nhs.bob.primarycare.programme.spc.Measure;
import uk.nhs.bob.primarycare.programme.spc.Measures;
import uk.nhs.bob.primarycare.programme.spc.Spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Bad input on every form of the programme: nothing typed, values too long, numbers and dates that are not, options
 * that were never offered, a missing or wrong version. Each answer is the form again with the error summary (or a
 * plain 4xx page for a button without a form, or a stale edit), never a 500 and never a change.
 */
@ProgrammeModuleTest
class ProgrammeFormInputTests {

	/** Every field name the programme's forms use (a form ignores the others). */
	private static final List<String> FIELDS = List.of("name", "placeCode", "footprint", "description", "version",
			"reason", "cohortId", "toCohortId", "teamLead", "clinicalLead", "footprintNote", "accountableBody",
			"responsibleTeam", "jobRole", "organisation", "sector", "email", "phone", "workstreams", "what", "howMuch",
			"byDay", "byMonth", "byYear", "score", "note", "kind", "definition", "direction", "unit", "target", "feed",
			"feedFromDay", "feedFromMonth", "feedFromYear", "minimumN", "weekDay", "weekMonth", "weekYear", "value",
			"level", "parentId", "text", "title", "changeIdeaId", "followsCycleId", "plan", "prediction", "startDay",
			"startMonth", "startYear", "predictions[0].measureId", "predictions[0].prediction",
			"predictions[0].result", "doNotes", "study", "act", "actDay", "actMonth", "actYear", "rag", "dueDay",
			"dueMonth", "dueYear", "completedDay", "completedMonth", "completedYear", "owner", "actions", "reviewDay",
			"reviewMonth", "reviewYear", "workstream", "maxSitesPerPlace", "endDay", "endMonth", "endYear");

	/** Values no form may accept for all of its fields at once. */
	private static final List<String> JUNK = List.of("x".repeat(5001), "-1", " ", "UP", "1e309", "99999999999999999999",
			"<script>alert(1)</script>", "2026-13-45");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Programme programme;

	/** An ICB administrator and a delivery team member of Berkshire West (15A), made for each test. */
	@RegisterExtension
	final ProgrammeStaff staff = new ProgrammeStaff();

	@Autowired
	Measures measures;

	@Autowired
	Improvement improvement;

	@Autowired
	SiteTeams teams;

	@Autowired
	Portfolio portfolio;

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/London"));
	}

	/** Every POST route of the programme, with real ids of a site made for the test. */
	private List<String> routes() {
		ProgrammeSite site = programme.addSite("Bad input " + UUID.randomUUID().toString().substring(0, 8), "15A", "",
				Set.of(new FootprintCode(FootprintKind.SITE, "BW-RDG")));
		Cohort cohort = programme.addCohort("CVD", "Bad input " + UUID.randomUUID().toString().substring(0, 6),
				today().minusMonths(1), today().plusMonths(5), 50, "");
		Programme.EnrolmentRecord enrolment = programme.enrol(site.id(), cohort.id(), today());
		Project project = programme.project(site.id(), "CVD").orElseThrow();
		Measure measure = measures.add(project.id(), new Measures.Draft("Calls", Measure.Kind.PROCESS, "Calls",
				Spc.Direction.INCREASE, "calls", null, null, null, 10));
		LocalDate first = IsoWeek.of(today()).monday().minusWeeks(6);
		for (int w = 0; w < 6; w++) {
			measures.enter(project.id(), measure.id(), first.plusWeeks(w), BigDecimal.valueOf(10 + w % 2));
		}
		measures.rebase(project.id(), measure.id(), first.plusWeeks(3), "Change adopted");
		Improvement.Driver primary = improvement.addDriver(project.id(), Improvement.Level.PRIMARY, null, "Primary");
		Improvement.Driver secondary = improvement.addDriver(project.id(), Improvement.Level.SECONDARY, primary.id(),
				"Secondary");
		Improvement.Driver idea = improvement.addDriver(project.id(), Improvement.Level.CHANGE_IDEA, secondary.id(),
				"Idea");
		PdsaCycle cycle = improvement.addCycle(project.id(), new Improvement.CycleDraft("Cycle", "Plan", "Prediction",
				today().minusWeeks(2), "", "", null, null, idea.id(), null, List.of()));
		SiteTeams.Member member = teams.addMember(site.id(), new SiteTeams.MemberDraft("Sam", "Lead", "PCN",
				Sector.GENERAL_PRACTICE, "", "", Set.of("CVD")));
		Portfolio.Milestone milestone = portfolio.addMilestone(site.id(), new Portfolio.MilestoneDraft(null, "Charter",
				today().plusMonths(1), Rag.GREEN, "", null));
		Portfolio.Risk risk = portfolio.addRisk(site.id(), new Portfolio.RiskDraft(null, Portfolio.RiskKind.RISK,
				"Vacancies", "", Rag.AMBER, "Sam", "", null));
		String s = "/programme/sites/" + site.id();
		String p = "/programme/projects/" + project.id();
		String m = p + "/measures/" + measure.id();
		return List.of("/programme/workstreams/CVD", "/programme/workstreams/CVD/cohorts",
				"/programme/cohorts/" + cohort.id(), "/programme/sites", s, s + "/retire", s + "/enrolments",
				s + "/enrolments/" + enrolment.id() + "/withdraw", s + "/enrolments/" + enrolment.id() + "/transfer",
				s + "/team", s + "/team/members", s + "/team/members/" + member.id(),
				s + "/team/members/" + member.id() + "/remove", s + "/milestones", s + "/milestones/" + milestone.id(),
				s + "/milestones/" + milestone.id() + "/cancel", s + "/risks", s + "/risks/" + risk.id(),
				s + "/risks/" + risk.id() + "/close", p + "/aim", p + "/score", p + "/measures", m, m + "/retire",
				m + "/reinstate", m + "/values", m + "/values/" + first, m + "/rebases",
				m + "/rebases/" + first.plusWeeks(3) + "/remove", p + "/drivers", p + "/drivers/" + idea.id(),
				p + "/drivers/" + idea.id() + "/retire", p + "/pdsa", p + "/pdsa/" + cycle.id(),
				p + "/pdsa/" + cycle.id() + "/withdraw");
	}

	@Test
	void everyFormAnswersBadInputWithAnErrorAndChangesNothing() {
		List<String> problems = new ArrayList<>();
		for (String route : routes()) {
			List<Map<String, String>> payloads = new ArrayList<>();
			payloads.add(Map.of());
			for (String junk : JUNK) {
				Map<String, String> payload = new LinkedHashMap<>();
				FIELDS.forEach(field -> payload.put(field, junk));
				payloads.add(payload);
			}
			for (Map<String, String> payload : payloads) {
				var request = mvc.post().uri(route).with(user(staff.admin()).roles("ICB_ADMIN")).with(csrf());
				for (Map.Entry<String, String> field : payload.entrySet()) {
					request = request.param(field.getKey(), field.getValue());
				}
				MvcTestResult result = request.exchange();
				String sent = payload.isEmpty() ? "nothing" : abbreviate(payload.get("name"));
				if (result.getUnresolvedException() != null) {
					problems.add(route + " with " + sent + ": " + result.getUnresolvedException());
					continue;
				}
				int status = result.getResponse().getStatus();
				String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
				if (status >= 500) {
					problems.add(route + " with " + sent + ": " + status);
				}
				else if (status >= 300 && status < 400) {
					problems.add(route + " with " + sent + ": accepted (" + result.getResponse().getRedirectedUrl() + ")");
				}
				else if (status == 200 && !body.contains("There is a problem")) {
					problems.add(route + " with " + sent + ": 200 without an error summary");
				}
				else if (body.contains("java.") || body.contains("Exception") || body.contains("Failed to convert")) {
					problems.add(route + " with " + sent + ": shows a Java type or exception");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static String abbreviate(String value) {
		return value.length() > 12 ? value.substring(0, 12) + "... (" + value.length() + ")" : "'" + value + "'";
	}

	@Test
	void tamperedOptionsAndAMissingVersionReadAsPlainWords() {
		ProgrammeSite site = programme.addSite("Tampered " + UUID.randomUUID().toString().substring(0, 8), "15A", "",
				Set.of(new FootprintCode(FootprintKind.SITE, "BW-RDG")));
		Cohort cohort = programme.addCohort("SAME_DAY", "Tampered " + UUID.randomUUID().toString().substring(0, 6),
				today().minusMonths(1), today().plusMonths(5), 50, "");
		programme.enrol(site.id(), cohort.id(), today());
		Project project = programme.project(site.id(), "SAME_DAY").orElseThrow();
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/measures")
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("name", "Calls")
			.param("kind", "OUTCOME")
			.param("definition", "Calls")
			.param("direction", "UP")
			.param("unit", "calls")
			.param("minimumN", "10")).hasStatusOk()
			.bodyText()
			.contains("Choose the improvement direction from the list")
			.doesNotContain("Spc$Direction", "Failed to convert");
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/pdsa")
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("title", "A cycle")
			.param("act", "FOO")).hasStatusOk()
			.bodyText()
			.contains("Choose adopt, adapt or abandon from the list")
			.doesNotContain("PdsaCycle$Act");
		assertThat(mvc.post()
			.uri("/programme/sites/" + site.id())
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("name", "Renamed")
			.param("placeCode", "15A")
			.param("footprint", "BW-RDG")).hasStatusOk()
			.bodyText()
			.contains("This form is out of date or incomplete");
		assertThat(programme.site(site.id()).orElseThrow().name()).isEqualTo(site.name());
		assertThat(mvc.get()
			.uri("/programme/portfolio?place=XX&workstream=FOO&cohort=abc")
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Choose a cohort from the list");
		assertThat(mvc.get()
			.uri("/programme/portfolio?place=XX&workstream=FOO")
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))).hasStatusOk()
			.bodyText()
			.contains("Choose a Place from the list", "Choose a workstream from the list");
	}

}
