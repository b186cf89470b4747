package uk.nhs.bob.primarycare.programme.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.Scenario;

import uk.nhs.bob.primarycare.cvd.CvdIndicatorsCounted;
import uk.nhs.bob.primarycare.cvd.CvdOutreachRecorded;
import uk.nhs.bob.primarycare.cvd.OutreachRecords;
import uk.nhs.bob.primarycare.cvd.PossibleHypertensionFound;
import uk.nhs.bob.primarycare.neighbourhood.AgreedCarePlans;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadPersonAdded;
import uk.nhs.bob.primarycare.programme.ProgrammeModuleTest;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.TriageRequestCompleted;
import uk.nhs.bob.primarycare.triage.TriageRequestNotRightFirstTime;
import uk.nhs.bob.primarycare.triage.TriageRequestSummaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The delivery programme on its own (with the modules whose beans it uses: directory, identity, audit; see
 * {@link ProgrammeModuleTest}), fed the other modules' events as they publish them: each event becomes the weekly
 * count or snapshot its measures read, once. The publishing modules are not started; their events are the whole
 * contract.
 */
@ProgrammeModuleTest
class ProgrammeFeedModuleTests {

	private static final LocalDate WEEK = LocalDate.of(2026, 11, 16);

	private static final NhsNumber PERSON = NhsNumber.parse("9434765919").orElseThrow();

	private final FeedValues feedValues;

	private final ApplicationContext context;

	ProgrammeFeedModuleTests(FeedValues feedValues, ApplicationContext context) {
		this.feedValues = feedValues;
		this.context = context;
	}

	@Test
	void startsWithoutThePublishingModules() {
		assertThat(context.getBeanNamesForType(FeedListener.class)).hasSize(1);
		assertThat(context.getBeanNamesForType(TriageRequestSummaries.class)).isEmpty();
		assertThat(context.getBeanNamesForType(AgreedCarePlans.class)).isEmpty();
		assertThat(context.getBeanNamesForType(OutreachRecords.class)).isEmpty();
		assertThat(context.getEnvironment().getProperty("primarycare.demo.enabled", Boolean.class)).isFalse();
	}

	@Test
	void triageEventsFeedTheWeeklySharesAndMedianCountingARedeliveredEventOnce(Scenario scenario) {
		String site = testSiteCode();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		Instant now = Instant.now();
		TriageRequestCompleted pharmacy = new TriageRequestCompleted(first, site, "15A", WEEK, "PHARMACY_FIRST", true,
				false, false, 600, now);
		List<Object> events = List.of(pharmacy,
				new TriageRequestCompleted(second, site, "15A", WEEK, "GP_SAME_DAY", false, false, false, 1200, now),
				new TriageRequestCompleted(UUID.randomUUID(), site, "15A", WEEK, "OPTOMETRY", true, false, false, 3000,
						now),
				new TriageRequestCompleted(UUID.randomUUID(), site, "15A", WEEK.plusWeeks(1), "GP_SAME_DAY", false,
						false, false, 60, now),
				new TriageRequestNotRightFirstTime(second, UUID.randomUUID(), site, WEEK),
				// the same completion delivered again, as the publication registry does after a failure
				pharmacy);

		scenario.stimulate((transactions, publisher) -> {
			transactions.executeWithoutResult(status -> events.forEach(publisher::publishEvent));
		})
			.andWaitForStateChange(() -> fed(site, Feed.TRIAGE_COMPLETED, Feed.TRIAGE_AWAY_SHARE,
					Feed.TRIAGE_RIGHT_FIRST_TIME_SHARE, Feed.TRIAGE_MEDIAN_MINUTES),
					fed -> fed.get(Feed.TRIAGE_COMPLETED).size() == 2
							&& fed.get(Feed.TRIAGE_RIGHT_FIRST_TIME_SHARE).getOrDefault(WEEK, 100.0) < 100.0)
			.andVerify(fed -> {
				assertThat(fed.get(Feed.TRIAGE_COMPLETED)).containsEntry(WEEK, 3.0).containsEntry(WEEK.plusWeeks(1), 1.0);
				assertThat(fed.get(Feed.TRIAGE_AWAY_SHARE).get(WEEK)).isCloseTo(200.0 / 3, within(1e-9));
				assertThat(fed.get(Feed.TRIAGE_RIGHT_FIRST_TIME_SHARE).get(WEEK)).isCloseTo(200.0 / 3, within(1e-9));
				// the median of 10, 20 and 50 minutes
				assertThat(fed.get(Feed.TRIAGE_MEDIAN_MINUTES)).containsEntry(WEEK, 20.0);
			});
	}

