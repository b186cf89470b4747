package uk.nhs.bob.primarycare.programme;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintKind;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.feed.Feed;
import uk.nhs.bob.primarycare.programme.feed.FeedValues;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.spc.Charts;
import uk.nhs.bob.primarycare.programme.spc.Measure;
import uk.nhs.bob.primarycare.programme.spc.MeasureChart;
import uk.nhs.bob.primarycare.programme.spc.Measures;
import uk.nhs.bob.primarycare.programme.spc.Spc;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Cohort capacity (and its race), enrolment history, and fed measures, with sites and cohorts each test makes, as an
 * ICB administrator it makes. How each module's events become the weekly feed: {@link ProgrammeFeedModuleTests}.
 */
@ProgrammeModuleTest
class ProgrammeIntegrationTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	private static final LocalDate WEEK = LocalDate.of(2026, 11, 16);

	@Autowired
	Programme programme;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@BeforeEach
	void asAnAdministratorOfItsOwn() {
		// the Places and sites the programme's sites name (the directory's reference data)
		PopulationFixtures.referenceData(context);
		SignedIn.as(IdentityFixtures.staffUser(jdbc, "admin", OrganisationScope.ICB, Role.ICB_ADMIN), "ICB_ADMIN");
	}

	@AfterEach
	void signOut() {
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
	}

	@Autowired
	FeedValues feedValues;

	@Autowired
	Measures measures;

	@Autowired
	Charts charts;

	private java.util.Map<LocalDate, Double> weekly(Feed feed, Set<String> sites) {
		java.util.Map<LocalDate, Double> values = new java.util.TreeMap<>();
		feedValues.weekly(feed, sites).forEach((week, fed) -> values.put(week, fed.value()));
		return values;
	}

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private ProgrammeSite newSite(String placeCode, String siteCode) {
		return programme.addSite("Test site " + UUID.randomUUID(), placeCode, "",
				Set.of(new FootprintCode(FootprintKind.SITE, siteCode)));
	}

	private Cohort newCohort(String workstream, int max) {
		return programme.addCohort(workstream, "Test cohort " + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2027, 3, 1), LocalDate.of(2027, 8, 31), max, "");
	}

	@Test
	void aFourthSiteFromOnePlaceIsRefusedForACohortOfThree() {
		Cohort cohort = newCohort("SAME_DAY", 3);
		for (int i = 0; i < 3; i++) {
			programme.enrol(newSite("15A", "BW-RDG").id(), cohort.id(), TODAY);
		}
		ProgrammeSite fourth = newSite("15A", "BW-RDG");
		assertThatThrownBy(() -> programme.enrol(fourth.id(), cohort.id(), TODAY))
			.isInstanceOf(Refused.class)
			.hasMessageContaining("already has 3 sites from Berkshire West, the most it takes from one Place");
		// another Place still has room
		ProgrammeSite oxfordshire = newSite("10Q", "OX-CTY");
		programme.enrol(oxfordshire.id(), cohort.id(), TODAY);
		assertThat(programme.enrolledCounts().get(cohort.id())).containsEntry("15A", 3).containsEntry("10Q", 1);
		// enrolling creates the project, governed by the Place
		assertThat(programme.sitesIn("10Q")).extracting(ProgrammeSite::id).contains(oxfordshire.id());
		assertThat(programme.project(oxfordshire.id(), "SAME_DAY")).isPresent();
	}

	@Test
	void twoEnrolmentsRacingForTheLastPlaceGetOneEach() throws Exception {
		Cohort cohort = newCohort("CVD", 1);
		ProgrammeSite first = newSite("14Y", "BK-AYL");
		ProgrammeSite second = newSite("14Y", "BK-WYC");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Boolean>> attempts = new ArrayList<>();
			org.springframework.security.core.context.SecurityContext context = org.springframework.security.core.context.SecurityContextHolder
				.getContext();
			for (ProgrammeSite site : List.of(first, second)) {
				attempts.add(() -> {
					org.springframework.security.core.context.SecurityContextHolder.setContext(context);
					try {
						programme.enrol(site.id(), cohort.id(), TODAY);
						return true;
					}
					catch (Refused refused) {
						return false;
					}
				});
			}
			List<Boolean> outcomes = new ArrayList<>();
			for (Future<Boolean> outcome : pool.invokeAll(attempts)) {
				outcomes.add(outcome.get());
			}
			assertThat(outcomes).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdown();
		}
		assertThat(programme.enrolledCounts().get(cohort.id())).containsEntry("14Y", 1);
	}

	@Test
	void aSiteKeepsItsHistoryAcrossWorkstreamsAndJoinsOneCohortOfEach() {
		ProgrammeSite site = newSite("10Q", "OX-BAN");
		Cohort sameDay = newCohort("SAME_DAY", 9);
		Cohort cvd = newCohort("CVD", 9);
		programme.enrol(site.id(), sameDay.id(), TODAY);
		programme.enrol(site.id(), cvd.id(), TODAY);
		assertThat(programme.enrolments(site.id())).extracting(Programme.EnrolmentRecord::cohortId)
			.containsExactlyInAnyOrder(sameDay.id(), cvd.id());
		Cohort anotherSameDay = newCohort("SAME_DAY", 9);
		assertThatThrownBy(() -> programme.enrol(site.id(), anotherSameDay.id(), TODAY))
			.isInstanceOf(Refused.class)
			.hasMessageContaining("already enrolled");
		Cohort mobilisation = newCohort("INT", 0);
		assertThatThrownBy(() -> programme.enrol(site.id(), mobilisation.id(), TODAY))
			.hasMessageContaining("does not enrol sites");
	}

	private void publish(Object... published) {
		transactions.executeWithoutResult(status -> {
			for (Object event : published) {
				events.publishEvent(event);
			}
		});
	}

	private static String testSiteCode() {
		return "T-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aFedMeasureUsesTheFeedFromItsWeekAndTheBaselineEnteredByHandBefore() {
		String siteCode = testSiteCode();
		ProgrammeSite site = newSite("15A", siteCode);
		Cohort cohort = newCohort("INT", 3);
		programme.enrol(site.id(), cohort.id(), TODAY);
		Project project = programme.project(site.id(), "INT").orElseThrow();
		Measure measure = measures.add(project.id(), new Measures.Draft("Caseload", Measure.Kind.PROCESS,
				Feed.CASELOAD_PEOPLE.definition(), Spc.Direction.INCREASE, "people", null, Feed.CASELOAD_PEOPLE, WEEK,
				10));
		measures.enter(project.id(), measure.id(), WEEK.minusWeeks(1), new java.math.BigDecimal("35"));
		// a week the feed covers is refused, with the reason
		assertThatThrownBy(() -> measures.enter(project.id(), measure.id(), WEEK.plusDays(2),
				new java.math.BigDecimal("99")))
			.isInstanceOf(Refused.class)
			.hasMessageContaining("is fed from People on the INT caseload");
		publish(new CaseloadCounted(siteCode, WEEK, 41, 30, 2, Instant.now()),
				new CaseloadCounted(siteCode, WEEK.minusWeeks(1), 7, 3, 1, Instant.now()));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			MeasureChart chart = charts.chart(measure, programme.directorySiteCodes(site), WEEK.plusWeeks(2));
			// the feed's count for the baseline week is not used: the hand value is
			assertThat(chart.weeks()).extracting(MeasureChart.Week::weekStarting, MeasureChart.Week::value,
					MeasureChart.Week::fed, MeasureChart.Week::n)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(WEEK.minusWeeks(1), 35.0, false, null),
						org.assertj.core.groups.Tuple.tuple(WEEK, 41.0, true, 41L));
		});
	}

}
