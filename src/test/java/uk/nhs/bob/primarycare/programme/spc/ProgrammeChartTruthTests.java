package uk.nhs.bob.primarycare.programme.spc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintKind;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.triage.TriageRequestCompleted;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeModuleTest;
import uk.nhs.bob.primarycare.programme.ProgrammeStaff;
import uk.nhs.bob.primarycare.programme.SignedIn;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.feed.Feed;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * One chart truth: every view shows the icons of the measure's own chart (rebases included), the week still running
 * and fed weeks below the minimum n are never judged, and the weeks fed from events cannot be entered by hand. Each
 * test makes its sites, measures and staff, and publishes the events its fed measures read.
 */
@ProgrammeModuleTest
class ProgrammeChartTruthTests {

	@Autowired
	ApiTokens tokens;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Programme programme;

	@Autowired
	Measures measures;

	@Autowired
	Charts charts;

	@Autowired
	MeasureRepository measureRepository;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	/** An ICB administrator and a delivery team member of Berkshire West (15A), made for each test. */
	@RegisterExtension
	final ProgrammeStaff staff = new ProgrammeStaff();

	/**
	 * A measure entered by hand for 26 weeks that are over, 13 around 10 then 13 around 20, rebased where the change
	 * started when asked.
	 */
	private Measure handEntered(Project project, String name, boolean rebased) {
		Measure measure = measures.add(project.id(), new Measures.Draft(name, Measure.Kind.PROCESS,
				"Invitations sent in the week", Spc.Direction.INCREASE, "invitations", null, null, null, 10));
		LocalDate first = thisMonday().minusWeeks(26);
		for (int w = 0; w < 26; w++) {
			int value = (w < 13 ? 10 : 20) + (w % 2 == 0 ? -1 : 1);
			measures.enter(project.id(), measure.id(), first.plusWeeks(w), BigDecimal.valueOf(value));
		}
		if (rebased) {
			measures.rebase(project.id(), measure.id(), first.plusWeeks(13), "Text invitations adopted");
		}
		return measures.find(project.id(), measure.id()).orElseThrow();
	}

	private static LocalDate thisMonday() {
		return IsoWeek.of(LocalDate.now(ZoneId.of("Europe/London"))).monday();
	}

	/** A Berkshire West site of its own (a footprint of codes no other test names), enrolled in a new cohort of the workstream. */
	private Project newProject(String workstream, String... siteCodes) {
		Set<FootprintCode> footprint = new java.util.HashSet<>();
		for (String siteCode : siteCodes) {
			footprint.add(new FootprintCode(FootprintKind.SITE, siteCode));
		}
		ProgrammeSite site = programme.addSite("Chart truth " + UUID.randomUUID().toString().substring(0, 8), "15A", "",
				footprint);
		Cohort cohort = programme.addCohort(workstream, "Chart truth cohort " + UUID.randomUUID().toString().substring(0, 6),
				thisMonday().minusMonths(1), thisMonday().plusMonths(5), 50, "");
		programme.enrol(site.id(), cohort.id(), thisMonday());
		return programme.project(site.id(), workstream).orElseThrow();
	}

