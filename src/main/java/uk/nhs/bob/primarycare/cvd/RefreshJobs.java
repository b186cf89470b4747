package uk.nhs.bob.primarycare.cvd;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Runs the population refresh: nightly on one instance (ShedLock), and on demand in the background with its
 * progress in cvd.refresh_run. Both take the same lock, so two refreshes never overlap, across instances too.
 */
@Component
class RefreshJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RefreshJobs.class);

	static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);

	/** One refresh run as the progress page shows it. */
	record Run(long id, Instant startedAt, @Nullable Instant finishedAt, String status, String trigger,
			@Nullable String startedBy, long total, long processed, long findings, int events, boolean baseline,
			@Nullable String quintileCuts, @Nullable String message) {

		public int percent() {
			if ("COMPLETED".equals(status)) {
				return 100;
			}
			return total == 0 ? 0 : (int) Math.min(99, processed * 100 / total);
		}

		public boolean running() {
			return "RUNNING".equals(status);
		}

		/** Progress in tenths (0-9 while running), 10 when it has ended: a change is announced to screen readers. */
		public int tenths() {
			return running() ? Math.min(9, percent() / 10) : 10;
		}

		/** What the live region says at a new tenth or at the end. */
		public String announcement() {
			return switch (status) {
				case "RUNNING" -> "Refresh " + tenths() * 10 + "% done: " + String.format("%,d", processed) + " of "
						+ String.format("%,d", total) + " people.";
				case "COMPLETED" -> "Refresh complete: " + String.format("%,d", processed) + " people, "
						+ String.format("%,d", findings) + " findings.";
				default -> "Refresh " + status.toLowerCase(java.util.Locale.UK) + ".";
			};
		}

		/** Who or what started the run, in words. */
		public String triggerText() {
			return switch (trigger) {
				case "SCHEDULED" -> "by the nightly schedule (02:30)";
				case "DEMO" -> "when the demo data was loaded at start-up";
				case "ON_DEMAND" -> "on demand" + (startedBy == null ? "" : " by " + startedBy);
				default -> (startedBy == null ? trigger.toLowerCase(java.util.Locale.UK) : "by " + startedBy);
			};
		}

		public @Nullable Long seconds() {
			return finishedAt == null ? null : Duration.between(startedAt, finishedAt).toSeconds();
		}

	}

	private final PopulationRefresh refresh;

	private final JdbcClient jdbc;

	private final LockingTaskExecutor locks;

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "cvd-refresh");
		thread.setDaemon(true);
		return thread;
	});

	RefreshJobs(PopulationRefresh refresh, JdbcClient jdbc, LockProvider lockProvider) {
		this.refresh = refresh;
		this.jdbc = jdbc;
		this.locks = new DefaultLockingTaskExecutor(lockProvider);
	}

	/** The nightly refresh (02:30 UK time unless primarycare.cvd.refresh-cron says otherwise), on one instance. */
	@Scheduled(cron = "${primarycare.cvd.refresh-cron:0 30 2 * * *}", zone = "Europe/London")
	@SchedulerLock(name = PopulationRefresh.LOCK_NAME, lockAtMostFor = "PT30M", lockAtLeastFor = "PT20S")
	void nightly() {
		refresh.runNow("SCHEDULED", null);
	}

	/** Clinical supervisors and ICB administrators start a refresh; everyone may watch one. */
	static boolean mayStart(StaffUser user) {
		return user.hasAnyRole(Role.ICB_ADMIN, Role.CLINICAL_SUPERVISOR);
	}

	/**
	 * Starts a refresh in the background for a user who {@link #mayStart may} (refused for anyone else), or returns
	 * empty when one is already running (here or on another instance).
	 */
	Optional<Long> startFor(StaffUser user) {
		if (!mayStart(user)) {
			throw new AccessDeniedException("Only clinical supervisors and ICB administrators start a refresh");
		}
		return startInBackground(user.username());
	}

	/**
	 * Starts a refresh in the background, or returns empty when one is already running (here or on another
	 * instance).
	 */
	Optional<Long> startInBackground(String username) {
		if (latest().filter(Run::running)
			.filter(run -> run.startedAt().isAfter(Instant.now().minus(LOCK_AT_MOST)))
			.isPresent()) {
			return Optional.empty();
		}
		long id = refresh.start("ON_DEMAND", username);
		background.submit(() -> {
			try {
				LockingTaskExecutor.TaskResult<Boolean> result = locks.executeWithLock(() -> {
					refresh.run(id);
					return true;
				}, new LockConfiguration(Instant.now(), PopulationRefresh.LOCK_NAME, LOCK_AT_MOST, Duration.ZERO));
				if (!result.wasExecuted()) {
					jdbc.sql("UPDATE cvd.refresh_run SET status = 'SKIPPED', finished_at = ?, message = ? WHERE id = ?")
						.params(Timestamp.from(Instant.now()), "Another refresh was running on another instance", id)
						.update();
				}
			}
			catch (Throwable ex) {
				log.error("On-demand CVD refresh {} failed", id, ex);
			}
		});
		return Optional.of(id);
	}

	Optional<Run> latest() {
		return jdbc.sql("SELECT * FROM cvd.refresh_run ORDER BY id DESC LIMIT 1").query(RefreshJobs::run).optional();
	}

	Optional<Run> latestCompleted() {
		return jdbc.sql("SELECT * FROM cvd.refresh_run WHERE status = 'COMPLETED' ORDER BY id DESC LIMIT 1")
			.query(RefreshJobs::run)
			.optional();
	}

	Optional<Run> find(long id) {
		return jdbc.sql("SELECT * FROM cvd.refresh_run WHERE id = ?").param(id).query(RefreshJobs::run).optional();
	}

	private static Run run(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Run(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant(), rs.getString("status"), rs.getString("trigger"),
				rs.getString("started_by"), rs.getLong("total"), rs.getLong("processed"), rs.getLong("findings"),
				rs.getInt("events"), rs.getBoolean("baseline"), rs.getString("quintile_cuts"), rs.getString("message"));
	}

	@Override
	public void destroy() {
		background.shutdownNow();
	}

}