	@Test
	void neighbourhoodEventsFeedTheCaseloadCountsAndALateOlderCountDoesNotReplaceANewerOne(Scenario scenario) {
		String site = testSiteCode();
		String otherSite = testSiteCode();
		Instant earlier = Instant.parse("2026-11-17T09:00:00Z");
		List<Object> events = List.of(new CaseloadCounted(site, WEEK, 40, 30, 5, earlier),
				new CaseloadCounted(otherSite, WEEK, 10, 8, 1, earlier),
				new CaseloadPersonAdded(UUID.randomUUID(), UUID.randomUUID(), site, PERSON, WEEK.plusDays(2)),
				new CaseloadCounted(site, WEEK, 42, 31, 4, earlier.plusSeconds(3600)),
				new CaseloadCounted(site, WEEK, 1, 1, 1, earlier.minusSeconds(3600)));

		scenario.stimulate((transactions, publisher) -> {
			transactions.executeWithoutResult(status -> events.forEach(publisher::publishEvent));
		})
			.andWaitForStateChange(() -> fed(site, Feed.CASELOAD_PEOPLE, Feed.CASELOAD_PLANS_AGREED, Feed.CASELOAD_ADDED),
					fed -> fed.get(Feed.CASELOAD_PEOPLE).containsKey(WEEK)
							&& fed.get(Feed.CASELOAD_ADDED).containsKey(WEEK)
							&& !feedValues.weekly(Feed.CASELOAD_REVIEWS_OVERDUE, Set.of(otherSite)).isEmpty())
			.andVerify(fed -> {
				assertThat(fed.get(Feed.CASELOAD_PEOPLE)).containsEntry(WEEK, 42.0);
				assertThat(fed.get(Feed.CASELOAD_PLANS_AGREED)).containsEntry(WEEK, 31.0);
				assertThat(fed.get(Feed.CASELOAD_ADDED)).containsEntry(WEEK, 1.0);
				assertThat(feedValues.weekly(Feed.CASELOAD_REVIEWS_OVERDUE, Set.of(site, otherSite)).get(WEEK).value())
					.isEqualTo(5.0);
			});
	}

	@Test
	void cvdEventsFeedFindsTheStatinShareAndOutreach(Scenario scenario) {
		String site = testSiteCode();
		List<Object> events = List.of(new PossibleHypertensionFound(PERSON, "K81001", site, 152, 95, WEEK, WEEK.plusDays(1)),
				new PossibleHypertensionFound(PERSON, "K81001", site, 160, 100, WEEK, WEEK.plusDays(3)),
				new CvdOutreachRecorded(UUID.randomUUID(), "K81001", site, "INVITATION", WEEK.plusDays(4)),
				new CvdIndicatorsCounted(site, WEEK, 12, 200, 150, 9, Instant.now()));

		scenario.stimulate((transactions, publisher) -> {
			transactions.executeWithoutResult(status -> events.forEach(publisher::publishEvent));
		})
			.andWaitForStateChange(
					() -> fed(site, Feed.CVD_HYPERTENSION_FOUND, Feed.CVD_OUTREACH_DONE, Feed.CVD_HIGH_RISK_ON_STATIN_SHARE),
					fed -> fed.get(Feed.CVD_HYPERTENSION_FOUND).getOrDefault(WEEK, 0.0) == 2.0
							&& fed.get(Feed.CVD_OUTREACH_DONE).containsKey(WEEK)
							&& fed.get(Feed.CVD_HIGH_RISK_ON_STATIN_SHARE).containsKey(WEEK))
			.andVerify(fed -> {
				assertThat(fed.get(Feed.CVD_OUTREACH_DONE)).containsEntry(WEEK, 1.0);
				assertThat(fed.get(Feed.CVD_HIGH_RISK_ON_STATIN_SHARE)).containsEntry(WEEK, 75.0);
			});
	}

	/** Each feed's weekly values for one site, as the measures read them. */
	private Map<Feed, SortedMap<LocalDate, Double>> fed(String site, Feed... feeds) {
		Map<Feed, SortedMap<LocalDate, Double>> values = new EnumMap<>(Feed.class);
		for (Feed feed : feeds) {
			SortedMap<LocalDate, Double> weekly = new TreeMap<>();
			feedValues.weekly(feed, Set.of(site)).forEach((week, fed) -> weekly.put(week, fed.value()));
			values.put(feed, weekly);
		}
		return values;
	}

	private static String testSiteCode() {
		return "T-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
