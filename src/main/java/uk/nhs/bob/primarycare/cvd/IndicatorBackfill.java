package uk.nhs.bob.primarycare.cvd;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.ObservationType;
import uk.nhs.bob.primarycare.population.PersonRecord;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;

/**
 * Back-fills the trend: for each of the last {@link IndicatorSnapshots#QUARTERS} quarter ends, the dashboard
 * indicators counted per practice as they stood on that day, from the dated record. A person counts only while
 * registered at their practice and alive, at their age then; the record is read as it stood then (entries dated later
 * left out, problems resolved and prescriptions ended later still open), with the outreach and personalised care
 * adjustments recorded by then. Stored as back-filled snapshots beside the live ones. Where the record cannot give an
 * indicator for a quarter (its readings or cholesterol tests do not reach back over the indicator's window) the gap is
 * stored with the reason, and the page says so instead of drawing a point.
 */
@Component
class IndicatorBackfill {

	private static final Logger log = LoggerFactory.getLogger(IndicatorBackfill.class);

	/** Parts of the population read at once, as the refresh does (two cores). */
	private static final int PARTS = 2;

	/** An indicator the record cannot give for a quarter, and why. */
	record Gap(Dashboard.Indicator indicator, String reason) {
	}

	/** What a back-fill did. */
	record Result(List<LocalDate> quarters, long people, double seconds) {
	}

	private final Population population;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final PlatformTransactionManager transactions;

	private final Outreaches outreaches;

	private final CareAdjustments adjustments;

	IndicatorBackfill(Population population, Directory directory, JdbcClient jdbc,
			PlatformTransactionManager transactions, Outreaches outreaches, CareAdjustments adjustments) {
		this.population = population;
		this.directory = directory;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outreaches = outreaches;
		this.adjustments = adjustments;
	}

	/** The last quarter ends up to a day, oldest first: the quarter end on or before it and the ones before. */
	static List<LocalDate> quarters(LocalDate today) {
		List<LocalDate> quarters = new ArrayList<>();
		LocalDate quarter = IndicatorSnapshots.quarterEnd(today);
		for (int i = 0; i < IndicatorSnapshots.QUARTERS; i++) {
			quarters.add(0, quarter);
			quarter = IndicatorSnapshots.quarterEnd(quarter.minusDays(1));
		}
		return quarters;
	}

	/** Whether the window of quarters ending with the last quarter end before today has not been back-filled. */
	boolean due(LocalDate today) {
		return jdbc.sql("SELECT count(*) FROM cvd.indicator_backfill WHERE quarter_end = ?")
			.param(IndicatorSnapshots.quarterEnd(today))
			.query(Long.class)
			.single() == 0;
	}

	/**
	 * The person as they stood on a day, or null when they were not then counted: not yet born, dead by then, or not
	 * registered at their practice on that day.
	 */
	static @Nullable PersonSummary asAt(PersonSummary person, LocalDate day) {
		if (person.dateOfBirth().isAfter(day) || !person.registeredOn(day)
				|| (person.dateOfDeath() != null && !person.dateOfDeath().isAfter(day))) {
			return null;
		}
		return new PersonSummary(person.nhsNumber(), person.givenName(), person.familyName(), person.dateOfBirth(),
				PersonSummary.ageOn(person.dateOfBirth(), day), person.sex(), person.ethnicity(), person.postcode(),
				person.lsoaCode(), person.lsoaName(), person.imdDecile(), person.imdVersion(), person.townsendScore(),
				person.registeredPractice(), null, person.registeredFrom(), person.registeredUntil());
	}

