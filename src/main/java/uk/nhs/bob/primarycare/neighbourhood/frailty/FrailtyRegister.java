package uk.nhs.bob.primarycare.neighbourhood.frailty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.PersonRecord;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.Register;
import uk.nhs.bob.primarycare.population.Registers;

/**
 * The frailty register: the eFI of everyone aged 65 and over, and the facts cohort definitions select on (long-term
 * conditions, the disease registers, unplanned admissions and A&amp;E attendances in the last 12 months, IMD quintile),
 * recomputed from the whole population's coded
 * record. The population is streamed (flat memory) and the profiles are streamed into PostgreSQL with COPY on a second
 * connection whose transaction replaces the old register at once, so readers never see half a refresh.
 */
@Component
public class FrailtyRegister {

	private static final Logger log = LoggerFactory.getLogger(FrailtyRegister.class);

	private static final String COLUMNS = "nhs_number, practice_code, site_code, age, imd_quintile, efi_deficits, "
			+ "efi_category, deficit_numbers, long_term_conditions, unplanned_admissions_12m, "
			+ "last_unplanned_admission, fingerprint, rule_version, computed_at, ae_attendances_12m, last_ae_attendance, "
			+ "registers";

	private static final int COPY_CHUNK = 256 * 1024;

	/** Summary of one refresh. */
	record Refresh(Instant startedAt, Instant finishedAt, long peopleRead, long people65AndOver,
			long profilesWritten, String ruleVersion, String triggeredBy) {

		public double seconds() {
			return Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
		}

	}

	private final Population population;

	private final Directory directory;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final FrailtyIndex frailtyIndex;

	private final LongTermConditions longTermConditions;

	private final AtomicBoolean running = new AtomicBoolean();

	FrailtyRegister(Population population, Directory directory, DataSource dataSource, JdbcClient jdbc,
			FrailtyRules rules) {
		this.population = population;
		this.directory = directory;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.frailtyIndex = rules.frailtyIndex();
		this.longTermConditions = rules.longTermConditions();
	}

	String ruleVersion() {
		return frailtyIndex.version() + " / " + longTermConditions.version();
	}

	boolean running() {
		return running.get();
	}

	/**
	 * Recomputes the whole register, unless a refresh is already running here (then empty). Runs for seconds to a
	 * minute: call it from a job or a background thread, not a request.
	 */
	public Optional<Refresh> refresh(String triggeredBy) {
		if (!running.compareAndSet(false, true)) {
			return Optional.empty();
		}
		try {
			return Optional.of(doRefresh(triggeredBy));
		}
		finally {
			running.set(false);
		}
	}

