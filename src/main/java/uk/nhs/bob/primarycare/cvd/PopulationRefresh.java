package uk.nhs.bob.primarycare.cvd;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.PersonRecord;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Re-evaluates the whole population into cvd.person_risk and cvd.finding. Everyone is streamed from the population
 * once, evaluated, and written with COPY into staging tables that are then swapped in by renaming, so lists and
 * counts keep answering from the previous refresh until the new one is complete.
 * <p>
 * Events: a person newly found at high risk or with possible undiagnosed hypertension since the previous refresh is
 * published ({@link CvdHighRiskFound}, {@link PossibleHypertensionFound}) in the swap's transaction. The very first
 * refresh sets the baseline and publishes none of these (else 2,000,000 people would flood the event publication
 * registry with findings nobody newly made). Each refresh publishes a {@link CvdIndicatorsCounted} per site.
 */
@Component
class PopulationRefresh {

	private static final Logger log = LoggerFactory.getLogger(PopulationRefresh.class);

	static final String LOCK_NAME = "cvd-population-refresh";

	/** Rows are sent to PostgreSQL in chunks of about this many characters. */
	private static final int COPY_CHUNK = 4 << 20;

	/** Progress is counted in thousands of people, written at most once a second per part (the page polls every 2 s). */
	private static final int PROGRESS_EVERY = 1_000;

	private static final long PROGRESS_AT_MOST_NANOS = 1_000_000_000L;

	/** Parts of the population read, evaluated and written at once (this machine has two cores). */
	private static final int PARTS = 2;

	/** More newly found people than this in one refresh are counted, not published one by one. */
	static final int MAX_FOUND_EVENTS = 20_000;

	private final Population population;

	private final Directory directory;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final PlatformTransactionManager transactions;

	private final ApplicationEventPublisher events;

	private final PersonEvaluation personEvaluation;

	private final Outreaches outreaches;

	private final CareAdjustments adjustments;

	private final MeterRegistry meters;

	private final IndicatorSnapshots snapshots;

	private final IndicatorBackfill backfill;

	PopulationRefresh(Population population, Directory directory, DataSource dataSource, JdbcClient jdbc,
			PlatformTransactionManager transactions, ApplicationEventPublisher events,
			PersonEvaluation personEvaluation, Outreaches outreaches, CareAdjustments adjustments,
			MeterRegistry meters, IndicatorSnapshots snapshots, IndicatorBackfill backfill) {
		this.population = population;
		this.directory = directory;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.personEvaluation = personEvaluation;
		this.outreaches = outreaches;
		this.adjustments = adjustments;
		this.meters = meters;
		this.snapshots = snapshots;
		this.backfill = backfill;
	}

	/** Records a new run (so its progress shows at once) and returns its id. */
	long start(String trigger, @Nullable String username) {
		return jdbc.sql("""
				INSERT INTO cvd.refresh_run (started_at, status, trigger, started_by, total)
				VALUES (?, 'RUNNING', ?, ?, ?) RETURNING id""")
			.params(Timestamp.from(Instant.now()), trigger, username, population.count())
			.query(Long.class)
			.single();
	}

	/** Runs a started refresh to the end; a failure is recorded on the run and rethrown. */
	void run(long runId) {
		Timer.Sample sample = Timer.start(meters);
		String outcome = "failure";
		try {
			refresh(runId);
			outcome = "success";
		}
		catch (RuntimeException | SQLException | IOException ex) {
			log.error("CVD population refresh {} failed", runId, ex);
			jdbc.sql("UPDATE cvd.refresh_run SET status = 'FAILED', finished_at = ?, message = ? WHERE id = ?")
				.params(Timestamp.from(Instant.now()), String.valueOf(ex.getMessage()), runId)
				.update();
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("CVD population refresh failed", ex);
		}
		finally {
			sample.stop(Timer.builder("primarycare.cvd.refresh")
				.description("CVD population refreshes, from reading the population to the last event")
				.tag("outcome", outcome)
				.register(meters));
		}
		// after the refresh (its lists are in use already), the trend of the last quarters is back-filled from the
		// record, once per quarter: the first refresh after a quarter end does it
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		if (backfill.due(today)) {
			try {
				backfill.run(today);
			}
			catch (RuntimeException ex) {
				// the refresh itself is complete; the back-fill is tried again after the next one
				log.error("Could not back-fill the CVD trend", ex);
			}
		}
	}