	/**
	 * The indicators the record cannot give for a quarter, from the earliest blood pressure reading and cholesterol
	 * test anyone has (null when none): the hypertension indicators judge the readings of the 12 months before, QRISK3
	 * needs a reading and a cholesterol test by then, and assessed in 5 years needs the cholesterol tests of the 5
	 * years before. The registers rest on dated diagnoses and are always given while anyone was registered.
	 */
	static List<Gap> gaps(LocalDate quarter, long people, @Nullable LocalDate earliestReading,
			@Nullable LocalDate earliestCholesterol) {
		List<Gap> gaps = new ArrayList<>();
		if (people == 0) {
			for (Dashboard.Indicator indicator : Dashboard.Indicator.values()) {
				gaps.add(new Gap(indicator, "no one in the record was registered and alive on this day"));
			}
			return gaps;
		}
		String readings = earliestReading == null ? "the record has no blood pressure readings"
				: "blood pressure readings in the record start on " + RiskAssessment.date(earliestReading);
		String cholesterol = earliestCholesterol == null ? "the record has no cholesterol tests"
				: "cholesterol tests in the record start on " + RiskAssessment.date(earliestCholesterol);
		if (earliestReading == null || earliestReading.isAfter(quarter.minusMonths(12))) {
			String reason = readings + ", so the 12 months before this quarter end are not covered";
			gaps.add(new Gap(Dashboard.Indicator.POSSIBLE_UNDIAGNOSED, reason));
			gaps.add(new Gap(Dashboard.Indicator.TREATED_TO_TARGET, reason));
		}
		if (earliestReading == null || earliestReading.isAfter(quarter) || earliestCholesterol == null
				|| earliestCholesterol.isAfter(quarter)) {
			gaps.add(new Gap(Dashboard.Indicator.HIGH_RISK_ON_STATIN,
					(earliestReading == null || earliestReading.isAfter(quarter) ? readings : cholesterol)
							+ ", so QRISK3 cannot be scored as at this quarter end"));
		}
		if (earliestCholesterol == null || earliestCholesterol.isAfter(quarter.minusYears(5))) {
			gaps.add(new Gap(Dashboard.Indicator.RISK_ASSESSED,
					cholesterol + ", so the 5 years before this quarter end are not covered"));
		}
		return gaps;
	}

	/** Counts per practice and quarter, summed over the people of one part of the population. */
	static final class Tally {

		final List<LocalDate> quarters;

		final Organisations organisations;

		final Map<String, OutreachHistory>[] histories;

		final Map<String, CareAdjustments.InForce>[] inForce;

		/** quarter index, then practice code, then the 8 counts of the snapshot row. */
		final List<Map<String, long[]>> counts = new ArrayList<>();

		final long[] registrationStartUnknown;

		@Nullable LocalDate earliestReading;

		@Nullable LocalDate earliestCholesterol;

		long people;

		Tally(List<LocalDate> quarters, Organisations organisations, Map<String, OutreachHistory>[] histories,
				Map<String, CareAdjustments.InForce>[] inForce) {
			this.quarters = quarters;
			this.organisations = organisations;
			this.histories = histories;
			this.inForce = inForce;
			this.registrationStartUnknown = new long[quarters.size()];
			for (int i = 0; i < quarters.size(); i++) {
				counts.add(new HashMap<>());
			}
		}

		void accept(PersonRecord personRecord) {
			people++;
			PersonSummary person = personRecord.person();
			CodedRecord record = personRecord.record();
			for (CodedRecord.Observation o : record.observations()) {
				if (o.type() == ObservationType.SYSTOLIC_BP
						&& (earliestReading == null || o.date().isBefore(earliestReading))) {
					earliestReading = o.date();
				}
				else if (o.type() == ObservationType.TOTAL_CHOLESTEROL
						&& (earliestCholesterol == null || o.date().isBefore(earliestCholesterol))) {
					earliestCholesterol = o.date();
				}
			}
			PracticeSummary practice = organisations.practice(person.registeredPractice());
			if (practice == null) {
				return;
			}
			String nhs = person.nhsNumber().value();
			for (int q = 0; q < quarters.size(); q++) {
				LocalDate day = quarters.get(q);
				PersonSummary then = asAt(person, day);
				if (then == null) {
					continue;
				}
				if (person.registeredFrom() == null) {
					registrationStartUnknown[q]++;
				}
				CaseFinding.Evaluation evaluation = CaseFinding.evaluateQuickly(then, record.asAt(day),
						histories[q].getOrDefault(nhs, OutreachHistory.NONE),
						inForce[q].getOrDefault(nhs, CareAdjustments.InForce.NONE), day);
				long[] c = counts.get(q).computeIfAbsent(practice.odsCode().value(), code -> new long[8]);
				Double score = evaluation.assessment().score();
				boolean highRisk = score != null && score >= CaseFinding.QRISK_THRESHOLD;
				boolean aged = then.age() >= 40 && then.age() <= 74;
				c[0]++;
				c[1] += evaluation.hypertension() ? 1 : 0;
				c[2] += evaluation.found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION) ? 1 : 0;
				c[3] += evaluation.hypertension() && Boolean.TRUE.equals(evaluation.bpToTarget()) ? 1 : 0;
				c[4] += highRisk ? 1 : 0;
				c[5] += highRisk && evaluation.onStatin() ? 1 : 0;
				c[6] += aged ? 1 : 0;
				c[7] += aged && evaluation.assessedIn5Years() ? 1 : 0;
			}
		}