	private Refresh doRefresh(String triggeredBy) {
		Instant started = Instant.now();
		LocalDate today = LocalDate.now();
		Map<String, PracticeSummary> practices = directory.practices()
			.stream()
			.collect(Collectors.toMap(p -> p.odsCode().value(), Function.identity()));
		String ruleVersion = ruleVersion();
		AtomicLong over65 = new AtomicLong();
		AtomicLong written = new AtomicLong();
		long read;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (Statement statement = connection.createStatement()) {
					statement.execute("TRUNCATE neighbourhood.frailty_profile");
				}
				CopyIn copy = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY neighbourhood.frailty_profile (" + COLUMNS + ") FROM STDIN");
				StringBuilder buffer = new StringBuilder(COPY_CHUNK + 1024);
				String computedAt = Timestamp.from(started).toString();
				try {
					read = population.forEachPersonWithoutObservations(person -> {
						String row = profileRow(person, practices, today, ruleVersion, computedAt, over65);
						if (row == null) {
							return;
						}
						buffer.append(row);
						written.incrementAndGet();
						if (buffer.length() >= COPY_CHUNK) {
							flush(copy, buffer);
						}
					});
					flush(copy, buffer);
					copy.endCopy();
				}
				finally {
					if (copy.isActive()) {
						copy.cancelCopy();
					}
				}
				Instant finished = Instant.now();
				try (var insert = connection.prepareStatement("""
						INSERT INTO neighbourhood.frailty_refresh (started_at, finished_at, people_read,
						  people_65_and_over, profiles_written, rule_version, triggered_by)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
					insert.setTimestamp(1, Timestamp.from(started));
					insert.setTimestamp(2, Timestamp.from(finished));
					insert.setLong(3, read);
					insert.setLong(4, over65.get());
					insert.setLong(5, written.get());
					insert.setString(6, ruleVersion);
					insert.setString(7, triggeredBy);
					insert.executeUpdate();
				}
				connection.commit();
				Refresh refresh = new Refresh(started, finished, read, over65.get(), written.get(), ruleVersion,
						triggeredBy);
				log.info("Frailty register refreshed: {} people read, eFI computed for {} aged 65+, {} profiles "
						+ "written in {} s ({})", read, over65.get(), written.get(),
						String.format(java.util.Locale.UK, "%.1f", refresh.seconds()), ruleVersion);
				return refresh;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not refresh the frailty register", ex);
		}
	}

	private static void flush(CopyIn copy, StringBuilder buffer) {
		if (buffer.isEmpty()) {
			return;
		}
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write the frailty register", ex);
		}
		buffer.setLength(0);
	}

	/** The COPY line of one person, or null when they are neither 65+ nor have two or more conditions. */
	private @Nullable String profileRow(PersonRecord personRecord, Map<String, PracticeSummary> practices,
			LocalDate today, String ruleVersion, String computedAt, AtomicLong over65) {
		PersonSummary person = personRecord.person();
		if (person.deceased()) {
			return null;
		}
		PracticeSummary practice = practices.get(person.registeredPractice().value());
		if (practice == null) {
			return null;
		}
		CodedRecord record = personRecord.record();
		boolean old = person.age() >= FrailtyIndex.MINIMUM_AGE;
		Registers registers = Registers.of(record, person.dateOfBirth(), today);
		int conditions = longTermConditions.conditions(registers).size();
		LocalDate yearAgo = today.minusMonths(12);
		int admissions = 0;
		LocalDate lastAdmission = null;
		int attendances = 0;
		LocalDate lastAttendance = null;
		for (CodedRecord.Admission admission : record.admissions()) {
			if (!admission.date().isAfter(yearAgo)) {
				continue;
			}
			if (admission.unplanned()) {
				admissions++;
				if (lastAdmission == null || admission.date().isAfter(lastAdmission)) {
					lastAdmission = admission.date();
				}
			}
			else if (admission.emergencyAttendance()) {
				attendances++;
				if (lastAttendance == null || admission.date().isAfter(lastAttendance)) {
					lastAttendance = admission.date();
				}
			}
		}
		if (!old && conditions < 2 && registers.registers().isEmpty() && admissions == 0 && attendances == 0) {
			return null;
		}
		BitSet deficits = null;
		if (old) {
			over65.incrementAndGet();
			deficits = frailtyIndex.foundDeficits(record);
		}
		String deficitNumbers = deficits == null ? null : numbers(deficits);
		String category = deficits == null ? null
				: FrailtyCategory.of((double) deficits.cardinality() / FrailtyIndex.DEFICIT_COUNT).name();
		String fingerprint = fingerprint(deficitNumbers, conditions, admissions, lastAdmission,
				person.imdQuintile(), attendances, lastAttendance);
		StringBuilder row = new StringBuilder(160);
		row.append(person.nhsNumber().value()).append('\t');
		row.append(practice.odsCode().value()).append('\t');
		row.append(practice.siteCode()).append('\t');
		row.append(person.age()).append('\t');
		row.append(person.imdQuintile()).append('\t');
		row.append(deficits == null ? "\\N" : Integer.toString(deficits.cardinality())).append('\t');
		row.append(category == null ? "\\N" : category).append('\t');
		row.append(deficitNumbers == null ? "\\N" : deficitNumbers).append('\t');
		row.append(conditions).append('\t');
		row.append(admissions).append('\t');
		row.append(lastAdmission == null ? "\\N" : lastAdmission.toString()).append('\t');
		row.append(fingerprint).append('\t');
		row.append(ruleVersion).append('\t');
		row.append(computedAt).append('\t');
		row.append(attendances).append('\t');
		row.append(lastAttendance == null ? "\\N" : lastAttendance.toString()).append('\t');
		row.append(registers.registers().stream().map(Register::name).collect(Collectors.joining(","))).append('\n');
		return row.toString();
	}

	static String numbers(BitSet deficits) {
		List<String> numbers = new ArrayList<>();
		for (int i = deficits.nextSetBit(0); i >= 0; i = deficits.nextSetBit(i + 1)) {
			numbers.add(Integer.toString(i + 1));
		}
		return String.join(",", numbers);
	}

	/**
	 * A digest of the data a person qualifies on: a dismissed candidate comes back only when it changes (a new
	 * deficit, condition or admission, an admission ageing out, a new deprivation quintile).
	 */
	public static String fingerprint(@Nullable String deficitNumbers, int conditions, int admissions,
			@Nullable LocalDate lastAdmission, int imdQuintile, int attendances, @Nullable LocalDate lastAttendance) {
		// the attendances are added only when there are some, so that the digests of everyone without any (all the
		// dismissals recorded before attendances were counted) stay as they were
		String data = deficitNumbers + "|" + conditions + "|" + admissions + "|" + lastAdmission + "|" + imdQuintile
				+ (attendances == 0 ? "" : "|" + attendances + "|" + lastAttendance);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The last refresh, if any. */
	Optional<Refresh> lastRefresh() {
		return jdbc.sql("""
				SELECT started_at, finished_at, people_read, people_65_and_over, profiles_written, rule_version,
				       triggered_by
				FROM neighbourhood.frailty_refresh ORDER BY id DESC LIMIT 1""")
			.query((rs, i) -> new Refresh(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
					rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7)))
			.optional();
	}

}
