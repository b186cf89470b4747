package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard indicators kept per quarter: the first population refresh after a quarter end counts them per
 * practice (people who have died left out), and the trend charts add them up per PCN or Place, with the median of
 * the other areas at the same level as the comparator (as CVDPREVENT compares a practice with England).
 */
@Component
class IndicatorSnapshots {

	/** How many quarters a trend shows. */
	static final int QUARTERS = 8;

	/**
	 * One area's value in one quarter, and the median and range of the areas at its level; {@code backfilled} when it
	 * was counted afterwards from the dated record rather than kept by a refresh, and {@code gap} (no value then) when
	 * the record cannot give this indicator for that quarter.
	 */
	record Point(LocalDate quarterEnd, LocalDate takenOn, Dashboard.Counts counts, @Nullable Double percent,
			@Nullable Double median, @Nullable Double lowest, @Nullable Double highest, boolean backfilled,
			@Nullable String gap) {
	}

	/** When the trend was last back-filled, and how many people had no recorded registration start. */
	record Backfill(java.time.Instant at, LocalDate from, LocalDate to, long registrationStartUnknown) {
	}

	private final JdbcClient jdbc;

	IndicatorSnapshots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The last quarter end (31 March, 30 June, 30 September, 31 December) on or before a day. */
	static LocalDate quarterEnd(LocalDate day) {
		LocalDate lastMonth = LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 3, 1);
		LocalDate end = lastMonth.withDayOfMonth(lastMonth.lengthOfMonth());
		if (!end.isAfter(day)) {
			return end;
		}
		LocalDate previous = lastMonth.minusMonths(3);
		return previous.withDayOfMonth(previous.lengthOfMonth());
	}

	/** Takes the snapshot of the last quarter end unless it has been taken; true when it took one. */
	@Transactional
	boolean takeIfDue(LocalDate today) {
		LocalDate quarter = quarterEnd(today);
		boolean taken = jdbc.sql("SELECT count(*) FROM cvd.indicator_snapshot WHERE quarter_end = ? AND NOT backfilled")
			.param(quarter)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO cvd.indicator_snapshot (quarter_end, practice_code, pcn_code, place_code, people,
				    hypertension, possible_undiagnosed, to_target, high_risk, high_risk_statin, aged_40_74, assessed,
				    taken_on)
				SELECT ?, r.practice_code, min(r.pcn_code), min(r.place_code), count(*),
				       count(*) FILTER (WHERE r.hypertension),
				       count(u.nhs_number),
				       count(*) FILTER (WHERE r.hypertension AND r.bp_to_target),
				       count(*) FILTER (WHERE r.score >= 10),
				       count(*) FILTER (WHERE r.score >= 10 AND r.on_statin),
				       count(*) FILTER (WHERE r.age BETWEEN 40 AND 74),
				       count(*) FILTER (WHERE r.age BETWEEN 40 AND 74 AND r.assessed_5y), ?
				FROM cvd.person_risk r
				LEFT JOIN cvd.finding u ON u.nhs_number = r.nhs_number AND u.rule_code = 'CVD-HTN-UNDX'
				WHERE NOT r.deceased
				GROUP BY r.practice_code""")
			.params(quarter, today)
			.update();
		return true;
	}

	/**
	 * The last {@link #QUARTERS} quarters of one indicator for one area ("practice", "pcn" or "place" and its code;
	 * null for all of BOB), each with the median and range of every area at that level.
	 */
	@Transactional(readOnly = true)
	List<Point> trend(String level, @Nullable String area, Dashboard.Indicator indicator) {
		String column = switch (level) {
			case "practice" -> "practice_code";
			case "pcn" -> "pcn_code";
			default -> "place_code";
		};
		Map<LocalDate, Map<String, Dashboard.Counts>> byQuarter = new TreeMap<>();
		Map<LocalDate, LocalDate> takenOn = new LinkedHashMap<>();
		Map<LocalDate, Boolean> backfilled = new HashMap<>();
		// a quarter kept live by a refresh shows that snapshot; one back-filled from the record shows only where
		// no live one was kept
		jdbc.sql("""
				SELECT quarter_end, %s AS area, backfilled, max(taken_on) AS taken_on, sum(people) AS people,
				       sum(hypertension) AS hypertension, sum(possible_undiagnosed) AS undiagnosed,
				       sum(to_target) AS to_target, sum(high_risk) AS high_risk,
				       sum(high_risk_statin) AS high_risk_statin, sum(aged_40_74) AS aged, sum(assessed) AS assessed
				FROM cvd.indicator_snapshot s
				WHERE quarter_end > (SELECT max(quarter_end) FROM cvd.indicator_snapshot) - (? * interval '3 months')
				  AND (NOT backfilled OR NOT EXISTS (SELECT 1 FROM cvd.indicator_snapshot l
				                                     WHERE l.quarter_end = s.quarter_end AND NOT l.backfilled))
				GROUP BY quarter_end, %s, backfilled""".formatted(column, column))
			.param(QUARTERS)
			.query(rs -> {
				LocalDate quarter = rs.getObject("quarter_end", LocalDate.class);
				backfilled.put(quarter, rs.getBoolean("backfilled"));
				String key = rs.getString("area");
				takenOn.merge(quarter, rs.getObject("taken_on", LocalDate.class),
						(a, b) -> a.isAfter(b) ? a : b);
				byQuarter.computeIfAbsent(quarter, q -> new LinkedHashMap<>())
					.put(key, new Dashboard.Counts(key, key, rs.getLong("people"), rs.getLong("hypertension"),
							rs.getLong("undiagnosed"), rs.getLong("to_target"), rs.getLong("high_risk"),
							rs.getLong("high_risk_statin"), rs.getLong("aged"), rs.getLong("assessed")));
			});
		Map<LocalDate, String> gaps = new HashMap<>();
		jdbc.sql("SELECT quarter_end, reason FROM cvd.indicator_backfill_gap WHERE indicator = ?")
			.param(indicator.name())
			.query(rs -> {
				gaps.put(rs.getObject(1, LocalDate.class), rs.getString(2));
			});
		List<Point> points = new ArrayList<>();
		byQuarter.forEach((quarter, areas) -> {
			boolean fromRecord = backfilled.getOrDefault(quarter, false);
			String gap = fromRecord ? gaps.get(quarter) : null;
			List<Double> values = areas.values()
				.stream()
				.map(c -> c.percent(indicator))
				.filter(java.util.Objects::nonNull)
				.sorted()
				.toList();
			Dashboard.Counts counts = area == null ? sum(areas.values()) : areas.get(area);
			if (counts == null) {
				return;
			}
			if (gap != null) {
				points.add(new Point(quarter, takenOn.get(quarter), counts, null, null, null, null, true, gap));
				return;
			}
			points.add(new Point(quarter, takenOn.get(quarter), counts, counts.percent(indicator), median(values),
					values.isEmpty() ? null : values.get(0), values.isEmpty() ? null : values.get(values.size() - 1),
					fromRecord, null));
		});
		return points;
	}

	/** The latest back-fill, if the trend has been back-filled. */
	@Transactional(readOnly = true)
	java.util.Optional<Backfill> backfill() {
		return jdbc.sql("""
				SELECT max(backfilled_at) AS at, min(quarter_end) AS first, max(quarter_end) AS last,
				       max(registration_start_unknown) AS unknown
				FROM cvd.indicator_backfill HAVING count(*) > 0""")
			.query((rs, i) -> new Backfill(rs.getTimestamp("at").toInstant(), rs.getObject("first", LocalDate.class),
					rs.getObject("last", LocalDate.class), rs.getLong("unknown")))
			.optional();
	}

	private static Dashboard.Counts sum(java.util.Collection<Dashboard.Counts> all) {
		long[] t = new long[8];
		for (Dashboard.Counts c : all) {
			t[0] += c.people();
			t[1] += c.hypertension();
			t[2] += c.possibleUndiagnosed();
			t[3] += c.toTarget();
			t[4] += c.highRisk();
			t[5] += c.highRiskOnStatin();
			t[6] += c.aged40To74();
			t[7] += c.assessed();
		}
		return new Dashboard.Counts("BOB", "BOB", t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
	}

	static @Nullable Double median(List<Double> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
