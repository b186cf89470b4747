package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Runs uploaded FHIR bundles through {@link FhirImport} one at a time in the background and records each job's
 * progress and result in the database, so the progress page works on any instance and survives a page reload.
 */
@Component
class FhirImportJobs {

	/** Skipped resources kept per job for the page; the total is always counted. */
	static final int SKIPPED_KEPT = 500;

	/** A running job with no progress for this long was stopped (the server restarted or the import died). */
	static final Duration STALLED_AFTER = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(FhirImportJobs.class);

	enum Status {

		RUNNING, DONE, FAILED, STALLED

	}

	record Job(UUID id, String fileName, String startedBy, Instant startedAt, @Nullable Instant finishedAt,
			Status status, int resourcesRead, @Nullable Integer peopleCreated, @Nullable Integer peopleUpdated,
			@Nullable Integer recordsCreated, @Nullable Integer resourcesSkipped, @Nullable String error) {

		public boolean running() {
			return status == Status.RUNNING;
		}

	}

	private final FhirImport fhirImport;

	private final JdbcClient jdbc;

	// One import at a time: each is heavy on the database, and a queue keeps the order the files came in
	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "fhir-import");
		thread.setDaemon(true);
		return thread;
	});

	FhirImportJobs(FhirImport fhirImport, JdbcClient jdbc) {
		this.fhirImport = fhirImport;
		this.jdbc = jdbc;
	}

	/** Saves an uploaded bundle to a file of its own and queues its import. */
	UUID start(String username, MultipartFile bundle, FhirImportOptions options) throws IOException {
		Path saved = Files.createTempFile("fhir-import-", ".json");
		bundle.transferTo(saved);
		String name = bundle.getOriginalFilename();
		return start(username, name == null || name.isBlank() ? "bundle.json" : name, saved, options);
	}

	/** Queues the import of a bundle saved to {@code file}; the file is deleted when the job ends. */
	UUID start(String username, String fileName, Path file, FhirImportOptions options) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO population.import_job (id, file_name, started_by, started_at, updated_at, status)
				VALUES (?, ?, ?, ?, ?, 'RUNNING')""").params(id, fileName, username, now, now).update();
		executor.submit(() -> run(id, file, options));
		return id;
	}

	private void run(UUID id, Path file, FhirImportOptions options) {
		AtomicLong lastWrite = new AtomicLong();
		try (InputStream in = Files.newInputStream(file)) {
			FhirImportResult result = fhirImport.importBundle(in, options, count -> {
				long now = System.nanoTime();
				// a progress write at most twice a second keeps the import itself fast
				if (now - lastWrite.get() > 500_000_000L) {
					lastWrite.set(now);
					jdbc.sql("UPDATE population.import_job SET resources_read = ?, updated_at = now() WHERE id = ?")
						.params(count, id)
						.update();
				}
			});
			finish(id, result);
		}
		catch (FhirImport.InvalidBundle ex) {
			fail(id, "This file is not a FHIR R4 bundle we can read: " + ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			log.error("FHIR import {} failed", id, ex);
			fail(id, "The import stopped because of an error on our side. People already imported from this file "
					+ "are kept; importing the file again adds only what is missing.");
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete the uploaded file {}", file, ex);
			}
		}
	}

	private void finish(UUID id, FhirImportResult result) {
		jdbc.sql("""
				UPDATE population.import_job SET status = 'DONE', finished_at = now(), updated_at = now(),
				  resources_read = ?, people_created = ?, people_updated = ?, records_created = ?, resources_skipped = ?
				WHERE id = ?""")
			.params(result.resourcesRead(), result.peopleCreated(), result.peopleUpdated(), result.recordsCreated(),
					result.skipped().size(), id)
			.update();
		List<FhirImportResult.Skipped> kept = result.skipped().stream().limit(SKIPPED_KEPT).toList();
		for (int line = 0; line < kept.size(); line++) {
			FhirImportResult.Skipped skipped = kept.get(line);
			jdbc.sql("""
					INSERT INTO population.import_job_skipped (job_id, line, resource_type, resource_id, reason)
					VALUES (?, ?, ?, ?, ?)""")
				.params(id, line, cut(skipped.resourceType(), 60), cut(skipped.id(), 255), cut(skipped.reason(), 500))
				.update();
		}
	}

	private void fail(UUID id, String error) {
		jdbc.sql("""
				UPDATE population.import_job SET status = 'FAILED', finished_at = now(), updated_at = now(), error = ?
				WHERE id = ?""").params(error, id).update();
	}

	Optional<Job> find(UUID id) {
		return jdbc.sql("SELECT * FROM population.import_job WHERE id = ?").param(id).query(this::job).optional();
	}

	List<Job> recent(int limit) {
		return jdbc.sql("SELECT * FROM population.import_job ORDER BY started_at DESC LIMIT ?")
			.param(limit)
			.query(this::job)
			.list();
	}

	List<FhirImportResult.Skipped> skipped(UUID id) {
		return jdbc.sql("""
				SELECT resource_type, resource_id, reason FROM population.import_job_skipped
				WHERE job_id = ? ORDER BY line""")
			.param(id)
			.query((rs, i) -> new FhirImportResult.Skipped(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private Job job(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Status status = Status.valueOf(rs.getString("status"));
		Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
		if (status == Status.RUNNING && updatedAt.isBefore(Instant.now().minus(STALLED_AFTER))) {
			status = Status.STALLED;
		}
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Job(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("started_by"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(), status,
				rs.getInt("resources_read"), (Integer) rs.getObject("people_created"),
				(Integer) rs.getObject("people_updated"), (Integer) rs.getObject("records_created"),
				(Integer) rs.getObject("resources_skipped"), rs.getString("error"));
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

}
