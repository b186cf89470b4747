package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import uk.nhs.bob.primarycare.population.CodedRecord.Admission;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;

/**
 * Streams generated people into PostgreSQL with COPY on one connection (one transaction, so a failed load leaves
 * nothing behind). The generator fills batches of a few thousand people while a second thread copies the previous
 * batch, so generating and loading overlap on two cores and memory stays at a few batches whatever the size.
 */
final class PopulationLoader {

	private static final int PEOPLE_PER_BATCH = 10_000;

	private static final String[] COPY_STATEMENTS = {
			"COPY population.person (nhs_number, given_name, family_name, date_of_birth, sex, ethnicity, postcode, "
					+ "lsoa_code, registered_practice, date_of_death, registered_from, registered_until) FROM STDIN",
			"COPY population.problem (nhs_number, line, code, term, onset_date, resolved_date) FROM STDIN",
			"COPY population.observation (nhs_number, line, code, value, unit, observed_on, setting) FROM STDIN",
			"COPY population.medication (nhs_number, line, name, code, start_date, end_date) FROM STDIN",
			"COPY population.admission (nhs_number, line, admitted_on, planned, reason, emergency_attendance) FROM STDIN" };

	/** Counts of what was loaded. */
	record Loaded(long people, long rows) {
	}

	private final CopyManager copy;

	PopulationLoader(Connection connection) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
	}

	void lsoas(List<SyntheticLsoas.Lsoa> lsoas) throws SQLException, IOException {
		CopyBuffer buffer = new CopyBuffer(64 * 1024);
		for (SyntheticLsoas.Lsoa lsoa : lsoas) {
			buffer.text(lsoa.code())
				.tab()
				.text(lsoa.name())
				.tab()
				.text(lsoa.postcodeDistrict())
				.tab()
				.number(lsoa.imdDecile())
				.tab()
				.text(SyntheticLsoas.IMD_VERSION)
				.tab()
				.raw(lsoa.townsendScore().toPlainString())
				.end();
		}
		copy.copyIn("COPY population.lsoa (code, name, postcode_district, imd_decile, imd_version, townsend_score) "
				+ "FROM STDIN", buffer.stream());
	}

	Loaded load(PopulationGenerator generator, int size) throws SQLException, IOException {
		BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
		AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
		long[] rows = new long[1];
		Thread copier = new Thread(() -> {
			try {
				while (true) {
					Batch batch = queue.take();
					if (batch.last) {
						return;
					}
					for (int table = 0; table < COPY_STATEMENTS.length; table++) {
						if (!batch.tables[table].isEmpty()) {
							copy.copyIn(COPY_STATEMENTS[table], batch.tables[table].stream(), 256 * 1024);
							rows[0] += batch.tables[table].rows();
						}
					}
				}
			}
			catch (Exception ex) {
				failure.set(ex);
				queue.clear();
			}
		}, "population-copy");
		// Never keeps the JVM alive if generation fails part-way
		copier.setDaemon(true);
		copier.start();
		long[] people = new long[1];
		Batch[] current = { new Batch() };
		try {
			generator.generate(size, person -> {
				current[0].add(person);
				people[0]++;
				if (current[0].people == PEOPLE_PER_BATCH) {
					hand(queue, current[0], failure);
					current[0] = new Batch();
				}
			});
			hand(queue, current[0], failure);
			hand(queue, Batch.end(), failure);
			copier.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while loading the population", ex);
		}
		finally {
			copier.interrupt();
		}
		Exception failed = failure.get();
		if (failed instanceof SQLException sql) {
			throw sql;
		}
		if (failed != null) {
			throw new IllegalStateException("Could not load the population", failed);
		}
		return new Loaded(people[0], rows[0]);
	}

	private static void hand(BlockingQueue<Batch> queue, Batch batch, AtomicReference<@Nullable Exception> failure) {
		try {
			while (failure.get() == null) {
				if (queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			throw new IllegalStateException("Loading the population failed", failure.get());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while loading the population", ex);
		}
	}

	/** The COPY rows of a few thousand people, one buffer per table. */
	private static final class Batch {

		final CopyBuffer[] tables = new CopyBuffer[COPY_STATEMENTS.length];

		int people;

		boolean last;

		Batch() {
			tables[0] = new CopyBuffer(1 << 20);
			tables[1] = new CopyBuffer(1 << 20);
			tables[2] = new CopyBuffer(4 << 20);
			tables[3] = new CopyBuffer(1 << 20);
			tables[4] = new CopyBuffer(64 << 10);
		}

		private Batch(boolean last) {
			this.last = last;
		}

		static Batch end() {
			return new Batch(true);
		}

		void add(GeneratedPerson person) {
			String nhs = person.nhsNumber();
			tables[0].text(nhs)
				.tab()
				.text(person.givenName())
				.tab()
				.text(person.familyName())
				.tab()
				.date(person.dateOfBirth())
				.tab()
				.raw(person.sex().code())
				.tab()
				.text(person.ethnicity().code())
				.tab()
				.text(person.postcode())
				.tab()
				.text(person.lsoaCode())
				.tab()
				.text(person.practiceOdsCode())
				.tab()
				.date(person.dateOfDeath())
				.tab()
				.date(person.registeredFrom())
				.tab()
				.date(person.registeredUntil())
				.end();
			CodedRecord record = person.record();
			int line = 0;
			for (Problem p : record.problems()) {
				tables[1].text(nhs)
					.tab()
					.number(++line)
					.tab()
					.text(p.code())
					.tab()
					.text(p.term())
					.tab()
					.date(p.onset())
					.tab()
					.date(p.resolved())
					.end();
			}
			line = 0;
			for (Observation o : record.observations()) {
				tables[2].text(nhs)
					.tab()
					.number(++line)
					.tab()
					.text(o.code())
					.tab()
					.raw(o.value().toPlainString())
					.tab()
					.text(o.unit())
					.tab()
					.date(o.date())
					.tab()
					.text(o.setting() == null ? null : o.setting().name())
					.end();
			}
			line = 0;
			for (Medication m : record.medications()) {
				tables[3].text(nhs)
					.tab()
					.number(++line)
					.tab()
					.text(m.name())
					.tab()
					.text(m.code())
					.tab()
					.date(m.start())
					.tab()
					.date(m.end())
					.end();
			}
			line = 0;
			for (Admission a : record.admissions()) {
				tables[4].text(nhs)
					.tab()
					.number(++line)
					.tab()
					.date(a.date())
					.tab()
					.raw(a.planned() == null ? "\\N" : a.planned() ? "t" : "f")
					.tab()
					.text(a.reason())
					.tab()
					.raw(a.emergencyAttendance() ? "t" : "f")
					.end();
			}
			people++;
		}

	}

}