	private String page(String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(user(staff.delivery()).roles("PLACE_DELIVERY")).exchange();
		SignedIn.as(staff.admin(), "ICB_ADMIN");
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The variation every icon of the measure on the page shows (all must agree, and there must be one). */
	private static String variationOn(String html, long measureId) {
		Matcher matcher = Pattern.compile("data-measure-id=\"" + measureId + "\"[^>]*?data-variation=\"([a-z_]+)\"")
			.matcher(html);
		java.util.Set<String> found = new java.util.HashSet<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		assertThat(found).as("icons of measure %s", measureId).hasSize(1);
		return found.iterator().next();
	}

	private static int attribute(String html, String rowSelector, String attribute) {
		Matcher matcher = Pattern.compile("<tr [^>]*" + Pattern.quote(rowSelector) + "[^>]*" + attribute + "=\"(\\d+)\"")
			.matcher(html);
		assertThat(matcher.find()).as("row %s", rowSelector).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private String apiVariation(long measureId) {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/programme/measures/" + measureId)
			.with(tokens.bearer("programme.spc"))
			.exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)
			.replaceAll("(?s).*\"variation\":\"([a-z_]+)\".*", "$1");
	}

	/** The point type of the last judged week in the project's CSV. */
	private String csvVariation(long projectId, String measureName) {
		String csv = page("/programme/projects/" + projectId + "/measures.csv");
		String last = null;
		for (String line : csv.split("\r\n")) {
			if (line.contains("\"" + measureName + "\"") && line.contains(",yes,")) {
				last = line;
			}
		}
		assertThat(last).isNotNull();
		String[] cells = last.split(",", -1);
		return cells[cells.length - 3];
	}

	@Test
	void everyViewShowsTheIconOfTheMeasuresOwnChartForARebasedMeasure() {
		Project project = newProject("CVD", "T-" + UUID.randomUUID().toString().substring(0, 8));
		String name = "Chart truth " + UUID.randomUUID().toString().substring(0, 8);
		Measure measure = measures.add(project.id(), new Measures.Draft(name, Measure.Kind.PROCESS,
				"Invitations sent in the week", Spc.Direction.INCREASE, "invitations", null, null, null, 10));
		// 13 weeks around 10, then 13 weeks around 20, all in weeks that are over
		LocalDate first = thisMonday().minusWeeks(26);
		for (int w = 0; w < 26; w++) {
			int value = (w < 13 ? 10 : 20) + (w % 2 == 0 ? -1 : 1);
			measures.enter(project.id(), measure.id(), first.plusWeeks(w), BigDecimal.valueOf(value));
		}
		long siteId = project.siteId();
		String measurePage = "/programme/projects/" + project.id() + "/measures/" + measure.id();
		// without a rebase the second half is a long run above the mean: special cause improvement everywhere
		assertThat(variationOn(page(measurePage), measure.id())).isEqualTo("special_cause_improvement");
		int icbImproving = attribute(page("/programme/icb"), "data-place=\"15A\"", "data-improving");
		int overviewImproving = attribute(page("/programme"), "data-place=\"15A\" data-workstream=\"CVD\"",
				"data-improving");

		// the team rebases where the change started: the new limits sit around 20, and nothing special remains
		assertThat(mvc.post()
			.uri(measurePage + "/rebases")
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("weekDay", String.valueOf(first.plusWeeks(13).getDayOfMonth()))
			.param("weekMonth", String.valueOf(first.plusWeeks(13).getMonthValue()))
			.param("weekYear", String.valueOf(first.plusWeeks(13).getYear()))
			.param("reason", "Text invitations adopted at every practice")).hasStatus3xxRedirection();

		String expected = "common_cause";
		assertThat(charts.chart(measure).variation()).isEqualTo(Spc.PointType.COMMON_CAUSE);
		String measureHtml = page(measurePage);
		assertThat(variationOn(measureHtml, measure.id())).isEqualTo(expected);
		assertThat(measureHtml).contains("Text invitations adopted at every practice");
		assertThat(variationOn(page("/programme/projects/" + project.id()), measure.id())).isEqualTo(expected);
		assertThat(variationOn(page("/programme/sites/" + siteId), measure.id())).isEqualTo(expected);
		assertThat(variationOn(page("/programme/places/15A"), measure.id())).isEqualTo(expected);
		assertThat(variationOn(page("/programme/portfolio?place=15A&workstream=CVD"), measure.id())).isEqualTo(expected);
		assertThat(variationOn(page("/programme/portfolio/board-pack?place=15A&workstream=CVD"), measure.id()))
			.isEqualTo(expected);
		assertThat(csvVariation(project.id(), name)).isEqualTo(expected);
		assertThat(apiVariation(measure.id())).isEqualTo(expected);
		// the counts of the ICB view and the overview lose the one improvement the rebase explained
		assertThat(attribute(page("/programme/icb"), "data-place=\"15A\"", "data-improving"))
			.isEqualTo(icbImproving - 1);
		assertThat(attribute(page("/programme"), "data-place=\"15A\" data-workstream=\"CVD\"", "data-improving"))
			.isEqualTo(overviewImproving - 1);
	}

	private void publish(Object... published) {
		transactions.executeWithoutResult(status -> {
			for (Object event : published) {
				events.publishEvent(event);
			}
		});
	}

	@Test
	void theWeekStillRunningAndAFedWeekBelowTheMinimumNAreShownButNeverJudged() {
		String siteCode = "T-" + UUID.randomUUID().toString().substring(0, 8);
		Project project = newProject("SAME_DAY", siteCode);
		// a reference week in the past, treated below as the week still running
		LocalDate current = thisMonday().minusWeeks(12);
		LocalDate firstFed = current.minusWeeks(8);
		Measure measure = measures.add(project.id(), new Measures.Draft("Median time", Measure.Kind.PROCESS,
				Feed.TRIAGE_MEDIAN_MINUTES.definition(), Spc.Direction.DECREASE, "minutes", null,
				Feed.TRIAGE_MEDIAN_MINUTES, firstFed, 10));
		Instant now = Instant.now();
		for (int w = 0; w < 8; w++) {
			for (int r = 0; r < 12; r++) {
				publish(new TriageRequestCompleted(UUID.randomUUID(), siteCode, "15A", firstFed.plusWeeks(w),
						"PHARMACY_FIRST", true, false, false, 600 + 60L * ((w + r) % 3), now));
			}
		}
		// one request on the Saturday of the running week took almost four hours
		publish(new TriageRequestCompleted(UUID.randomUUID(), siteCode, "15A", current, "GP_SAME_DAY", false, false,
				false, 14_210, now));
		Set<String> codes = Set.of(siteCode);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(charts.chart(measure, codes, current.plusDays(5)).weeks()).hasSize(9));

		MeasureChart running = charts.chart(measure, codes, current.plusDays(5));
		MeasureChart.Week last = running.weeks().get(8);
		assertThat(last.weekStarting()).isEqualTo(current);
		assertThat(last.value()).isCloseTo(236.83, org.assertj.core.api.Assertions.within(0.01));
		assertThat(last.n()).isEqualTo(1L);
		assertThat(last.notJudged()).isEqualTo(MeasureChart.NotJudged.CURRENT_WEEK);
		assertThat(last.judged()).isFalse();
		assertThat(running.variation()).isEqualTo(Spc.PointType.COMMON_CAUSE);
		assertThat(running.lastJudged().weekStarting()).isEqualTo(current.minusWeeks(1));
		// every fed week shows its n
		assertThat(running.weeks()).allSatisfy(week -> assertThat(week.n()).isNotNull());

		// once the week is over, its n of 1 is below the minimum of 10: still shown, still not judged
		MeasureChart after = charts.chart(measure, codes, current.plusDays(8));
		assertThat(after.weeks().get(8).notJudged()).isEqualTo(MeasureChart.NotJudged.LOW_N);
		assertThat(after.variation()).isEqualTo(Spc.PointType.COMMON_CAUSE);

		// it is the minimum n that keeps it out: with a minimum of 1 the one long request is a concern
		Measure current1 = measures.find(project.id(), measure.id()).orElseThrow();
		measures.edit(project.id(), measure.id(), current1.version(), new Measures.Draft(current1.name(),
				current1.kind(), current1.definition(), current1.direction(), current1.unit(), null, current1.feed(),
				current1.feedFrom(), 1));
		Measure edited = measures.find(project.id(), measure.id()).orElseThrow();
		assertThat(charts.chart(edited, codes, current.plusDays(8)).variation())
			.isEqualTo(Spc.PointType.SPECIAL_CAUSE_CONCERN);
		assertThat(charts.chart(edited, codes, current.plusDays(5)).variation()).isEqualTo(Spc.PointType.COMMON_CAUSE);
	}

