package uk.nhs.bob.primarycare.programme.feed;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.cvd.CvdHighRiskFound;
import uk.nhs.bob.primarycare.cvd.CvdIndicatorsCounted;
import uk.nhs.bob.primarycare.cvd.CvdOutreachRecorded;
import uk.nhs.bob.primarycare.cvd.PossibleHypertensionFound;
import uk.nhs.bob.primarycare.neighbourhood.CarePlanAgreed;
import uk.nhs.bob.primarycare.neighbourhood.CarePlanReviewed;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadPersonAdded;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadPersonDischarged;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.triage.TriageRequestCompleted;
import uk.nhs.bob.primarycare.triage.TriageRequestNotRightFirstTime;

/**
 * Adds the other modules' events up per directory neighbourhood site and ISO week. Only counts, request ids and
 * durations are kept: the per-person events' NHS numbers are never stored. Each listener runs after the publisher's
 * commit in its own transaction (the publication registry retries it if it fails).
 */
@Component
class FeedListener {

	static final String CASELOAD_ADDED = "CASELOAD_ADDED";

	static final String CASELOAD_DISCHARGED = "CASELOAD_DISCHARGED";

	static final String PLAN_AGREED = "PLAN_AGREED";

	static final String PLAN_REVIEWED = "PLAN_REVIEWED";

	static final String HYPERTENSION_FOUND = "CVD_HYPERTENSION_FOUND";

	static final String HIGH_RISK_FOUND = "CVD_HIGH_RISK_FOUND";

	static final String OUTREACH = "CVD_OUTREACH";

	static final String SNAPSHOT_CASELOAD_PEOPLE = "CASELOAD_PEOPLE";

	static final String SNAPSHOT_PLANS_AGREED = "CASELOAD_PLANS_AGREED";

	static final String SNAPSHOT_REVIEWS_OVERDUE = "CASELOAD_REVIEWS_OVERDUE";

	static final String SNAPSHOT_POSSIBLE_HYPERTENSION = "CVD_POSSIBLE_HYPERTENSION";

	static final String SNAPSHOT_HIGH_RISK = "CVD_HIGH_RISK";

	static final String SNAPSHOT_HIGH_RISK_ON_STATIN = "CVD_HIGH_RISK_ON_STATIN";

	static final String SNAPSHOT_OUTREACH_DONE = "CVD_OUTREACH_DONE";

	private final JdbcClient jdbc;

	FeedListener(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(TriageRequestCompleted event) {
		jdbc.sql("""
				insert into programme.triage_decision
					(request_id, site_code, week_starting, away_from_general_practice, seconds_to_decision)
				values (?, ?, ?, ?, ?) on conflict (request_id) do nothing""")
			.params(event.requestId(), event.siteCode(), IsoWeek.of(event.weekStarting()).monday(),
					event.awayFromGeneralPractice(), Math.max(0, event.secondsToDecision()))
			.update();
	}

	@ApplicationModuleListener
	void on(TriageRequestNotRightFirstTime event) {
		jdbc.sql("""
				insert into programme.triage_not_right_first_time (earlier_request_id, site_code, week_starting)
				values (?, ?, ?) on conflict (earlier_request_id) do nothing""")
			.params(event.earlierRequestId(), event.siteCode(), IsoWeek.of(event.earlierWeekStarting()).monday())
			.update();
	}

	@ApplicationModuleListener
	void on(CaseloadPersonAdded event) {
		count(CASELOAD_ADDED, event.siteCode(), event.addedOn());
	}

	@ApplicationModuleListener
	void on(CaseloadPersonDischarged event) {
		count(CASELOAD_DISCHARGED, event.siteCode(), event.dischargedOn());
	}

	@ApplicationModuleListener
	void on(CarePlanAgreed event) {
		count(PLAN_AGREED, event.siteCode(), event.agreedOn());
	}

	@ApplicationModuleListener
	void on(CarePlanReviewed event) {
		count(PLAN_REVIEWED, event.siteCode(), event.reviewedOn());
	}

	@ApplicationModuleListener
	void on(CaseloadCounted event) {
		LocalDate week = IsoWeek.of(event.weekStarting()).monday();
		OffsetDateTime at = event.countedAt().atOffset(ZoneOffset.UTC);
		snapshot(SNAPSHOT_CASELOAD_PEOPLE, event.siteCode(), week, event.peopleOnCaseload(), at);
		snapshot(SNAPSHOT_PLANS_AGREED, event.siteCode(), week, event.plansAgreed(), at);
		snapshot(SNAPSHOT_REVIEWS_OVERDUE, event.siteCode(), week, event.reviewsOverdue(), at);
	}

	@ApplicationModuleListener
	void on(PossibleHypertensionFound event) {
		count(HYPERTENSION_FOUND, event.siteCode(), event.foundOn());
	}

	@ApplicationModuleListener
	void on(CvdHighRiskFound event) {
		count(HIGH_RISK_FOUND, event.siteCode(), event.foundOn());
	}

	@ApplicationModuleListener
	void on(CvdOutreachRecorded event) {
		count(OUTREACH, event.siteCode(), event.recordedOn());
	}

	@ApplicationModuleListener
	void on(CvdIndicatorsCounted event) {
		LocalDate week = IsoWeek.of(event.weekStarting()).monday();
		OffsetDateTime at = event.countedAt().atOffset(ZoneOffset.UTC);
		snapshot(SNAPSHOT_POSSIBLE_HYPERTENSION, event.siteCode(), week, event.possibleUndiagnosedHypertension(), at);
		snapshot(SNAPSHOT_HIGH_RISK, event.siteCode(), week, event.highRisk(), at);
		snapshot(SNAPSHOT_HIGH_RISK_ON_STATIN, event.siteCode(), week, event.highRiskOnStatin(), at);
		snapshot(SNAPSHOT_OUTREACH_DONE, event.siteCode(), week, event.outreachDone(), at);
	}

	private void count(String metric, String siteCode, LocalDate day) {
		jdbc.sql("""
				insert into programme.feed_count (metric, site_code, week_starting, count) values (?, ?, ?, 1)
				on conflict (metric, site_code, week_starting) do update set count = programme.feed_count.count + 1""")
			.params(metric, siteCode, IsoWeek.of(day).monday())
			.update();
	}

	private void snapshot(String metric, String siteCode, LocalDate week, int value, OffsetDateTime countedAt) {
		jdbc.sql("""
				insert into programme.feed_snapshot (metric, site_code, week_starting, value, counted_at)
				values (?, ?, ?, ?, ?)
				on conflict (metric, site_code, week_starting) do update
					set value = excluded.value, counted_at = excluded.counted_at
					where excluded.counted_at >= programme.feed_snapshot.counted_at""")
			.params(metric, siteCode, week, value, countedAt)
			.update();
	}

}
