package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.IsoWeek;

/**
 * The hub measures per ISO week, counted from the requests (no personal data leaves this query): requests, share
 * navigated away from general practice, share right first time, median time from request to triage decision, red
 * flags and overrides. Shares are of the week's completed requests.
 */
@Component
@Transactional(readOnly = true)
class TriageMeasures {

	record WeekMeasures(IsoWeek week, long requests, long completed, long away, long rightFirstTime,
			@Nullable Double medianMinutesToDecision, long redFlags, long overrides) {

		public @Nullable Integer awayPercent() {
			return completed == 0 ? null : (int) Math.round(100.0 * away / completed);
		}

		public @Nullable Integer rightFirstTimePercent() {
			return completed == 0 ? null : (int) Math.round(100.0 * rightFirstTime / completed);
		}

		public String median() {
			if (medianMinutesToDecision == null) {
				return "No decisions";
			}
			long minutes = Math.round(medianMinutesToDecision);
			return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
		}

	}

	private static final String GENERAL_PRACTICE = Arrays.stream(Disposition.values())
		.filter(d -> !d.awayFromGeneralPractice())
		.map(d -> "'" + d.name() + "'")
		.collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	TriageMeasures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The last {@code weeks} ISO weeks up to the one containing {@code today}, oldest first, for these hubs together. */
	List<WeekMeasures> weekly(List<String> siteCodes, LocalDate today, int weeks) {
		IsoWeek last = IsoWeek.of(today);
		IsoWeek first = last;
		for (int i = 1; i < weeks; i++) {
			first = first.previous();
		}
		Map<LocalDate, WeekMeasures> found = jdbc.sql("""
				SELECT week_starting,
				       count(*) AS requests,
				       count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
				       count(*) FILTER (WHERE status = 'COMPLETED' AND decided_disposition NOT IN (%s)) AS away,
				       count(*) FILTER (WHERE status = 'COMPLETED' AND NOT not_right_first_time) AS right_first_time,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - received_at) / 60)
				           FILTER (WHERE decided_at IS NOT NULL) AS median_minutes,
				       count(*) FILTER (WHERE red_flag) AS red_flags,
				       count(*) FILTER (WHERE decided_disposition IS NOT NULL
				                          AND decided_disposition <> suggested_disposition) AS overrides
				FROM triage.request
				WHERE site_code = ANY (?) AND week_starting BETWEEN ? AND ?
				GROUP BY week_starting""".formatted(GENERAL_PRACTICE))
			.params(siteCodes.toArray(String[]::new), first.monday(), last.monday())
			.query((rs, i) -> new WeekMeasures(IsoWeek.of(rs.getObject("week_starting", LocalDate.class)),
					rs.getLong("requests"), rs.getLong("completed"), rs.getLong("away"),
					rs.getLong("right_first_time"),
					rs.getObject("median_minutes") == null ? null : rs.getDouble("median_minutes"),
					rs.getLong("red_flags"), rs.getLong("overrides")))
			.list()
			.stream()
			.collect(Collectors.toMap(w -> w.week().monday(), Function.identity()));
		List<WeekMeasures> all = new ArrayList<>();
		for (IsoWeek week = first; week.compareTo(last) <= 0; week = week.next()) {
			all.add(found.getOrDefault(week.monday(), new WeekMeasures(week, 0, 0, 0, 0, null, 0, 0)));
		}
		return all;
	}

}