	@Test
	void theRunningWeekCannotBeEnteredOrRebasedAndAFedWeekIsRefusedWithTheReason() {
		Project project = newProject("CVD", "T-" + UUID.randomUUID().toString().substring(0, 8));
		LocalDate feedFrom = thisMonday().minusWeeks(3);
		Measure measure = measures.add(project.id(), new Measures.Draft("Outreach", Measure.Kind.PROCESS,
				Feed.CVD_OUTREACH_DONE.definition(), Spc.Direction.INCREASE, "contacts", null, Feed.CVD_OUTREACH_DONE,
				feedFrom, 10));
		String values = "/programme/projects/" + project.id() + "/measures/" + measure.id() + "/values";
		LocalDate fedDay = feedFrom.plusDays(2);
		assertThat(mvc.post()
			.uri(values)
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("weekDay", String.valueOf(fedDay.getDayOfMonth()))
			.param("weekMonth", String.valueOf(fedDay.getMonthValue()))
			.param("weekYear", String.valueOf(fedDay.getYear()))
			.param("value", "42")).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "is fed from CVD outreach done",
					"so a value entered by hand would not be used", "42");
		SignedIn.as(staff.admin(), "ICB_ADMIN");
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		measures.enter(project.id(), measure.id(), feedFrom.minusWeeks(1), BigDecimal.TEN);
		assertThat(mvc.post()
			.uri(values)
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("weekDay", String.valueOf(today.getDayOfMonth()))
			.param("weekMonth", String.valueOf(today.getMonthValue()))
			.param("weekYear", String.valueOf(today.getYear()))
			.param("value", "7")).hasStatusOk()
			.bodyText()
			.contains("has not ended yet");
		SignedIn.as(staff.admin(), "ICB_ADMIN");
		// only the baseline week was saved
		assertThat(measures.handValues(measure.id())).extracting(Measures.HandValue::weekStarting)
			.containsExactly(feedFrom.minusWeeks(1));
		// the feed cannot be moved back over a week entered by hand
		Measure saved = measures.find(project.id(), measure.id()).orElseThrow();
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/measures/" + measure.id())
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("name", saved.name())
			.param("kind", "PROCESS")
			.param("definition", saved.definition())
			.param("direction", "INCREASE")
			.param("unit", saved.unit())
			.param("feedFromDay", String.valueOf(feedFrom.minusWeeks(2).getDayOfMonth()))
			.param("feedFromMonth", String.valueOf(feedFrom.minusWeeks(2).getMonthValue()))
			.param("feedFromYear", String.valueOf(feedFrom.minusWeeks(2).getYear()))
			.param("minimumN", "10")
			.param("version", String.valueOf(saved.version()))).hasStatusOk()
			.bodyText()
			.contains("A value was entered by hand for the week commencing");
		// a rebase from the running week, or with nothing judged after it, is refused
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/measures/" + measure.id() + "/rebases")
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("weekDay", String.valueOf(today.getDayOfMonth()))
			.param("weekMonth", String.valueOf(today.getMonthValue()))
			.param("weekYear", String.valueOf(today.getYear()))
			.param("reason", "Trying the running week")).hasStatusOk()
			.bodyText()
			.contains("has not ended yet: limits can only be recalculated from a week that is over");
		assertThat(mvc.post()
			.uri("/programme/projects/" + project.id() + "/measures/" + measure.id() + "/rebases")
			.with(user(staff.delivery()).roles("PLACE_DELIVERY"))
			.with(csrf())
			.param("weekDay", String.valueOf(feedFrom.getDayOfMonth()))
			.param("weekMonth", String.valueOf(feedFrom.getMonthValue()))
			.param("weekYear", String.valueOf(feedFrom.getYear()))
			.param("reason", "")).hasStatusOk()
			.bodyText()
			.contains("Enter why the limits are recalculated");
		assertThat(charts.rebases(measure.id())).isEmpty();
	}

	@Test
	void aMeasuresSummariesReadTheSameSeriesAsItsChart() {
		// a Berkshire West project with one measure improving and one explained by its rebase
		Project project = newProject("CVD", "T-" + UUID.randomUUID().toString().substring(0, 8));
		Measure improving = handEntered(project, "Summary " + UUID.randomUUID().toString().substring(0, 8), false);
		Measure rebased = handEntered(project, "Summary " + UUID.randomUUID().toString().substring(0, 8), true);
		String place = page("/programme/places/15A");
		assertThat(variationOn(place, improving.id())).isEqualTo("special_cause_improvement");
		assertThat(variationOn(place, rebased.id())).isEqualTo("common_cause");
		// and every other summary icon on the page is its chart's icon
		Matcher icons = Pattern.compile("data-measure-id=\"(\\d+)\" data-variation=\"([a-z_]+)\"").matcher(place);
		List<long[]> seen = new java.util.ArrayList<>();
		while (icons.find() && seen.size() < 12) {
			long id = Long.parseLong(icons.group(1));
			Measure measure = measures.find(programme.allProjects()
				.stream()
				.filter(p -> measures.find(p.id(), id).isPresent())
				.findFirst()
				.orElseThrow()
				.id(), id).orElseThrow();
			Spc.PointType variation = charts.chart(measure).variation();
			assertThat(icons.group(2)).isEqualTo(variation == null ? "none" : variation.code());
			seen.add(new long[] { id });
		}
		assertThat(seen).isNotEmpty();
	}

	/**
	 * The pages read many charts at once: each measure's chart read with all the others (hand-entered and fed weeks
	 * with their n, rebases, judged weeks, limits and icons) is the chart it has when read alone. Besides the demo's
	 * measures, two sites feed two feeds with different values, and a third site's footprint covers both of theirs.
	 * Both readings come from one snapshot, so events arriving meanwhile cannot make them differ.
	 */
	@Test
	void everyMeasureReadWithTheOthersHasTheChartItHasReadAlone() {
		String codeA = "T-" + UUID.randomUUID().toString().substring(0, 8);
		String codeB = "T-" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate firstFed = thisMonday().minusWeeks(4);
		List<Measure> fed = new java.util.ArrayList<>();
		for (String[] footprint : List.of(new String[] { codeA }, new String[] { codeB }, new String[] { codeA, codeB })) {
			Project project = newProject("SAME_DAY", footprint);
			for (Feed feed : List.of(Feed.TRIAGE_MEDIAN_MINUTES, Feed.TRIAGE_AWAY_SHARE)) {
				fed.add(measures.add(project.id(), new Measures.Draft(feed.name(), Measure.Kind.PROCESS,
						feed.definition(), Spc.Direction.DECREASE, feed == Feed.TRIAGE_AWAY_SHARE ? "%" : "minutes", null, feed,
						firstFed, 1)));
			}
		}
		Project first = newProject("INT", codeA);
		Measure caseload = measures.add(first.id(), new Measures.Draft(Feed.CASELOAD_PEOPLE.name(),
				Measure.Kind.PROCESS, Feed.CASELOAD_PEOPLE.definition(), Spc.Direction.INCREASE, "people", null,
				Feed.CASELOAD_PEOPLE, firstFed, 1));
		handEntered(newProject("CVD", "T-" + UUID.randomUUID().toString().substring(0, 8)),
				"Read together " + UUID.randomUUID().toString().substring(0, 8), true);
		Instant now = Instant.now();
		publish(new CaseloadCounted(codeA, firstFed, 14, 9, 1, now));
		for (int w = 0; w < 3; w++) {
			for (int r = 0; r < 4; r++) {
				publish(new TriageRequestCompleted(UUID.randomUUID(), codeA, "15A", firstFed.plusWeeks(w),
						"PHARMACY_FIRST", true, false, false, 600 + 60L * r, now),
						new TriageRequestCompleted(UUID.randomUUID(), codeB, "15A", firstFed.plusWeeks(w), "GP_SAME_DAY",
								r % 2 == 0, false, false, 1_800 + 300L * w, now));
			}
		}
		LocalDate today = thisMonday().plusDays(2);
		// every request has arrived: 12 for each site, 24 for the site covering both
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (int i = 0; i < fed.size(); i++) {
				assertThat(charts.chart(fed.get(i), today).weeks().stream().mapToLong(MeasureChart.Week::n).sum())
					.isEqualTo(i < 4 ? 12 : 24);
			}
			assertThat(charts.chart(caseload, today).weeks()).anyMatch(MeasureChart.Week::fed);
		});

		TransactionTemplate snapshot = new TransactionTemplate(transactions.getTransactionManager());
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		snapshot.executeWithoutResult(status -> {
			List<Measure> all = measureRepository.findAll(Sort.by("id"));
			Map<Long, MeasureChart> together = charts.charts(all, today);

			List<MeasureChart> read = List.copyOf(together.values());
			assertThat(read).hasSize(all.size());
			assertThat(read).anyMatch(c -> !c.rebases().isEmpty());
			assertThat(read).anyMatch(c -> c.weeks().stream().anyMatch(w -> !w.fed()));
			assertThat(read.stream().filter(c -> c.weeks().stream().anyMatch(MeasureChart.Week::fed))
				.map(c -> c.measure().feed())
				.distinct()).hasSizeGreaterThan(2);
			for (Measure measure : all) {
				assertThat(together.get(measure.id())).as("chart of measure %s", measure.id())
					.isEqualTo(charts.chart(measure, today));
			}
		});
	}

}
