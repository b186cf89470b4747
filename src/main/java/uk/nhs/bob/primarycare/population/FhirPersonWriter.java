package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.CodedRecord.Admission;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.population.FhirMapping.Person;
import uk.nhs.bob.primarycare.population.FhirMapping.Row;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * Writes one imported person and their rows in one transaction: finds or registers the person, adds the rows not
 * held yet (each row carries its source identity, so a re-import adds nothing) and publishes
 * {@link ObservationsRecorded} for new observations. If anything fails the person is left as they were.
 */
@Component
class FhirPersonWriter {

	/** Serialises test NHS number allocation between concurrent imports (pg_advisory_xact_lock key). */
	private static final long ALLOCATION_LOCK = 7_215_063_401L;

	private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

	/** What happened to a person: written (with counts) or skipped with a reason. */
	sealed interface Outcome {

		record Written(boolean created, boolean updated, int records, String nhsNumber) implements Outcome {
		}

		record Skipped(String reason) implements Outcome {
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Directory directory;

	private final Population population;

	FhirPersonWriter(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			Directory directory, Population population) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.directory = directory;
		this.population = population;
	}

	/** Both sides of an identity mismatch, so the person importing can check the record. */
	static String mismatch(IdentityMatch match, Person sent) {
		PersonSummary held = match.person().orElseThrow();
		return "Identity not verified: NHS number " + match.nhsNumber().formatted() + " is held for "
				+ held.givenName() + " " + held.familyName() + ", born " + held.dateOfBirth() + "; the Patient says "
				+ sent.givenName() + " " + sent.familyName() + ", born " + sent.dateOfBirth() + " (different "
				+ match.differences().stream().map(IdentityMatch.Difference::label).sorted()
					.collect(java.util.stream.Collectors.joining(" and "))
				+ "). Nothing was changed: check the record";
	}

	Outcome write(Person person, List<Row<?>> rows, FhirImportOptions options) {
		Outcome outcome = transactions.execute(status -> {
			Outcome result = writeInTransaction(person, rows, options);
			if (result instanceof Outcome.Skipped) {
				status.setRollbackOnly();
			}
			return result;
		});
		return outcome == null ? new Outcome.Skipped("Not written") : outcome;
	}

	/**
	 * Adds observation rows to a person already registered, in the caller's transaction (the person is locked so two
	 * readings at once do not take the same lines); empty when there is no such person. The caller publishes
	 * {@link ObservationsRecorded} for what is returned.
	 */
	Optional<List<RecordedObservation>> writeObservations(NhsNumber nhsNumber, List<Row<?>> rows) {
		boolean exists = jdbc.sql("SELECT 1 FROM population.person WHERE nhs_number = ? FOR UPDATE")
			.param(nhsNumber.value())
			.query()
			.listOfRows()
			.size() == 1;
		return exists ? Optional.of(observations(nhsNumber.value(), rows)) : Optional.empty();
	}

