package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.improvement.Improvement;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.sites.Sector;
import uk.nhs.bob.primarycare.programme.sites.SiteTeams;
import uk.nhs.bob.primarycare.programme.spc.Measures;
import uk.nhs.bob.primarycare.programme.spc.MeasuresCsv;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The pages with a programme each test makes (cohorts, sites, projects, measures and PDSA cycles, and the staff who
 * read and change them), who may change what, and bad input kept on the form.
 */
@ProgrammeModuleTest
class ProgrammePagesTests {

	/** A day of the cohort of March to August 2024, on which its sites enrolled. */
	private static final LocalDate IN_2024 = LocalDate.of(2024, 4, 1);

	/** Staff made for the test: an ICB administrator, delivery team members of each Place and two readers. */
	private String admin = "";

	private String delivery = "";

	private String deliveryOxon = "";

	private String deliveryBucks = "";

	private String coordinator = "";

	private String supervisorBerks = "";

	@Autowired
	Measures measures;

	@Autowired
	ApplicationContext context;

	@Autowired
	Programme programme;

	@Autowired
	SiteTeams siteTeams;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Improvement improvement;

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void staffOfTheirOwn() {
		admin = ProgrammeTestData.signedInAdmin(context, jdbc);
		delivery = IdentityFixtures.staffUser(jdbc, "delivery", OrganisationScope.place("15A"), Role.PLACE_DELIVERY);
		deliveryOxon = IdentityFixtures.staffUser(jdbc, "delivery-oxon", OrganisationScope.place("10Q"), Role.PLACE_DELIVERY);
		deliveryBucks = IdentityFixtures.staffUser(jdbc, "delivery-bucks", OrganisationScope.place("14Y"),
				Role.PLACE_DELIVERY);
		coordinator = IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site("BK-AYL"),
				Role.CARE_COORDINATOR);
		supervisorBerks = IdentityFixtures.staffUser(jdbc, "supervisor-berks", OrganisationScope.place("15A"),
				Role.CLINICAL_SUPERVISOR);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** A cohort of March to August 2024 taking three sites from each Place. */
	private Cohort cohortOf2024(String workstream) {
		return ProgrammeTestData.cohort(programme, workstream, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 8, 31), 3);
	}

	/** A project of a new site of the Place, in a running cohort of the workstream made for it. */
	private Project newProject(String placeCode, String siteCode, String workstream) {
		Cohort cohort = ProgrammeTestData.cohort(programme, workstream, LocalDate.now().minusMonths(1),
				LocalDate.now().plusMonths(5), 50);
		return ProgrammeTestData.project(programme, cohort, placeCode, siteCode, LocalDate.now());
	}

	/** The text of the row of a table that names this (tags removed, white space folded). */
	private static String row(String html, String naming) {
		int at = html.indexOf(naming);
		assertThat(at).as("a row naming " + naming).isNotNegative();
		return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at))
			.replaceAll("<[^>]+>", " ")
			.replaceAll("\\s+", " ")
			.trim();
	}

	@Test
	void everyStaffRoleReadsTheOverviewPlaceIcbAndSiteViews() throws Exception {
		// three sites of Buckinghamshire fill a cohort of March to August 2024; the first has a measure, a PDSA cycle,
		// a team member and a score
		Cohort cohort = cohortOf2024("SAME_DAY");
		Project project = ProgrammeTestData.project(programme, cohort, "14Y", "BK-AYL", IN_2024);
		ProgrammeTestData.project(programme, cohort, "14Y", "BK-WYC", IN_2024);
		ProgrammeTestData.project(programme, cohort, "14Y", "BK-AYL", IN_2024);
		ProgrammeTestData.measure(measures, project, "Same-day calls answered", 50, 52, 50, 52, 50, 52, 50, 52);
		ProgrammeTestData.cycle(improvement, project, "Try a call-back list", LocalDate.now().minusWeeks(3));
		siteTeams.addMember(project.siteId(), new SiteTeams.MemberDraft("Sam Lead", "Clinical lead", "Test PCN",
				Sector.GENERAL_PRACTICE, "", "", Set.of("SAME_DAY")));
		programme.recordScore(project.id(), programme.project(project.id()).orElseThrow().version(),
				new BigDecimal("2.5"), LocalDate.now(), "Charter agreed");
		for (String[] who : new String[][] { { coordinator, "CARE_COORDINATOR" }, { delivery, "PLACE_DELIVERY" },
				{ admin, "ICB_ADMIN" } }) {
			MvcTestResult overview = mvc.get().uri("/programme").with(user(who[0]).roles(who[1])).exchange();
			assertThat(overview).hasStatusOk().bodyText().contains("Non-complex same-day care");
			// Buckinghamshire's three places taken, the two other Places' three left
			assertThat(row(overview.getResponse().getContentAsString(), cohort.name()))
				.contains(cohort.name() + " March 2024 to August 2024", "3 of 3 (0 left)", "0 of 3 (3 left)",
						"3 enrolled, 6 left");
			assertThat(mvc.get().uri("/programme/places/14Y").with(user(who[0]).roles(who[1]))).hasStatusOk()
				.bodyText()
				.contains(programme.site(project.siteId()).orElseThrow().name());
			assertThat(mvc.get().uri("/programme/icb").with(user(who[0]).roles(who[1]))).hasStatusOk()
				.bodyText()
				.contains("Berkshire West", "Mean progress score");
			assertThat(mvc.get().uri("/programme/projects/" + project.id()).with(user(who[0]).roles(who[1])))
				.hasStatusOk()
				.bodyText()
				.contains("XmR chart of Same-day calls answered", "PDSA 1: Try a call-back list", "Local action team",
						"Sam Lead", "Progress score history", "Charter agreed");
		}
	}

	@Test
	void aPlaceDeliveryUserEditsOnlyTheirOwnPlace() {
		Project berkshire = newProject("15A", "BW-RDG", "CVD");
		Project oxfordshire = newProject("10Q", "OX-CTY", "CVD");
		assertThat(mvc.get().uri("/programme/projects/" + berkshire.id() + "/pdsa/new")
			.with(user(delivery).roles("PLACE_DELIVERY"))).hasStatusOk();
		assertThat(mvc.get().uri("/programme/projects/" + oxfordshire.id() + "/pdsa/new")
			.with(user(delivery).roles("PLACE_DELIVERY"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/programme/projects/" + oxfordshire.id() + "/score")
			.with(user(delivery).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("score", "4.0")
			.param("version", "0")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/programme/projects/" + oxfordshire.id() + "/pdsa/new")
			.with(user(deliveryOxon).roles("PLACE_DELIVERY"))).hasStatusOk();
		assertThat(mvc.get().uri("/programme/projects/" + oxfordshire.id() + "/pdsa/new")
			.with(user(admin).roles("ICB_ADMIN"))).hasStatusOk();
		// other roles read but never change
		assertThat(mvc.get().uri("/programme/projects/" + berkshire.id() + "/aim")
			.with(user(supervisorBerks).roles("CLINICAL_SUPERVISOR"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/programme/projects/" + berkshire.id())
			.with(user(supervisorBerks).roles("CLINICAL_SUPERVISOR"))).hasStatusOk()
			.bodyText()
			.doesNotContain("Record a PDSA cycle");
	}

	@Test
	void onlyIcbAdministratorsEditWorkstreamsAndCohorts() {
		// a cohort of March to August 2024 with three sites of Berkshire West
		Cohort full = cohortOf2024("SAME_DAY");
		for (int i = 0; i < 3; i++) {
			ProgrammeTestData.project(programme, full, "15A", "BW-RDG", IN_2024);
		}
		long cohort = full.id();
		assertThat(mvc.get().uri("/programme/cohorts/" + cohort + "/edit").with(user(delivery).roles("PLACE_DELIVERY")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/programme/workstreams/CVD/edit").with(user(admin).roles("ICB_ADMIN")))
			.hasStatusOk();
		MvcTestResult bad = mvc.post()
			.uri("/programme/cohorts/" + cohort)
			.with(user(admin).roles("ICB_ADMIN"))
			.with(csrf())
			.param("name", full.name() + " renamed")
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
			.contains("There is a problem", "Enter a real start date", "from 0 to 50", full.name() + " renamed");
		assertThat(programme.cohort(cohort).orElseThrow().name()).isEqualTo(full.name());
		// the cohort has 3 sites from Berkshire West: its maximum cannot go below that
		assertThat(mvc.post()
			.uri("/programme/cohorts/" + cohort)
			.with(user(admin).roles("ICB_ADMIN"))
			.with(csrf())
			.param("name", full.name())
			.param("startDay", "1")
			.param("startMonth", "3")
			.param("startYear", "2024")
			.param("endDay", "31")
			.param("endMonth", "8")
			.param("endYear", "2024")
			.param("maxSitesPerPlace", "2")
			.param("version", "0")).hasStatusOk()
			.bodyText()
			.contains("A Place already has 3 sites in this cohort: enter 3 or more");
		assertThat(programme.cohort(cohort).orElseThrow().maxSitesPerPlace()).isEqualTo(3);
	}

	@Test
	void aStaleEditIsRefusedWith409AndKeepsWhatWasTyped() {
		Project project = newProject("15A", "BW-RDG", "INT");
		// saved once since it was made, so the version it was read at is now stale
		programme.recordScore(project.id(), programme.project(project.id()).orElseThrow().version(),
				new BigDecimal("1.0"), LocalDate.now(), "Started");
		long version = programme.project(project.id()).orElseThrow().version();
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/aim")
			.with(user(delivery).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("what", "Fewer overdue reviews")
			.param("howMuch", "Half")
			.param("byDay", "1")
			.param("byMonth", "6")
			.param("byYear", "2027")
			.param("version", String.valueOf(version - 1))).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else saved changes", "Fewer overdue reviews");
		assertThat(programme.project(project.id()).orElseThrow().version()).isEqualTo(version);
	}

	@Test
	void enrolmentIntoAFinishedCohortIsRefusedWithAMessage() {
		// a cohort that finished in August 2024, with room
		ProgrammeSite fourth = ProgrammeTestData.site(programme, "15A", "BW-WBE");
		long cohortOne = cohortOf2024("SAME_DAY").id();
		assertThat(mvc.post()
			.uri("/programme/sites/" + fourth.id() + "/enrolments")
			.with(user(delivery).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("cohortId", String.valueOf(cohortOne))).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "finished on 31 August 2024");
		assertThat(programme.enrolments(fourth.id())).isEmpty();
		assertThat(mvc.post()
			.uri("/programme/sites/" + fourth.id() + "/enrolments")
			.with(user(deliveryBucks).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("cohortId", String.valueOf(cohortOne))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aSiteFormKeepsWhatWasTypedWhenTheFootprintIsWrong() {
		assertThat(mvc.post()
			.uri("/programme/sites")
			.with(user(delivery).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("name", "Reading test footprint")
			.param("placeCode", "15A")
			.param("footprint", "BW-RDG, OX-CTY")
			.param("version", "0")).hasStatusOk()
			.bodyText()
			.contains("OX-CTY is not a neighbourhood site or PCN code in Berkshire West", "Reading test footprint");
		assertThat(programme.sitesIn("15A")).noneMatch(site -> site.name().equals("Reading test footprint"));
		// a Place delivery user cannot add a site in another Place
		assertThat(mvc.post()
			.uri("/programme/sites")
			.with(user(delivery).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("name", "Oxford test")
			.param("placeCode", "10Q")
			.param("footprint", "OX-CTY")
			.param("version", "0")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(programme.sitesIn("10Q")).noneMatch(site -> site.name().equals("Oxford test"));
	}

	@Test
	void weeklyValuesAndPdsaCyclesValidateTheirInput() {
		Project project = newProject("15A", "BW-RDG", "SAME_DAY");
		long measure = ProgrammeTestData.measure(measures, project, "Same-day calls answered", 50, 52).id();
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/measures/" + measure + "/values")
			.with(user(delivery).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("weekDay", "30")
			.param("weekMonth", "2")
			.param("weekYear", "2026")
			.param("value", "twelve")).hasStatusOk()
			.bodyText()
			.contains("Enter a real date in the week", "Value must be a number", "twelve");
		assertThat(jdbc.sql("SELECT count(*) FROM programme.measure_value WHERE measure_id = ?")
			.param(measure)
			.query(Long.class)
			.single()).as("the two values entered before, nothing saved").isEqualTo(2);
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/pdsa")
			.with(user(delivery).roles("PLACE_DELIVERY"))
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
		assertThat(improvement.cycles(project.id())).isEmpty();
	}

	@Test
	void theMeasuresExportAsCsvWithNoPersonalData() throws Exception {
		// a measure entered by hand for eight weeks at a site of each Place
		Project project = newProject("10Q", "OX-CTY", "CVD");
		String statins = "QRISK3 10% or more with a statin " + project.id();
		ProgrammeTestData.measure(measures, project, statins, 50, 52, 50, 52, 50, 52, 50, 52);
		Project berkshire = newProject("15A", "BW-RDG", "CVD");
		ProgrammeTestData.measure(measures, berkshire, "Reviews in Reading " + berkshire.id(), 5, 6);
		Project buckinghamshire = newProject("14Y", "BK-AYL", "CVD");
		ProgrammeTestData.measure(measures, buckinghamshire, "Reviews in Aylesbury " + buckinghamshire.id(), 7, 8);
		String site = programme.site(project.siteId()).orElseThrow().name();

		MvcTestResult csv = mvc.get()
			.uri("/programme/projects/" + project.id() + "/measures.csv")
			.with(user(coordinator).roles("CARE_COORDINATOR"))
			.exchange();
		assertThat(csv).hasStatusOk();
		assertThat(csv).bodyText()
			.startsWith("place,site,workstream,measure,kind,unit,improvement_direction,target,iso_week")
			.doesNotContainPattern("\\d{10}");
		List<String> lines = List.of(csv.getResponse().getContentAsString().split("\r\n"));
		// one row a week of the test's own measure: its values by hand, common-cause variation about a mean of 51
		List<String[]> weeks = lines.subList(1, lines.size()).stream().map(line -> line.split(",")).toList();
		assertThat(weeks).allSatisfy(row -> {
			assertThat(row[0]).isEqualTo("\"Oxfordshire\"");
			assertThat(row[1]).isEqualTo("\"" + site + "\"");
			assertThat(row[3]).isEqualTo("\"" + statins + "\"");
			assertThat(row[11]).isEqualTo("hand");
			assertThat(new BigDecimal(row[15])).isEqualByComparingTo("51");
			assertThat(row[18]).isEqualTo("common_cause");
		});
		assertThat(weeks).extracting(row -> row[10]).containsExactly("50", "52", "50", "52", "50", "52", "50", "52");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("attachment", ".csv");
		assertThat(mvc.get().uri("/programme/places/15A/measures.csv").with(user(coordinator).roles("CARE_COORDINATOR")))
			.hasStatusOk()
			.bodyText()
			.contains("\"Berkshire West\"", "Reviews in Reading " + berkshire.id())
			.doesNotContain("\"Oxfordshire\"", statins);
		assertThat(mvc.get().uri("/programme/measures.csv").with(user(admin).roles("ICB_ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("\"Oxfordshire\"", "\"Buckinghamshire\"", "\"Berkshire West\"", statins,
					"Reviews in Reading " + berkshire.id(), "Reviews in Aylesbury " + buckinghamshire.id());
		assertThat(MeasuresCsv.cell("=HYPERLINK(1)")).isEqualTo("\"'=HYPERLINK(1)\"");
	}

}
