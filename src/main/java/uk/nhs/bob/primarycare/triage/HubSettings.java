package uk.nhs.bob.primarycare.triage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.OpeningHours;
import uk.nhs.bob.primarycare.directory.OpeningPeriod;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;

/**
 * What each hub sets for itself, every change recorded with who made it and the values before and after: the problems
 * a clinical supervisor always checks, and the hours the hub works through its queue (weekly periods in UK local time,
 * in the directory's opening-hours form), which decide what the public form tells people outside them.
 */
@Component
class HubSettings {

	static final String SUPERVISED_PROBLEMS = "Problems a clinical supervisor checks";

	static final String HOURS = "Opening hours";

	record Change(LocalDateTime changedAt, String changedBy, String setting, String before, String after) {
	}

	/** Whether the hub is working now, and if not when it next opens (null when it lists no hours). */
	record Availability(boolean openNow, OpeningHours hours, @org.jspecify.annotations.Nullable LocalDateTime nextOpening) {

		private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm",
				java.util.Locale.UK);

		boolean hoursKnown() {
			return !hours.isEmpty();
		}

		/** 'Monday 7 December at 08:00'. */
		public String nextOpeningText() {
			return nextOpening == null ? "" : WHEN.format(nextOpening);
		}

	}

	private final JdbcClient jdbc;

	private final uk.nhs.bob.primarycare.audit.AuditLog auditLog;

	HubSettings(JdbcClient jdbc, uk.nhs.bob.primarycare.audit.AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	Set<PresentingProblem> supervisedProblems(String siteCode) {
		return Set.copyOf(jdbc.sql("SELECT problem FROM triage.supervised_problem WHERE site_code = ?")
			.param(siteCode)
			.query((rs, i) -> PresentingProblem.valueOf(rs.getString(1)))
			.list());
	}

	@Transactional
	void setSupervisedProblems(String siteCode, Set<PresentingProblem> problems, String username) {
		Set<PresentingProblem> before = supervisedProblems(siteCode);
		if (before.equals(problems)) {
			return;
		}
		jdbc.sql("DELETE FROM triage.supervised_problem WHERE site_code = ?").param(siteCode).update();
		for (PresentingProblem problem : problems) {
			jdbc.sql("INSERT INTO triage.supervised_problem (site_code, problem) VALUES (?, ?)")
				.params(siteCode, problem.name())
				.update();
		}
		recordChange(siteCode, username, SUPERVISED_PROBLEMS, describe(before), describe(problems));
	}

	@Transactional(readOnly = true)
	OpeningHours hours(String siteCode) {
		return new OpeningHours(jdbc.sql("""
				SELECT day_of_week, opens_minute, closes_minute FROM triage.hub_opening_period WHERE site_code = ?""")
			.param(siteCode)
			.query((rs, i) -> new OpeningPeriod(DayOfWeek.of(rs.getInt(1)), time(rs.getInt(2)), time(rs.getInt(3))))
			.list());
	}

	@Transactional
	void setHours(String siteCode, OpeningHours hours, String username) {
		OpeningHours before = hours(siteCode);
		if (before.equals(hours)) {
			return;
		}
		jdbc.sql("DELETE FROM triage.hub_opening_period WHERE site_code = ?").param(siteCode).update();
		for (OpeningPeriod period : hours.periods()) {
			jdbc.sql("""
					INSERT INTO triage.hub_opening_period (site_code, day_of_week, opens_minute, closes_minute)
					VALUES (?, ?, ?, ?)""")
				.params(siteCode, period.day().getValue(), minutes(period.opens()), minutes(period.closes()))
				.update();
		}
		recordChange(siteCode, username, HOURS, describe(before), describe(hours));
	}

	/** The hub's hours for a new hub (the demo data): without a change record, as no one changed anything. */
	@Transactional
	void initialHours(String siteCode, OpeningHours hours) {
		if (!hours(siteCode).isEmpty()) {
			return;
		}
		for (OpeningPeriod period : hours.periods()) {
			jdbc.sql("""
					INSERT INTO triage.hub_opening_period (site_code, day_of_week, opens_minute, closes_minute)
					VALUES (?, ?, ?, ?)""")
				.params(siteCode, period.day().getValue(), minutes(period.opens()), minutes(period.closes()))
				.update();
		}
	}

	@Transactional(readOnly = true)
	List<Change> history(String siteCode) {
		return jdbc.sql("""
				SELECT changed_at, changed_by, setting, before, after FROM triage.hub_settings_change
				WHERE site_code = ? ORDER BY changed_at DESC, id DESC LIMIT 50""")
			.param(siteCode)
			.query((rs, i) -> new Change(
					LocalDateTime.ofInstant(rs.getTimestamp(1).toInstant(), ServiceDirectory.UK_TIME), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	@Transactional(readOnly = true)
	Availability availability(String siteCode, LocalDateTime now) {
		OpeningHours hours = hours(siteCode);
		boolean open = hours.isOpenAt(now);
		return new Availability(open, hours, open ? null : hours.nextOpening(now).orElse(null));
	}

	/** Kept on the hub's own page and among the administrator actions of the audit log. */
	private void recordChange(String siteCode, String username, String setting, String before, String after) {
		auditLog.recordAdminAction(username, uk.nhs.bob.primarycare.audit.AdminAction.HUB_SETTINGS_CHANGED,
				"Hub " + siteCode, setting + ": from " + before + " to " + after);
		jdbc.sql("""
				INSERT INTO triage.hub_settings_change (site_code, changed_at, changed_by, setting, before, after)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(siteCode, java.sql.Timestamp.from(Instant.now()), username, setting, before, after)
			.update();
	}

	static String describe(Set<PresentingProblem> problems) {
		if (problems.isEmpty()) {
			return "None";
		}
		return EnumSet.copyOf(problems).stream().map(PresentingProblem::label).collect(Collectors.joining("; "));
	}

	static String describe(OpeningHours hours) {
		if (hours.isEmpty()) {
			return "No hours set";
		}
		List<String> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			days.add(day.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK) + " "
					+ hours.describe(day));
		}
		return String.join("; ", days);
	}

	private static LocalTime time(int minutes) {
		return minutes == 1440 ? OpeningPeriod.MIDNIGHT : LocalTime.of(minutes / 60, minutes % 60);
	}

	private static int minutes(LocalTime time) {
		return time.equals(OpeningPeriod.MIDNIGHT) ? 1440 : time.getHour() * 60 + time.getMinute();
	}

	static Optional<OpeningPeriod> period(DayOfWeek day, String opens, String closes) {
		Optional<LocalTime> from = OpeningPeriod.parseTime(opens);
		Optional<LocalTime> to = OpeningPeriod.parseTime(closes);
		if (from.isEmpty() || to.isEmpty() || !from.get().isBefore(to.get()) || from.get().equals(OpeningPeriod.MIDNIGHT)) {
			return Optional.empty();
		}
		return Optional.of(new OpeningPeriod(day, from.get(), to.get()));
	}

}
