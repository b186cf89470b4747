package uk.nhs.bob.primarycare.programme;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintKind;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.spc.Measures;
import uk.nhs.bob.primarycare.programme.spc.MeasuresCsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The pages with the demo programme, who may change what, and bad input kept on the form. */
@IntegrationTest
@org.springframework.security.test.context.support.WithMockUser(username = "admin", roles = "ICB_ADMIN")
class ProgrammePagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Programme programme;

	@Autowired
	Measures measures;

	private Project demoProject(String placeCode, String workstream) {
		ProgrammeSite site = programme.sitesIn(placeCode)
			.stream()
			.filter(s -> programme.project(s.id(), workstream).isPresent() && !s.name().startsWith("Test site"))
			.findFirst()
			.orElseThrow();
		return programme.project(site.id(), workstream).orElseThrow();
	}

	@Test
	void everyStaffRoleReadsTheOverviewPlaceIcbAndSiteViews() {
		Project project = demoProject("14Y", "SAME_DAY");
		for (String[] who : new String[][] { { "coordinator", "CARE_COORDINATOR" }, { "delivery", "PLACE_DELIVERY" },
				{ "admin", "ICB_ADMIN" } }) {
			assertThat(mvc.get().uri("/programme").with(user(who[0]).roles(who[1]))).hasStatusOk()
				.bodyText()
				.contains("Non-complex same-day care", "Cohort 1", "March 2024 to August 2024", "3 of 3 (0 left)");
			assertThat(mvc.get().uri("/programme/places/14Y").with(user(who[0]).roles(who[1]))).hasStatusOk();
			assertThat(mvc.get().uri("/programme/icb").with(user(who[0]).roles(who[1]))).hasStatusOk()
				.bodyText()
				.contains("Berkshire West", "Mean progress score");
			assertThat(mvc.get().uri("/programme/projects/" + project.id()).with(user(who[0]).roles(who[1])))
				.hasStatusOk()
				.bodyText()
				.contains("XmR chart of", "PDSA 1", "Local action team", "Progress score history");
		}
	}

	@Test
	void aPlaceDeliveryUserEditsOnlyTheirOwnPlace() {
		Project berkshire = demoProject("15A", "CVD");
		Project oxfordshire = demoProject("10Q", "CVD");
		assertThat(mvc.get().uri("/programme/projects/" + berkshire.id() + "/pdsa/new")
			.with(user("delivery").roles("PLACE_DELIVERY"))).hasStatusOk();
		assertThat(mvc.get().uri("/programme/projects/" + oxfordshire.id() + "/pdsa/new")
			.with(user("delivery").roles("PLACE_DELIVERY"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/programme/projects/" + oxfordshire.id() + "/score")
			.with(user("delivery").roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("score", "4.0")
			.param("version", "0")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/programme/projects/" + oxfordshire.id() + "/pdsa/new")
			.with(user("delivery-oxon").roles("PLACE_DELIVERY"))).hasStatusOk();
		assertThat(mvc.get().uri("/programme/projects/" + oxfordshire.id() + "/pdsa/new")
			.with(user("admin").roles("ICB_ADMIN"))).hasStatusOk();
		// other roles read but never change
		assertThat(mvc.get().uri("/programme/projects/" + berkshire.id() + "/aim")
			.with(user("supervisor-berks").roles("CLINICAL_SUPERVISOR"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/programme/projects/" + berkshire.id())
			.with(user("supervisor-berks").roles("CLINICAL_SUPERVISOR"))).hasStatusOk()
			.bodyText()
			.doesNotContain("Record a PDSA cycle");
	}

	@Test
	void onlyIcbAdministratorsEditWorkstreamsAndCohorts() {
		long cohort = programme.cohorts()
			.stream()
			.filter(c -> c.workstreamCode().equals("SAME_DAY") && c.name().equals("Cohort 1"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(mvc.get().uri("/programme/cohorts/" + cohort + "/edit").with(user("delivery").roles("PLACE_DELIVERY")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/programme/workstreams/CVD/edit").with(user("admin").roles("ICB_ADMIN")))
			.hasStatusOk();
		MvcTestResult bad = mvc.post()
			.uri("/programme/cohorts/" + cohort)
			.with(user("admin").roles("ICB_ADMIN"))
			.with(csrf())
			.param("name", "Cohort 1 renamed")
			.param("startDay", "31")
			.param("startMonth", "2")
			.param("startYear", "2024")
			.param("endDay", "31")
			.param("endMonth", "8")
			.param("endYear", "2024")
			.param("maxSitesPerPlace", "lots")
			.param("version", "0")
			.exchange();
		assertThat(bad).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter a real start date", "from 0 to 50", "Cohort 1 renamed");
		// cohort 1 of same-day care has 3 demo sites from each Place: its maximum cannot go below that
		assertThat(mvc.post()
			.uri("/programme/cohorts/" + cohort)
			.with(user("admin").roles("ICB_ADMIN"))
			.with(csrf())
			.param("name", "Cohort 1")
			.param("startDay", "1")
			.param("startMonth", "3")
			.param("startYear", "2024")
			.param("endDay", "31")
			.param("endMonth", "8")
			.param("endYear", "2024")
			.param("maxSitesPerPlace", "2")
			.param("version", "0")).hasStatusOk()
			.bodyText()
			.contains("A Place already has 3 sites in this cohort");
	}

	@Test
	void aStaleEditIsRefusedWith409AndKeepsWhatWasTyped() {
		Project project = demoProject("15A", "INT");
		long version = programme.project(project.id()).orElseThrow().version();
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/aim")
			.with(user("delivery").roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("what", "Fewer overdue reviews")
			.param("howMuch", "Half")
			.param("byDay", "1")
			.param("byMonth", "6")
			.param("byYear", "2027")
			.param("version", String.valueOf(version - 1))).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else saved changes", "Fewer overdue reviews");
	}

	@Test
	void enrolmentIntoAFinishedCohortIsRefusedWithAMessage() {
		// cohort 1 of same-day care finished in August 2024
		ProgrammeSite fourth = programme.addSite("Test site " + UUID.randomUUID(), "15A", "",
				Set.of(new FootprintCode(FootprintKind.SITE, "BW-WBE")));
		long cohortOne = programme.cohorts()
			.stream()
			.filter(c -> c.workstreamCode().equals("SAME_DAY") && c.name().equals("Cohort 1"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(mvc.post()
			.uri("/programme/sites/" + fourth.id() + "/enrolments")
			.with(user("delivery").roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("cohortId", String.valueOf(cohortOne))).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "finished on 31 August 2024");
		assertThat(programme.enrolments(fourth.id())).isEmpty();
		assertThat(mvc.post()
			.uri("/programme/sites/" + fourth.id() + "/enrolments")
			.with(user("delivery-bucks").roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("cohortId", String.valueOf(cohortOne))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aSiteFormKeepsWhatWasTypedWhenTheFootprintIsWrong() {
		assertThat(mvc.post()
			.uri("/programme/sites")
			.with(user("delivery").roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("name", "Reading test footprint")
			.param("placeCode", "15A")
			.param("footprint", "BW-RDG, OX-CTY")
			.param("version", "0")).hasStatusOk()
			.bodyText()
			.contains("OX-CTY is not a neighbourhood site or PCN code in Berkshire West", "Reading test footprint");
		// a Place delivery user cannot add a site in another Place
		assertThat(mvc.post()
			.uri("/programme/sites")
			.with(user("delivery").roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("name", "Oxford test")
			.param("placeCode", "10Q")
			.param("footprint", "OX-CTY")
			.param("version", "0")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void weeklyValuesAndPdsaCyclesValidateTheirInput() {
		Project project = demoProject("15A", "SAME_DAY");
		long measure = measures.of(project.id()).get(0).id();
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/measures/" + measure + "/values")
			.with(user("delivery").roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("weekDay", "30")
			.param("weekMonth", "2")
			.param("weekYear", "2026")
			.param("value", "twelve")).hasStatusOk()
			.bodyText()
			.contains("Enter a real date in the week", "Value must be a number", "twelve");
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/pdsa")
			.with(user("delivery").roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("title", "Try a text reminder")
			.param("plan", "")
			.param("prediction", "Fewer missed")
			.param("startDay", "1")
			.param("startMonth", "11")
			.param("startYear", "2026")
			.param("act", "ADOPT")
			.param("version", "0")).hasStatusOk()
			.bodyText()
			.contains("Enter the plan", "Enter the date of the decision", "Enter what you learnt", "Try a text reminder");
	}

	@Test
	void theMeasuresExportAsCsvWithNoPersonalData() {
		Project project = demoProject("10Q", "CVD");
		MvcTestResult csv = mvc.get()
			.uri("/programme/projects/" + project.id() + "/measures.csv")
			.with(user("coordinator").roles("CARE_COORDINATOR"))
			.exchange();
		assertThat(csv).hasStatusOk();
		assertThat(csv).bodyText()
			.startsWith("place,site,workstream,measure,kind,unit,improvement_direction,target,iso_week")
			.contains("QRISK3 10% or more with a statin", ",hand,", "common_cause")
			.doesNotContainPattern("\\d{10}");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("attachment", ".csv");
		assertThat(mvc.get().uri("/programme/places/15A/measures.csv").with(user("coordinator").roles("CARE_COORDINATOR")))
			.hasStatusOk()
			.bodyText()
			.contains("\"Berkshire West\"")
			.doesNotContain("\"Oxfordshire\"");
		assertThat(mvc.get().uri("/programme/measures.csv").with(user("admin").roles("ICB_ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("\"Oxfordshire\"", "\"Buckinghamshire\"", "\"Berkshire West\"");
		assertThat(MeasuresCsv.cell("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
	}

}
