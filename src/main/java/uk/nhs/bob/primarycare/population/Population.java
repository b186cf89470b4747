package uk.nhs.bob.primarycare.population;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.population.CodedRecord.Admission;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * The population's read API for other modules and pages: find and search people, read a person's summary and coded
 * record, and walk the whole population cheaply (case finding, caseloads). Scope checks belong to the caller, who
 * knows the user; a view of someone's record for care goes through {@link #viewRecord}, which audits it.
 */
@Component
@Transactional(readOnly = true)
public class Population {

	private static final String PERSON_SELECT = """
			SELECT p.nhs_number, p.given_name, p.family_name, p.date_of_birth, p.sex, p.ethnicity, p.postcode,
			       p.lsoa_code, p.registered_practice, p.date_of_death, p.registered_from, p.registered_until, l.name AS lsoa_name, l.imd_decile,
			       l.imd_version, l.townsend_score
			FROM population.person p JOIN population.lsoa l ON l.code = p.lsoa_code
			""";

	private static final String PROBLEM_COLUMNS = "SELECT nhs_number, code_system, code, term, onset_date, "
			+ "resolved_date FROM population.problem";

	private static final String OBSERVATION_COLUMNS = "SELECT nhs_number, code_system, code, value, unit, observed_on, "
			+ "setting, value_system, value_code FROM population.observation";

	private static final String MEDICATION_COLUMNS = "SELECT nhs_number, code_system, code, name, start_date, end_date "
			+ "FROM population.medication";

	private static final String ADMISSION_COLUMNS = "SELECT nhs_number, admitted_on, planned, reason, "
			+ "emergency_attendance FROM population.admission";

	private static final String RANGE = " WHERE nhs_number >= ? AND nhs_number < ? ORDER BY nhs_number, line";

	private static final int STREAM_FETCH_SIZE = 2_000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	Population(JdbcClient jdbc, DataSource dataSource, AuditLog auditLog, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.auditLog = auditLog;
		this.events = events;
	}