	private Outcome writeInTransaction(Person person, List<Row<?>> rows, FhirImportOptions options) {
		String nhs = person.nhsNumber();
		boolean allocate = false;
		if (nhs == null) {
			nhs = jdbc.sql("SELECT nhs_number FROM population.fhir_patient WHERE source_system = ? AND source_id = ?")
				.params(person.source().system(), person.source().id())
				.query(String.class)
				.optional()
				.orElse(null);
			if (nhs == null) {
				if (options.practice() == null) {
					return new Outcome.Skipped("Patient has no NHS number (" + FhirResourceMapper.NHS_NUMBER_SYSTEM
							+ "); import with a practice (practice=ODS) to register them with a test NHS number");
				}
				allocate = true;
			}
		}
		boolean exists = !allocate && jdbc.sql("SELECT count(*) FROM population.person WHERE nhs_number = ?")
			.param(nhs)
			.query(Integer.class)
			.single() > 0;
		if (exists && person.nhsNumber() != null) {
			// the NHS number came from the Patient: the platform's identity rule decides whether it is this person
			IdentityMatch match = population.matchIdentity(new NhsNumber(nhs), person.dateOfBirth(),
					person.givenName(), person.familyName());
			if (match.result() == IdentityMatch.Result.MISMATCH) {
				return new Outcome.Skipped(mismatch(match, person));
			}
		}
		boolean created = false;
		boolean updated = false;
		if (!exists) {
			// the practice the bundle names, when the directory knows it; else the practice of the import
			Optional<PracticeSummary> practice = Optional.ofNullable(person.practiceOds())
				.flatMap(OdsCode::parse)
				.flatMap(directory::practice);
			if (practice.isEmpty() && options.practice() != null) {
				practice = directory.practice(options.practice());
				if (practice.isEmpty()) {
					return new Outcome.Skipped("Practice " + options.practice().value() + " is not a BOB practice");
				}
			}
			if (practice.isEmpty()) {
				return new Outcome.Skipped("NHS number " + nhs + " is not registered at a BOB practice and the bundle "
						+ "names none the directory knows; give a practice to register them");
			}
			String district = practice.get().postcode().outward();
			List<String> lsoas = jdbc.sql("SELECT code FROM population.lsoa WHERE postcode_district = ? ORDER BY code")
				.param(district)
				.query(String.class)
				.list();
			if (lsoas.isEmpty()) {
				return new Outcome.Skipped("No LSOA is known for postcode district " + district);
			}
			if (allocate) {
				nhs = allocate(person);
			}
			// The source has no English address: a home in the practice's own district, chosen from the source id
			// so a re-import would choose the same
			int hash = person.source().hashCode() & 0x7fffffff;
			String postcode = district + " " + (1 + hash % 9) + INWARD_LETTERS.charAt(hash / 9 % 20)
					+ INWARD_LETTERS.charAt(hash / 180 % 20);
			jdbc.sql("""
					INSERT INTO population.person (nhs_number, given_name, family_name, date_of_birth, sex, ethnicity,
					  postcode, lsoa_code, registered_practice, date_of_death, registered_from, registered_until)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(nhs, person.givenName(), person.familyName(), person.dateOfBirth(), person.sex().code(),
						person.ethnicity().code(), postcode, lsoas.get(hash % lsoas.size()),
						practice.get().odsCode().value(), person.dateOfDeath(),
						person.registration() == null ? null : person.registration().from(),
						person.registration() == null ? null : person.registration().until())
				.update();
			created = true;
		}
		else {
			// Ethnicity "not stated" in the source never overwrites a recorded ethnicity
			updated = jdbc.sql("""
					UPDATE population.person SET given_name = :given, family_name = :family, date_of_birth = :dob,
					  sex = :sex, ethnicity = CASE WHEN :ethnicity = 'Z' THEN ethnicity ELSE :ethnicity END,
					  date_of_death = :death, version = version + 1
					WHERE nhs_number = :nhs AND (given_name <> :given OR family_name <> :family
					  OR date_of_birth <> :dob OR sex <> :sex OR (:ethnicity <> 'Z' AND ethnicity <> :ethnicity)
					  OR date_of_death IS DISTINCT FROM :death)""")
				.param("given", person.givenName())
				.param("family", person.familyName())
				.param("dob", person.dateOfBirth())
				.param("sex", person.sex().code())
				.param("ethnicity", person.ethnicity().code())
				.param("death", person.dateOfDeath(), java.sql.Types.DATE)
				.param("nhs", nhs)
				.update() > 0;
			// a registration period the Patient gives is the record's (a later end, or a new registration, replaces
			// the one held); a Patient that gives none leaves it as it was
			FhirMapping.Registration registration = person.registration();
			if (registration != null) {
				updated |= jdbc.sql("""
						UPDATE population.person SET registered_from = :from, registered_until = :until,
						  version = version + 1
						WHERE nhs_number = :nhs AND (registered_from IS DISTINCT FROM :from
						  OR registered_until IS DISTINCT FROM :until)""")
					.param("from", registration.from(), java.sql.Types.DATE)
					.param("until", registration.until(), java.sql.Types.DATE)
					.param("nhs", nhs)
					.update() > 0;
			}
		}
		int records = problems(nhs, rows) + medications(nhs, rows) + admissions(nhs, rows);
		List<RecordedObservation> observations = observations(nhs, rows);
		records += observations.size();
		if (!observations.isEmpty()) {
			events.publishEvent(new ObservationsRecorded(new NhsNumber(nhs), observations));
		}
		return new Outcome.Written(created, updated, records, nhs);
	}

	/**
	 * The next free test NHS number counting down from 999 999 999x, below any allocated before: the synthetic
	 * population counts up from 999 000 000x, so the two never meet in practice, and a number held is skipped.
	 */
	private String allocate(Person person) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ALLOCATION_LOCK).query().listOfRows();
		String lowest = jdbc.sql("SELECT min(nhs_number) FROM population.fhir_patient WHERE nhs_number LIKE '999%'")
			.query(String.class)
			.optional()
			.orElse(null);
		int stem = lowest == null ? 999_999_999 : Integer.parseInt(lowest.substring(0, 9)) - 1;
		String nhs = nextTestNumber(stem, candidate -> jdbc
			.sql("SELECT count(*) FROM population.person WHERE nhs_number = ?")
			.param(candidate)
			.query(Integer.class)
			.single() > 0);
		jdbc.sql("INSERT INTO population.fhir_patient (source_system, source_id, nhs_number) VALUES (?, ?, ?)")
			.params(person.source().system(), person.source().id(), nhs)
			.update();
		return nhs;
	}

	/** The first valid NHS number at or below this nine-digit stem in the 999 range that is not taken. */
	static String nextTestNumber(int stem, Function<String, Boolean> taken) {
		for (int candidate = stem; candidate >= 999_000_000; candidate--) {
			String nine = Integer.toString(candidate);
			Integer check = NhsNumber.checkDigit(nine);
			if (check != null && !taken.apply(nine + check)) {
				return nine + check;
			}
		}
		throw new IllegalStateException("The 999 test NHS number range is used up");
	}

	private int nextLine(String table, String nhs) {
		return jdbc.sql("SELECT coalesce(max(line), 0) FROM population." + table + " WHERE nhs_number = ?")
			.param(nhs)
			.query(Integer.class)
			.single();
	}

	@SuppressWarnings("unchecked")
	private static <T> List<Row<T>> rowsOf(List<Row<?>> rows, Class<T> type, Function<T, LocalDate> date) {
		List<Row<T>> result = new ArrayList<>();
		for (Row<?> row : rows) {
			if (type.isInstance(row.value())) {
				result.add((Row<T>) row);
			}
		}
		// Lines follow dates, oldest first, as the record lists are read
		result.sort(Comparator.comparing(row -> date.apply(row.value())));
		return result;
	}

	private int problems(String nhs, List<Row<?>> rows) {
		int line = nextLine("problem", nhs);
		int created = 0;
		for (Row<Problem> row : rowsOf(rows, Problem.class, Problem::onset)) {
			Problem p = row.value();
			created += jdbc.sql("""
					INSERT INTO population.problem (nhs_number, line, code_system, code, term, onset_date,
					  resolved_date, source_system, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (source_system, source_id) DO NOTHING""")
				.params(nhs, ++line, p.codeSystem(), p.code(), p.term(), p.onset(), p.resolved(),
						row.source().system(), row.source().id())
				.update();
		}
		return created;
	}

	private List<RecordedObservation> observations(String nhs, List<Row<?>> rows) {
		int line = nextLine("observation", nhs);
		List<RecordedObservation> created = new ArrayList<>();
		RecordCodes codes = RecordCodes.standard();
		for (Row<ObservationRow> row : rowsOf(rows, ObservationRow.class, ObservationRow::date)) {
			ObservationRow o = row.value();
			int inserted = jdbc.sql("""
					INSERT INTO population.observation (nhs_number, line, code_system, code, display, value, unit,
					  observed_on, setting, value_system, value_code, value_display, source_system, source_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (source_system, source_id) DO NOTHING""")
				.params(nhs, ++line, o.codeSystem(), o.code(), o.display(), o.value(), o.unit(), o.date(),
						o.setting() == null ? null : o.setting().name(), o.valueSystem(), o.valueCode(),
						o.valueDisplay(), row.source().system(), row.source().id())
				.update();
			if (inserted > 0) {
				CodedRecord.Observation read = codes.observation(o.codeSystem(), o.code(), o.value(), o.unit(),
						o.date(), o.setting() == null ? null : o.setting().name(), o.valueSystem(), o.valueCode());
				created.add(read != null
						? new RecordedObservation(read.type(), o.codeSystem(), o.code(), read.value(), read.unit(),
								o.date(), read.setting())
						: new RecordedObservation(null, o.codeSystem(), o.code(), o.value(), o.unit(), o.date(),
								o.setting()));
			}
		}
		return created;
	}

	private int medications(String nhs, List<Row<?>> rows) {
		int line = nextLine("medication", nhs);
		int created = 0;
		for (Row<Medication> row : rowsOf(rows, Medication.class, Medication::start)) {
			Medication m = row.value();
			created += jdbc.sql("""
					INSERT INTO population.medication (nhs_number, line, code_system, code, name, start_date,
					  end_date, source_system, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (source_system, source_id) DO NOTHING""")
				.params(nhs, ++line, m.codeSystem(), m.code(), m.name(), m.start(), m.end(),
						row.source().system(), row.source().id())
				.update();
		}
		return created;
	}

	private int admissions(String nhs, List<Row<?>> rows) {
		int line = nextLine("admission", nhs);
		int created = 0;
		for (Row<Admission> row : rowsOf(rows, Admission.class, Admission::date)) {
			Admission a = row.value();
			created += jdbc.sql("""
					INSERT INTO population.admission (nhs_number, line, admitted_on, planned, reason, source_system,
					  source_id, emergency_attendance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (source_system, source_id) DO NOTHING""")
				.params(nhs, ++line, a.date(), new SqlParameterValue(java.sql.Types.BOOLEAN, a.planned()), a.reason(),
						row.source().system(), row.source().id(), a.emergencyAttendance())
				.update();
		}
		return created;
	}

}
