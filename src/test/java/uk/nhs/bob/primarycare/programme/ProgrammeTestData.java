package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.improvement.Improvement;
import uk.nhs.bob.primarycare.programme.improvement.PdsaCycle;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintKind;
import uk.nhs.bob.primarycare.programme.spc.Measure;
import uk.nhs.bob.primarycare.programme.spc.Measures;
import uk.nhs.bob.primarycare.programme.spc.Spc;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Sites, cohorts, projects and measures for the programme's module tests ({@link ProgrammeModuleTest}), which start
 * without the demo programme: each test makes its own, under names no other test uses, through the programme's own
 * services, signed in as an ICB administrator it makes ({@link #signedInAdmin}).
 */
final class ProgrammeTestData {

	private ProgrammeTestData() {
	}

	/**
	 * Loads the directory's reference data (the Places and sites a programme site's footprint names), makes an ICB
	 * administrator and signs the test thread in as them: their username.
	 */
	static String signedInAdmin(ApplicationContext context, JdbcClient jdbc) {
		PopulationFixtures.referenceData(context);
		String admin = IdentityFixtures.staffUser(jdbc, "admin", OrganisationScope.ICB, Role.ICB_ADMIN);
		SignedIn.as(admin, "ICB_ADMIN");
		return admin;
	}

	/** A new site of the Place whose footprint is one directory site. */
	static ProgrammeSite site(Programme programme, String placeCode, String siteCode) {
		return programme.addSite("Test site " + UUID.randomUUID().toString().substring(0, 8), placeCode, "",
				Set.of(new FootprintCode(FootprintKind.SITE, siteCode)));
	}

	/** A new cohort of the workstream, taking at most {@code max} sites from each Place. */
	static Cohort cohort(Programme programme, String workstream, LocalDate startsOn, LocalDate endsOn, int max) {
		return programme.addCohort(workstream, "Test cohort " + UUID.randomUUID().toString().substring(0, 8), startsOn,
				endsOn, max, "");
	}

	/** The project of a new site of the Place, enrolled into the cohort on the day (which must be before its end). */
	static Project project(Programme programme, Cohort cohort, String placeCode, String siteCode, LocalDate enrolledOn) {
		ProgrammeSite site = site(programme, placeCode, siteCode);
		programme.enrol(site.id(), cohort.id(), enrolledOn);
		return programme.project(site.id(), cohort.workstreamCode()).orElseThrow();
	}

	/**
	 * A measure of the project entered by hand (to be raised), with these values for the weeks up to the last full
	 * week, the last value in the last week.
	 */
	static Measure measure(Measures measures, Project project, String name, int... values) {
		Measure measure = measures.add(project.id(), new Measures.Draft(name, Measure.Kind.OUTCOME, name,
				Spc.Direction.INCREASE, "%", null, null, null, 1));
		LocalDate first = IsoWeek.of(LocalDate.now()).monday().minusWeeks(values.length);
		for (int w = 0; w < values.length; w++) {
			measures.enter(project.id(), measure.id(), first.plusWeeks(w), BigDecimal.valueOf(values[w]));
		}
		return measure;
	}

	/** A first PDSA cycle of the project, testing a change idea under a primary and a secondary driver. */
	static PdsaCycle cycle(Improvement improvement, Project project, String title, LocalDate startedOn) {
		Improvement.Driver primary = improvement.addDriver(project.id(), Improvement.Level.PRIMARY, null, "Primary");
		Improvement.Driver secondary = improvement.addDriver(project.id(), Improvement.Level.SECONDARY, primary.id(),
				"Secondary");
		Improvement.Driver idea = improvement.addDriver(project.id(), Improvement.Level.CHANGE_IDEA, secondary.id(),
				"Idea");
		return improvement.addCycle(project.id(), new Improvement.CycleDraft(title, "Plan", "Prediction", startedOn, "",
				"", null, null, idea.id(), null, List.of()));
	}

}