	/**
	 * Records a blood pressure reading taken outside the practice (a community pharmacy check, an optometrist, a home
	 * reading, or a home monitoring or ambulatory average) as a systolic and a diastolic observation, coded with the
	 * code the platform records that setting with (from the published clusters), and publishes
	 * {@link ObservationsRecorded} in the same transaction so other modules re-evaluate the person at once.
	 *
	 * @return false, recording nothing, when there is no such person
	 * @throws IllegalArgumentException for an implausible reading or a date in the future
	 */
	@Transactional
	public boolean recordBloodPressure(NhsNumber nhsNumber, int systolic, int diastolic, LocalDate date,
			BloodPressureSetting setting) {
		if (systolic < 50 || systolic > 300 || diastolic < 20 || diastolic > 200 || diastolic >= systolic) {
			throw new IllegalArgumentException("Implausible blood pressure " + systolic + "/" + diastolic);
		}
		// A day's grace: the server clock's date may be behind the UK date the reading was taken on
		if (date.isAfter(LocalDate.now().plusDays(1))) {
			throw new IllegalArgumentException("A reading cannot be dated in the future");
		}
		// Locks the person so two readings recorded at once do not take the same line numbers
		boolean exists = jdbc.sql("SELECT 1 FROM population.person WHERE nhs_number = ? FOR UPDATE")
			.param(nhsNumber.value())
			.query()
			.listOfRows()
			.size() == 1;
		if (!exists) {
			return false;
		}
		int line = jdbc.sql("SELECT coalesce(max(line), 0) FROM population.observation WHERE nhs_number = ?")
			.param(nhsNumber.value())
			.query(Integer.class)
			.single();
		String[] codes = codes().recordingCodes(setting);
		List<RecordedObservation> recorded = List.of(
				new RecordedObservation(ObservationType.SYSTOLIC_BP, null, codes[0],
						java.math.BigDecimal.valueOf(systolic), ObservationType.SYSTOLIC_BP.unit(), date, setting),
				new RecordedObservation(ObservationType.DIASTOLIC_BP, null, codes[1],
						java.math.BigDecimal.valueOf(diastolic), ObservationType.DIASTOLIC_BP.unit(), date, setting));
		for (RecordedObservation o : recorded) {
			jdbc.sql("""
					INSERT INTO population.observation (nhs_number, line, code, value, unit, observed_on, setting)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(nhsNumber.value(), ++line, o.code(), o.value(), o.unit(), o.date(), setting.name())
				.update();
		}
		events.publishEvent(new ObservationsRecorded(nhsNumber, recorded));
		return true;
	}

	/** The summaries of these people (any not found are left out), for lists that show names. */
	public List<PersonSummary> findAll(java.util.Collection<NhsNumber> nhsNumbers) {
		if (nhsNumbers.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now();
		return jdbc.sql(PERSON_SELECT + " WHERE p.nhs_number IN (:numbers)")
			.param("numbers", nhsNumbers.stream().map(NhsNumber::value).distinct().toList())
			.query((rs, i) -> summary(rs, today))
			.list();
	}

	public Optional<PersonSummary> find(NhsNumber nhsNumber) {
		return jdbc.sql(PERSON_SELECT + " WHERE p.nhs_number = ?")
			.param(nhsNumber.value())
			.query((rs, i) -> summary(rs, LocalDate.now()))
			.optional();
	}

	/**
	 * The platform's identity rule ({@link IdentityMatch}): whether the NHS number, date of birth and name sent
	 * are those of a person in the population. Used by every way a person's details arrive.
	 */
	public IdentityMatch matchIdentity(NhsNumber nhsNumber, LocalDate dateOfBirth, String givenName,
			String familyName) {
		return IdentityMatch.of(nhsNumber, dateOfBirth, givenName, familyName, find(nhsNumber).orElse(null));
	}

	/** People with this family name (any case) born on this day, at most {@code limit}, by given name. */
	public List<PersonSummary> search(String familyName, LocalDate dateOfBirth, int limit) {
		LocalDate today = LocalDate.now();
		return jdbc.sql(PERSON_SELECT + """
				 WHERE lower(p.family_name) = ? AND p.date_of_birth = ?
				ORDER BY p.given_name, p.nhs_number LIMIT ?""")
			.params(familyName.trim().toLowerCase(Locale.UK), dateOfBirth, limit)
			.query((rs, i) -> summary(rs, today))
			.list();
	}

	/** The practice a person is registered at, for scope checks before their record is read. */
	public Optional<OdsCode> registeredPractice(NhsNumber nhsNumber) {
		return jdbc.sql("SELECT registered_practice FROM population.person WHERE nhs_number = ?")
			.param(nhsNumber.value())
			.query((rs, i) -> new OdsCode(rs.getString(1)))
			.optional();
	}

	public Optional<CodedRecord> record(NhsNumber nhsNumber) {
		if (registeredPractice(nhsNumber).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(readRecord(nhsNumber));
	}

	/** The coded record of someone known to be in the population. */
	private CodedRecord readRecord(NhsNumber nhsNumber) {
		String nhs = nhsNumber.value();
		RecordCodes codes = codes();
		List<Observation> observations = new ArrayList<>();
		jdbc.sql(OBSERVATION_COLUMNS + " WHERE nhs_number = ? ORDER BY line").param(nhs).query(rs -> {
			Observation observation = observation(rs, codes);
			if (observation != null) {
				observations.add(observation);
			}
		});
		return new CodedRecord(
				jdbc.sql(PROBLEM_COLUMNS + " WHERE nhs_number = ? ORDER BY line")
					.param(nhs)
					.query((rs, i) -> problem(rs, codes))
					.list(),
				observations,
				jdbc.sql(MEDICATION_COLUMNS + " WHERE nhs_number = ? ORDER BY line")
					.param(nhs)
					.query((rs, i) -> medication(rs, codes))
					.list(),
				jdbc.sql(ADMISSION_COLUMNS + " WHERE nhs_number = ? ORDER BY line")
					.param(nhs)
					.query((rs, i) -> admission(rs))
					.list());
	}

	/**
	 * The registers a person is on at a date ({@link Registers}: "is this person on register X on date D"), or empty
	 * for an unknown NHS number. Not audited: it names no more than the register ids; callers that show the record
	 * use {@link #viewRecord}.
	 */
	public Optional<Registers> registers(NhsNumber nhsNumber, LocalDate on) {
		Optional<PersonSummary> person = find(nhsNumber);
		if (person.isEmpty()) {
			return Optional.empty();
		}
		return record(nhsNumber).map(r -> Registers.of(r, person.get().dateOfBirth(), on));
	}

	/**
	 * Reads a person's summary and record for a member of staff and records the view in the audit log, in one
	 * transaction: if the audit entry cannot be written, the read fails too. Nothing is audited for an unknown
	 * NHS number.
	 */
	@Transactional
	public Optional<PersonRecord> viewRecord(NhsNumber nhsNumber, String username, String page, String purpose) {
		Optional<PersonSummary> person = find(nhsNumber);
		if (person.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(viewRecord(person.get(), username, page, purpose));
	}

	/**
	 * As {@link #viewRecord(NhsNumber, String, String, String)} for a person the caller has just read (in its own
	 * transaction, which this one joins): the record is read and the view audited without reading the person again.
	 */
	@Transactional
	public PersonRecord viewRecord(PersonSummary person, String username, String page, String purpose) {
		CodedRecord record = readRecord(person.nhsNumber());
		auditLog.recordView(username, person.nhsNumber(), page, purpose);
		return new PersonRecord(person, record);
	}

	/** One page of people in NHS number order, starting after {@code after} (null for the first page). */
	public List<PersonSummary> page(@Nullable NhsNumber after, int limit) {
		LocalDate today = LocalDate.now();
		return jdbc.sql(PERSON_SELECT + " WHERE p.nhs_number > ? ORDER BY p.nhs_number LIMIT ?")
			.params(after == null ? "" : after.value(), limit)
			.query((rs, i) -> summary(rs, today))
			.list();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM population.person").query(Long.class).single();
	}

	/**
	 * The NHS numbers that split the population into {@code parts} ranges of about equal size (parts - 1 of them,
	 * ascending; fewer when there are fewer people).
	 */
	public List<NhsNumber> splitPoints(int parts) {
		long count = count();
		List<NhsNumber> points = new ArrayList<>();
		for (int part = 1; part < parts; part++) {
			jdbc.sql("SELECT nhs_number FROM population.person ORDER BY nhs_number OFFSET ? LIMIT 1")
				.param(count * part / parts)
				.query(String.class)
				.optional()
				.map(NhsNumber::new)
				.filter(point -> points.isEmpty() || !points.get(points.size() - 1).equals(point))
				.ifPresent(points::add);
		}
		return points;
	}

	/**
	 * Hands every person with their coded record to {@code consumer}, in NHS number order, reading the tables with
	 * server-side cursors merged on the NHS number: memory stays flat whatever the population size.
	 *
	 * @return how many people were read
	 */
	public long forEachPerson(Consumer<PersonRecord> consumer) {
		return forEachPerson(null, null, consumer);
	}

	/**
	 * As {@link #forEachPerson(Consumer)}, for the people whose NHS numbers are from {@code fromInclusive} up to
	 * {@code toExclusive} (null: no bound), so that callers can read the ranges of {@link #splitPoints(int)} on
	 * several connections at once.
	 */
	public long forEachPerson(@Nullable NhsNumber fromInclusive, @Nullable NhsNumber toExclusive,
			Consumer<PersonRecord> consumer) {
		return read(fromInclusive, toExclusive, true, consumer);
	}

	private long read(@Nullable NhsNumber fromInclusive, @Nullable NhsNumber toExclusive, boolean withObservations,
			Consumer<PersonRecord> consumer) {
		String from = fromInclusive == null ? "" : fromInclusive.value();
		// NHS numbers are ten digits, so this sorts after every one of them
		String to = toExclusive == null ? "a" : toExclusive.value();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Cursor people = new Cursor(connection,
				PERSON_SELECT + " WHERE p.nhs_number >= ? AND p.nhs_number < ? ORDER BY p.nhs_number", from, to);
				Cursor problems = new Cursor(connection, PROBLEM_COLUMNS + RANGE, from, to);
				// the largest table, left out by callers that need no observations (null resources are not closed)
				Cursor observations = !withObservations ? null
						: new Cursor(connection, OBSERVATION_COLUMNS + RANGE, from, to);
				Cursor medications = new Cursor(connection, MEDICATION_COLUMNS + RANGE, from, to);
				Cursor admissions = new Cursor(connection, ADMISSION_COLUMNS + RANGE, from, to)) {
			RecordCodes codes = codes();
			LocalDate today = LocalDate.now();
			long count = 0;
			while (people.next()) {
				PersonSummary person = summary(people.rows, today);
				String nhs = person.nhsNumber().value();
				List<Problem> personProblems = new ArrayList<>();
				while (problems.at(nhs)) {
					personProblems.add(problem(problems.rows, codes));
					problems.next();
				}
				List<Observation> personObservations = new ArrayList<>();
				while (observations != null && observations.at(nhs)) {
					Observation observation = observation(observations.rows, codes);
					if (observation != null) {
						personObservations.add(observation);
					}
					observations.next();
				}
				List<Medication> personMedications = new ArrayList<>();
				while (medications.at(nhs)) {
					personMedications.add(medication(medications.rows, codes));
					medications.next();
				}
				List<Admission> personAdmissions = new ArrayList<>();
				while (admissions.at(nhs)) {
					personAdmissions.add(admission(admissions.rows));
					admissions.next();
				}
				consumer.accept(new PersonRecord(person, new CodedRecord(personProblems, personObservations,
						personMedications, personAdmissions)));
				count++;
			}
			return count;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the population", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** A forward-only, server-side cursor that knows the NHS number of its current row. */
	private static final class Cursor implements AutoCloseable {

		private final PreparedStatement statement;

		private final ResultSet rows;

		private @Nullable String current;

		private boolean started;

		Cursor(Connection connection, String sql, String... parameters) throws SQLException {
			this.statement = connection.prepareStatement(sql);
			this.statement.setFetchSize(STREAM_FETCH_SIZE);
			for (int i = 0; i < parameters.length; i++) {
				this.statement.setString(i + 1, parameters[i]);
			}
			this.rows = statement.executeQuery();
		}

		boolean next() throws SQLException {
			started = true;
			current = rows.next() ? rows.getString("nhs_number") : null;
			return current != null;
		}

		/** Whether the current row (reading the first if needed) belongs to this person. */
		boolean at(String nhsNumber) throws SQLException {
			if (!started) {
				next();
			}
			// Skip rows of anyone not in the person table (cannot happen with the loader, but must not stall)
			while (current != null && current.compareTo(nhsNumber) < 0) {
				next();
			}
			return nhsNumber.equals(current);
		}

		@Override
		public void close() throws SQLException {
			try {
				rows.close();
			}
			finally {
				statement.close();
			}
		}

	}

	private static PersonSummary summary(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate dateOfBirth = rs.getObject("date_of_birth", LocalDate.class);
		LocalDate dateOfDeath = rs.getObject("date_of_death", LocalDate.class);
		return new PersonSummary(new NhsNumber(rs.getString("nhs_number")), rs.getString("given_name"),
				rs.getString("family_name"), dateOfBirth,
				PersonSummary.ageOn(dateOfBirth, dateOfDeath == null ? today : dateOfDeath),
				Sex.ofCode(rs.getString("sex")),
				Ethnicity.ofCode(rs.getString("ethnicity")).orElse(Ethnicity.NOT_STATED),
				new Postcode(rs.getString("postcode")), rs.getString("lsoa_code"), rs.getString("lsoa_name"),
				rs.getInt("imd_decile"), rs.getString("imd_version"), rs.getBigDecimal("townsend_score"),
				new OdsCode(rs.getString("registered_practice")), dateOfDeath,
				rs.getObject("registered_from", LocalDate.class), rs.getObject("registered_until", LocalDate.class));
	}

	private static RecordCodes codes() {
		return RecordCodes.standard();
	}

	private static Problem problem(ResultSet rs, RecordCodes codes) throws SQLException {
		return codes.problem(rs.getString("code_system"), rs.getString("code"), rs.getString("term"),
				rs.getObject("onset_date", LocalDate.class), rs.getObject("resolved_date", LocalDate.class));
	}

	/** The observation as the platform reads it, or null for one it does not use. */
	private static @Nullable Observation observation(ResultSet rs, RecordCodes codes) throws SQLException {
		java.math.BigDecimal value = rs.getBigDecimal("value");
		// without the column's padding zeros: 27.5, not 27.50
		return codes.observation(rs.getString("code_system"), rs.getString("code"),
				value == null ? null : value.stripTrailingZeros(), rs.getString("unit"),
				rs.getObject("observed_on", LocalDate.class), rs.getString("setting"), rs.getString("value_system"),
				rs.getString("value_code"));
	}

	private static Medication medication(ResultSet rs, RecordCodes codes) throws SQLException {
		return codes.medication(rs.getString("code_system"), rs.getString("code"), rs.getString("name"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class));
	}

	private static Admission admission(ResultSet rs) throws SQLException {
		return new Admission(rs.getObject("admitted_on", LocalDate.class), (Boolean) rs.getObject("planned"),
				rs.getString("reason"), rs.getBoolean("emergency_attendance"));
	}

	/**
	 * As {@link #forEachPerson}, but without reading observations (each record's observation list is empty): for
	 * whole-population case finding that needs only problems, medicines and admissions (the electronic Frailty Index,
	 * multimorbidity), it skips the largest table. Added for the neighbourhood module's frailty register.
	 *
	 * @return how many people were read
	 */
	public long forEachPersonWithoutObservations(Consumer<PersonRecord> consumer) {
		return read(null, null, false, consumer);
	}

}