		void absorb(Tally part) {
			people += part.people;
			earliestReading = earlier(earliestReading, part.earliestReading);
			earliestCholesterol = earlier(earliestCholesterol, part.earliestCholesterol);
			for (int q = 0; q < quarters.size(); q++) {
				registrationStartUnknown[q] += part.registrationStartUnknown[q];
				Map<String, long[]> into = counts.get(q);
				part.counts.get(q).forEach((practice, c) -> {
					long[] sum = into.computeIfAbsent(practice, code -> new long[8]);
					for (int i = 0; i < sum.length; i++) {
						sum[i] += c[i];
					}
				});
			}
		}

		private static @Nullable LocalDate earlier(@Nullable LocalDate a, @Nullable LocalDate b) {
			return a == null ? b : b == null || a.isBefore(b) ? a : b;
		}

	}

	/**
	 * Back-fills the last quarters up to today: reads everyone once (in parts, as the refresh does), evaluates each
	 * person as at every quarter end, then replaces the back-filled snapshots and gaps in one transaction.
	 */
	@SuppressWarnings("unchecked")
	Result run(LocalDate today) {
		long started = System.nanoTime();
		List<LocalDate> quarters = quarters(today);
		Map<String, OutreachHistory>[] histories = new Map[quarters.size()];
		Map<String, CareAdjustments.InForce>[] inForce = new Map[quarters.size()];
		for (int q = 0; q < quarters.size(); q++) {
			histories[q] = outreaches.histories(quarters.get(q));
			inForce[q] = adjustments.allInForceOn(quarters.get(q));
		}
		Organisations organisations = Organisations.of(directory);
		Tally total = new Tally(quarters, organisations, histories, inForce);
		TransactionTemplate read = new TransactionTemplate(transactions);
		read.setReadOnly(true);
		read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		PopulationInParts.run(population.splitPoints(PARTS), "cvd-backfill", "back-fill the CVD indicators",
				() -> new Tally(quarters, organisations, histories, inForce),
				(part, from, to) -> read.executeWithoutResult(status -> population.forEachPerson(from, to, part::accept)))
			.forEach(total::absorb);
		store(total, organisations);
		double seconds = (System.nanoTime() - started) / 1e9;
		log.info("CVD trend back-filled from the record: {} quarters ({} to {}), {} people, in {} s", quarters.size(),
				quarters.get(0), quarters.get(quarters.size() - 1), total.people, String.format("%.1f", seconds));
		return new Result(quarters, total.people, seconds);
	}

	private void store(Tally tally, Organisations organisations) {
		TransactionTemplate write = new TransactionTemplate(transactions);
		write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		Timestamp now = Timestamp.from(Instant.now());
		write.executeWithoutResult(status -> {
			jdbc.sql("DELETE FROM cvd.indicator_snapshot WHERE backfilled").update();
			jdbc.sql("DELETE FROM cvd.indicator_backfill").update();
			for (int q = 0; q < tally.quarters.size(); q++) {
				LocalDate quarter = tally.quarters.get(q);
				long people = 0;
				for (Map.Entry<String, long[]> entry : tally.counts.get(q).entrySet()) {
					long[] c = entry.getValue();
					people += c[0];
					PracticeSummary practice = organisations.practice(new uk.nhs.bob.primarycare.shared.OdsCode(
							entry.getKey()));
					jdbc.sql("""
							INSERT INTO cvd.indicator_snapshot (quarter_end, practice_code, pcn_code, place_code,
							    people, hypertension, possible_undiagnosed, to_target, high_risk, high_risk_statin,
							    aged_40_74, assessed, taken_on, backfilled)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")
						.params(quarter, entry.getKey(), practice.pcnCode(), practice.placeCode(), c[0], c[1], c[2],
								c[3], c[4], c[5], c[6], c[7], LocalDate.now(PersonEvaluation.UK))
						.update();
				}
				jdbc.sql("""
						INSERT INTO cvd.indicator_backfill (quarter_end, backfilled_at, people,
						    registration_start_unknown)
						VALUES (?, ?, ?, ?)""")
					.params(quarter, now, people, tally.registrationStartUnknown[q])
					.update();
				for (Gap gap : gaps(quarter, people, tally.earliestReading, tally.earliestCholesterol)) {
					jdbc.sql("INSERT INTO cvd.indicator_backfill_gap (quarter_end, indicator, reason) VALUES (?, ?, ?)")
						.params(quarter, gap.indicator().name(), gap.reason())
						.update();
				}
			}
		});
	}

}