	/** Starts and runs a refresh in the calling thread. */
	long runNow(String trigger, @Nullable String username) {
		long id = start(trigger, username);
		run(id);
		return id;
	}

	private void refresh(long runId) throws SQLException, IOException {
		long started = System.nanoTime();
		Instant startedAt = Instant.now();
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		boolean baseline = jdbc.sql("SELECT count(*) FROM cvd.refresh_run WHERE status = 'COMPLETED'")
			.query(Long.class)
			.single() == 0;
		Previous previous = Previous.load(jdbc);
		Map<String, OutreachHistory> histories = outreaches.histories();
		Map<String, CareAdjustments.InForce> inForce = adjustments.allInForce(today);
		Organisations organisations = Organisations.of(directory);
		State state = new State(runId, baseline, previous, histories, inForce, organisations, today, startedAt);

		try (Connection writer = dataSource.getConnection()) {
			writer.setAutoCommit(true);
			try (Statement statement = writer.createStatement()) {
				statement.execute("DROP TABLE IF EXISTS cvd.person_risk_next, cvd.finding_next");
				statement.execute("CREATE TABLE cvd.person_risk_next (LIKE cvd.person_risk INCLUDING DEFAULTS)");
				statement.execute("CREATE TABLE cvd.finding_next (LIKE cvd.finding INCLUDING DEFAULTS)");
			}
			state.writer = writer;
			evaluateInParts(state);
			state.progress();
			long indexing = System.nanoTime();
			// The two tables are indexed at once, each on its own connection
			CompletableFuture<Void> findings = CompletableFuture.runAsync(() -> index("cvd.finding_next",
					"ALTER TABLE cvd.finding_next ADD PRIMARY KEY (nhs_number, rule_code)",
					"CREATE INDEX ON cvd.finding_next (priority, imd_decile, townsend DESC, nhs_number)",
					"CREATE INDEX ON cvd.finding_next (practice_code)",
					// a worklist reads its user's site or PCN, a tenth of BOB or less
					"CREATE INDEX ON cvd.finding_next (site_code)", "CREATE INDEX ON cvd.finding_next (pcn_code)"));
			index("cvd.person_risk_next", "ALTER TABLE cvd.person_risk_next ADD PRIMARY KEY (nhs_number)",
					"CREATE INDEX ON cvd.person_risk_next (practice_code)");
			try {
				findings.join();
			}
			catch (CompletionException ex) {
				throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
			}
			log.info("CVD population refresh phases: {} people read and evaluated in {} s, indexed in {} s", state.processed,
					String.format("%.1f", (indexing - started) / 1e9),
					String.format("%.1f", (System.nanoTime() - indexing) / 1e9));
		}
		String cuts = state.quintileCuts();
		List<String> touched = new ArrayList<>();
		TransactionTemplate swap = new TransactionTemplate(transactions);
		swap.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		int published = swap.execute(status -> {
			// People re-evaluated one by one while this refresh read the population: evaluate them again afterwards
			touched.addAll(jdbc.sql("SELECT nhs_number FROM cvd.person_risk WHERE evaluated_at >= ?")
				.param(Timestamp.from(startedAt))
				.query(String.class)
				.list());
			jdbc.sql("LOCK TABLE cvd.person_risk, cvd.finding IN ACCESS EXCLUSIVE MODE").update();
			jdbc.sql("DROP TABLE cvd.person_risk, cvd.finding").update();
			jdbc.sql("ALTER TABLE cvd.person_risk_next RENAME TO person_risk").update();
			jdbc.sql("ALTER TABLE cvd.finding_next RENAME TO finding").update();
			// the new table moves the findings' data version as the old one did (V9), and the swap moves it too
			jdbc.sql("""
					CREATE TRIGGER findings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cvd.finding
					FOR EACH STATEMENT EXECUTE FUNCTION cvd.next_findings_version()""").update();
			jdbc.sql("UPDATE cvd.findings_version SET version = nextval('cvd.findings_version_seq')").update();
			int count = state.publishEvents(events, outreaches.countBySiteSince(IsoWeek.of(today).monday()));
			jdbc.sql("""
					UPDATE cvd.refresh_run SET status = 'COMPLETED', finished_at = ?, processed = ?, findings = ?,
					    events = ?, baseline = ?, quintile_cuts = ?, message = ? WHERE id = ?""")
				.params(Timestamp.from(Instant.now()), state.processed + state.notRegistered, state.findings, count,
						baseline, cuts,
						state.message(), runId)
				.update();
			return count;
		});
		for (String nhsNumber : touched) {
			personEvaluation.reevaluate(new NhsNumber(nhsNumber));
		}
		// the first refresh after a quarter end keeps that quarter's indicators for the trend charts
		if (snapshots.takeIfDue(today)) {
			log.info("CVD indicators kept for the quarter ending {}", IndicatorSnapshots.quarterEnd(today));
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		log.info("CVD population refresh: {} people, {} findings, {} events in {} s ({} people/s)", state.processed,
				state.findings, published, String.format("%.1f", seconds),
				Math.round(state.processed / Math.max(seconds, 0.001)));
	}

	/**
	 * Reads, evaluates and writes the population in parts, one range of NHS numbers per thread, each on its own read
	 * and write connections; then adds the parts' counts into {@code total}. A server-side cursor sends its next rows
	 * only when asked and a COPY waits for PostgreSQL to take the rows, so one thread would leave the database and the
	 * JVM taking turns; with a part per core both stay busy. The evaluation does not depend on the order of people.
	 */
	private void evaluateInParts(State total) {
		TransactionTemplate read = new TransactionTemplate(transactions);
		read.setReadOnly(true);
		read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		PopulationInParts.run(population.splitPoints(PARTS), "cvd-refresh", "evaluate the population", total::part,
				(part, from, to) -> {
					try (Connection writer = dataSource.getConnection()) {
						writer.setAutoCommit(true);
						part.writer = writer;
						read.executeWithoutResult(status -> population.forEachPerson(from, to, part::accept));
						part.flush(true);
					}
				})
			.forEach(total::absorb);
	}

	/** Runs the index statements for one staging table on a connection of its own, then analyses the table. */
	private void index(String table, String... statements) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			// sort the keys in memory rather than in temporary files
			statement.execute("SET maintenance_work_mem = '256MB'");
			for (String sql : statements) {
				statement.execute(sql);
			}
			statement.execute("ANALYZE " + table);
			statement.execute("RESET maintenance_work_mem");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not index " + table, ex);
		}
	}

	/** The previous refresh's findings (with the date each was first made) and high-risk people, sorted to search. */
	record Previous(long[] findingKeys, int[] foundOn, long[] highRisk) {

		static Previous load(JdbcClient jdbc) {
			LongList keys = new LongList();
			List<Integer> days = new ArrayList<>();
			jdbc.sql("SELECT nhs_number, rule_code, found_on FROM cvd.finding").query(rs -> {
				String nhsNumber = rs.getString(1);
				int day = (int) rs.getObject(3, LocalDate.class).toEpochDay();
				CaseFindingRule.ofCode(rs.getString(2)).ifPresent(rule -> {
					keys.add(key(nhsNumber, rule));
					days.add(day);
				});
			});
			long[] k = keys.toArray();
			Integer[] order = new Integer[k.length];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (a, b) -> Long.compare(k[a], k[b]));
			long[] sortedKeys = new long[k.length];
			int[] sortedDays = new int[k.length];
			for (int i = 0; i < order.length; i++) {
				sortedKeys[i] = k[order[i]];
				sortedDays[i] = days.get(order[i]);
			}
			LongList high = new LongList();
			jdbc.sql("SELECT nhs_number FROM cvd.person_risk WHERE score >= ?")
				.param(CaseFinding.QRISK_THRESHOLD)
				.query(rs -> {
					high.add(Long.parseLong(rs.getString(1)));
				});
			long[] highRisk = high.toArray();
			Arrays.sort(highRisk);
			return new Previous(sortedKeys, sortedDays, highRisk);
		}

		static long key(String nhsNumber, CaseFindingRule rule) {
			return Long.parseLong(nhsNumber) * 16 + rule.ordinal();
		}

		@Nullable LocalDate foundOn(String nhsNumber, CaseFindingRule rule) {
			int at = Arrays.binarySearch(findingKeys, key(nhsNumber, rule));
			return at < 0 ? null : LocalDate.ofEpochDay(foundOn[at]);
		}

		boolean wasHighRisk(String nhsNumber) {
			return Arrays.binarySearch(highRisk, Long.parseLong(nhsNumber)) >= 0;
		}

	}

	/** A growable array of longs (no boxing for millions of keys). */
	static final class LongList {

		private long[] values = new long[1024];

		private int size;

		void add(long value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		long[] toArray() {
			return Arrays.copyOf(values, size);
		}

	}

	/** Per-site counts for {@link CvdIndicatorsCounted}. */
	static final class SiteCounts {

		int possibleUndiagnosed;

		int highRisk;

		int highRiskOnStatin;

	}

	/** The state of one refresh while people stream through it. */
	static final class State {

		final long runId;

		final boolean baseline;

		final Previous previous;

		final Map<String, OutreachHistory> histories;

		final Map<String, CareAdjustments.InForce> adjustments;

		final Organisations organisations;

		final LocalDate today;

		final Instant at;

		final StringBuilder people = new StringBuilder(COPY_CHUNK + 4096);

		final StringBuilder findingRows = new StringBuilder(COPY_CHUNK + 4096);

		final Map<String, SiteCounts> sites = new HashMap<>();

		final List<Object> found = new ArrayList<>();

		int notPublished;

		int skipped;

		int notRegistered;

		/** Deprivation sort keys (national IMD decile, then Townsend score, most deprived lowest). */
		float[] deprivation = new float[1 << 16];

		long processed;

		private long progressWritten = System.nanoTime();

		long findings;

		@Nullable Connection writer;

		/** People and findings so far across all parts of the refresh, for the progress bar. */
		final AtomicLong progressProcessed;

		final AtomicLong progressFindings;

		State(long runId, boolean baseline, Previous previous, Map<String, OutreachHistory> histories,
				Map<String, CareAdjustments.InForce> adjustments, Organisations organisations, LocalDate today,
				Instant at) {
			this(runId, baseline, previous, histories, adjustments, organisations, today, at, new AtomicLong(),
					new AtomicLong());
		}

		private State(long runId, boolean baseline, Previous previous, Map<String, OutreachHistory> histories,
				Map<String, CareAdjustments.InForce> adjustments, Organisations organisations, LocalDate today,
				Instant at, AtomicLong progressProcessed, AtomicLong progressFindings) {
			this.runId = runId;
			this.baseline = baseline;
			this.previous = previous;
			this.histories = histories;
			this.adjustments = adjustments;
			this.organisations = organisations;
			this.today = today;
			this.at = at;
			this.progressProcessed = progressProcessed;
			this.progressFindings = progressFindings;
		}

		/** A part of this refresh for one thread: its own buffers and counts, the progress shared. */
		State part() {
			return new State(runId, baseline, previous, histories, adjustments, organisations, today, at,
					progressProcessed, progressFindings);
		}

		/** Adds a finished part's counts, findings to publish and deprivation keys into this state. */
		void absorb(State part) {
			part.sites.forEach((site, counts) -> {
				SiteCounts into = sites.computeIfAbsent(site, code -> new SiteCounts());
				into.possibleUndiagnosed += counts.possibleUndiagnosed;
				into.highRisk += counts.highRisk;
				into.highRiskOnStatin += counts.highRiskOnStatin;
			});
			for (Object event : part.found) {
				newlyFound(event);
			}
			notPublished += part.notPublished;
			skipped += part.skipped;
			notRegistered += part.notRegistered;
			int length = (int) (processed + part.processed);
			if (length > deprivation.length) {
				deprivation = Arrays.copyOf(deprivation, length);
			}
			System.arraycopy(part.deprivation, 0, deprivation, (int) processed, (int) part.processed);
			processed += part.processed;
			findings += part.findings;
		}

		void accept(PersonRecord personRecord) {
			PersonSummary person = personRecord.person();
			PracticeSummary practice = organisations.practice(person.registeredPractice());
			if (practice == null) {
				skipped++;
				return;
			}
			// deregistered people leave every worklist and denominator (their record stays for past quarters)
			if (!person.registeredOn(today)) {
				notRegistered++;
				progressProcessed.incrementAndGet();
				return;
			}
			String nhs = person.nhsNumber().value();
			CaseFinding.Evaluation evaluation = CaseFinding.evaluateQuickly(person, personRecord.record(),
					histories.getOrDefault(nhs, OutreachHistory.NONE),
					adjustments.getOrDefault(nhs, CareAdjustments.InForce.NONE), today);
			PersonRiskRow.person(people, person, practice, evaluation, at);
			List<LocalDate> foundOn = new ArrayList<>(evaluation.findings().size());
			for (CaseFinding.Finding finding : evaluation.findings()) {
				LocalDate before = previous.foundOn(nhs, finding.rule());
				foundOn.add(before == null ? today : before);
				if (before == null && !baseline && finding.rule() == CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION) {
					newlyFound(new PossibleHypertensionFound(person.nhsNumber(), practice.odsCode().value(),
							practice.siteCode(), finding.systolic(), finding.diastolic(), finding.evidenceDate(), today));
				}
			}
			PersonRiskRow.findings(findingRows, person, practice, evaluation.findings(), foundOn);
			findings += evaluation.findings().size();

			Double score = evaluation.assessment().score();
			boolean highRisk = score != null && score >= CaseFinding.QRISK_THRESHOLD;
			if (highRisk && !baseline && !previous.wasHighRisk(nhs)) {
				newlyFound(new CvdHighRiskFound(person.nhsNumber(), practice.odsCode().value(), practice.siteCode(),
						score, evaluation.onStatin(), today));
			}
			SiteCounts counts = sites.computeIfAbsent(practice.siteCode(), code -> new SiteCounts());
			if (evaluation.found(CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION)) {
				counts.possibleUndiagnosed++;
			}
			if (highRisk) {
				counts.highRisk++;
				if (evaluation.onStatin()) {
					counts.highRiskOnStatin++;
				}
			}
			if (processed == deprivation.length) {
				deprivation = Arrays.copyOf(deprivation, deprivation.length * 2);
			}
			deprivation[(int) processed] = deprivationKey(person.imdDecile(), person.townsendScore().doubleValue());
			processed++;
			progressProcessed.incrementAndGet();
			progressFindings.addAndGet(evaluation.findings().size());
			try {
				flush(false);
				if (processed % PROGRESS_EVERY == 0 && System.nanoTime() - progressWritten >= PROGRESS_AT_MOST_NANOS) {
					progress();
					progressWritten = System.nanoTime();
				}
			}
			catch (SQLException | IOException ex) {
				throw new IllegalStateException("Could not write the CVD refresh", ex);
			}
		}

		private void newlyFound(Object event) {
			if (found.size() < MAX_FOUND_EVENTS) {
				found.add(event);
			}
			else {
				notPublished++;
			}
		}

		void flush(boolean all) throws SQLException, IOException {
			if (all || people.length() >= COPY_CHUNK) {
				copy("COPY cvd.person_risk_next (" + PersonRiskRow.PERSON_COLUMNS + ") FROM STDIN", people);
			}
			if (all || findingRows.length() >= COPY_CHUNK) {
				copy("COPY cvd.finding_next (" + PersonRiskRow.FINDING_COLUMNS + ") FROM STDIN", findingRows);
			}
			if (all) {
				progress();
			}
		}

		private void copy(String sql, StringBuilder rows) throws SQLException, IOException {
			if (rows.isEmpty()) {
				return;
			}
			writer.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
			rows.setLength(0);
		}

		private void progress() throws SQLException {
			try (PreparedStatement update = writer
				.prepareStatement("UPDATE cvd.refresh_run SET processed = ?, findings = ? WHERE id = ?")) {
				update.setLong(1, progressProcessed.get());
				update.setLong(2, progressFindings.get());
				update.setLong(3, runId);
				update.executeUpdate();
			}
		}

		/** The four cut points of the BOB-relative deprivation quintiles, comma separated. */
		String quintileCuts() {
			float[] sorted = Arrays.copyOf(deprivation, (int) processed);
			Arrays.sort(sorted);
			List<String> cuts = new ArrayList<>();
			for (int q = 1; q <= 4; q++) {
				cuts.add(sorted.length == 0 ? "0" : Float.toString(sorted[(int) ((long) sorted.length * q / 5)]));
			}
			return String.join(",", cuts);
		}

		int publishEvents(ApplicationEventPublisher events, Map<String, Integer> outreachThisWeek) {
			for (Object event : found) {
				events.publishEvent(event);
			}
			Instant countedAt = Instant.now();
			LocalDate week = IsoWeek.of(today).monday();
			int count = found.size();
			for (Map.Entry<String, SiteCounts> site : sites.entrySet()) {
				SiteCounts counts = site.getValue();
				events.publishEvent(new CvdIndicatorsCounted(site.getKey(), week, counts.possibleUndiagnosed,
						counts.highRisk, counts.highRiskOnStatin, outreachThisWeek.getOrDefault(site.getKey(), 0),
						countedAt));
				count++;
			}
			return count;
		}

		@Nullable String message() {
			List<String> notes = new ArrayList<>();
			if (baseline) {
				notes.add("First refresh: sets the baseline, so no one is reported as newly found");
			}
			if (notPublished > 0) {
				notes.add(notPublished + " more people newly found than the " + MAX_FOUND_EVENTS
						+ " published one by one; they are in the lists and counts");
			}
			if (skipped > 0) {
				notes.add(skipped + " people registered at practices missing from the directory were skipped");
			}
			if (notRegistered > 0) {
				notes.add(notRegistered + " people whose registration has ended (or not yet begun) are in no list "
						+ "or count");
			}
			return notes.isEmpty() ? null : String.join(". ", notes) + ".";
		}

	}

	/** Lower is more deprived: national IMD decile first, then the higher Townsend score. */
	static float deprivationKey(int imdDecile, double townsend) {
		return (float) (imdDecile * 100 - townsend);
	}

	/** The BOB-relative quintile (1 most deprived fifth of BOB's population) of a key, given the refresh's cuts. */
	static int bobQuintile(float key, float[] cuts) {
		int quintile = 1;
		for (float cut : cuts) {
			if (key > cut) {
				quintile++;
			}
		}
		return quintile;
	}

	static float[] parseCuts(@Nullable String cuts) {
		if (cuts == null || cuts.isBlank()) {
			return new float[0];
		}
		String[] parts = cuts.split(",");
		float[] values = new float[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = Float.parseFloat(parts[i]);
		}
		return values;
	}

}
