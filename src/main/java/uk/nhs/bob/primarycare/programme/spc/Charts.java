package uk.nhs.bob.primarycare.programme.spc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.feed.Feed;
import uk.nhs.bob.primarycare.programme.feed.FeedValues;
import uk.nhs.bob.primarycare.programme.improvement.Project;

/**
 * The one chart service: every view that shows a measure's icons, chart, rows or JSON gets its {@link MeasureChart}
 * here, so they all read the same series, rebases, screening and target.
 * <ul>
 * <li>Series: weeks before the measure's {@code feedFrom} take the values entered by hand, weeks from it the feed's
 * values (with their n).</li>
 * <li>Judging: the ISO week still running, and a fed share or median whose n is below the measure's minimum n, are
 * shown but left out of the calculation (mean, limits and rules), so they never raise or hide a signal.</li>
 * <li>Rebases: each starts a new segment at the first judged week on or after it.</li>
 * <li>The judged weeks go through {@link Spc} (NHSRplotthedots rules, outlier screening on); the icons describe the
 * last judged week.</li>
 * <li>Reading: the views that show many measures (site, Place, overview, ICB, portfolio, board pack, CSV) ask for all
 * their charts at once, so a page reads the values, rebases and fed values in one statement however many measures
 * it shows; a single chart is the same reading for one measure.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
public class Charts {

	private static final SortedMap<LocalDate, FeedValues.FedWeek> EMPTY = Collections.emptySortedMap();

	private static final Calculated CALCULATED = new Calculated();

	private final JdbcClient jdbc;

	private final Programme programme;

	private final ProgrammeCalendar calendar;

	Charts(JdbcClient jdbc, Programme programme, ProgrammeCalendar calendar) {
		this.jdbc = jdbc;
		this.programme = programme;
		this.calendar = calendar;
	}

	public MeasureChart chart(Measure measure) {
		return chart(measure, calendar.today());
	}

	public MeasureChart chart(Measure measure, LocalDate today) {
		return charts(List.of(measure), today).get(measure.id());
	}

	public MeasureChart chart(Measure measure, Set<String> directorySiteCodes, LocalDate today) {
		return charts(List.of(measure), m -> directorySiteCodes, today).get(measure.id());
	}

	/** The charts of some measures (by measure id, in the order given), each over its own site's footprint. */
	public Map<Long, MeasureChart> charts(Collection<Measure> measures) {
		return charts(measures, calendar.today());
	}

	/**
	 * The charts of some measures, reading their projects, sites and footprints once for them all, then
	 * {@link #charts(Collection, Function, LocalDate)}.
	 */
	public Map<Long, MeasureChart> charts(Collection<Measure> measures, LocalDate today) {
		Map<Long, Project> projects = new HashMap<>();
		programme.projects(measures.stream().map(Measure::projectId).collect(Collectors.toSet()))
			.forEach(p -> projects.put(p.id(), p));
		Map<Long, Set<String>> codes = programme
			.directorySiteCodes(programme.sites(projects.values().stream().map(Project::siteId).collect(Collectors.toSet())));
		return charts(measures, m -> codes.get(projects.get(m.projectId()).siteId()), today);
	}

	/**
	 * The charts of some measures (by measure id, in the order given), each fed over the directory site codes the
	 * function gives it. However many measures, their inputs (the values entered by hand, the rebases and the fed
	 * values of each feed over each footprint) are read in one statement, and each chart is the same as if its measure
	 * were read alone.
	 */
	public Map<Long, MeasureChart> charts(Collection<Measure> measures, Function<Measure, Set<String>> directorySiteCodes,
			LocalDate today) {
		Map<Long, MeasureChart> charts = new LinkedHashMap<>();
		if (measures.isEmpty()) {
			return charts;
		}
		// measures of one footprint share its key, so the footprint is read once per feed
		Map<Set<String>, String> footprintKeys = new HashMap<>();
		Map<Long, String> keyOfMeasure = new HashMap<>();
		Map<Feed, Map<String, Set<String>>> fedFootprints = new EnumMap<>(Feed.class);
		for (Measure measure : measures) {
			Feed feed = measure.feed();
			if (feed != null) {
				Set<String> codes = Set.copyOf(directorySiteCodes.apply(measure));
				String key = footprintKeys.computeIfAbsent(codes, c -> String.valueOf(footprintKeys.size()));
				keyOfMeasure.put(measure.id(), key);
				fedFootprints.computeIfAbsent(feed, f -> new HashMap<>()).put(key, codes);
			}
		}
		SqlArrayValue ids = new SqlArrayValue("bigint", measures.stream().map(Measure::id).distinct().toArray());
		Map<Long, Map<LocalDate, Double>> handValues = new HashMap<>();
		Map<Long, List<MeasureChart.Rebase>> rebases = new HashMap<>();
		Map<Feed, Map<String, SortedMap<LocalDate, FeedValues.FedWeek>>> fed = new EnumMap<>(Feed.class);
		List<Object> params = new ArrayList<>(List.of(FeedValues.footprintArrays(fedFootprints)));
		params.add(ids);
		params.add(ids);
		jdbc.sql("""
				with %s, fed as (
				%s
				)
				select 'FED' as source, null::bigint as measure_id, feed, key, week_starting, v, num, n,
					null::text as reason, null::text as created_by, null::timestamptz as created_at
				from fed
				union all
				select 'ENTERED', measure_id, null, null, week_starting, value::float8, null, null, null, null, null
				from programme.measure_value where measure_id = any(?)
				union all
				select 'REBASE', measure_id, null, null, week_starting, null, null, null, reason, created_by, created_at
				from programme.measure_rebase where measure_id = any(?)""".formatted(FeedValues.FOOTPRINTS,
				FeedValues.rows(fedFootprints.keySet())))
			.params(params)
			.query((RowCallbackHandler) rs -> {
				switch (rs.getString("source")) {
					case "FED" -> FeedValues.read(rs, fed);
					case "ENTERED" -> handValues.computeIfAbsent(rs.getLong("measure_id"), id -> new HashMap<>())
						.put(rs.getObject("week_starting", LocalDate.class), rs.getDouble("v"));
					default -> rebases.computeIfAbsent(rs.getLong("measure_id"), id -> new ArrayList<>())
						.add(rebase(rs));
				}
			});
		rebases.values().forEach(list -> list.sort(Comparator.comparing(MeasureChart.Rebase::weekStarting)));
		for (Measure measure : measures) {
			SortedMap<LocalDate, FeedValues.FedWeek> fedWeeks = measure.feed() == null ? EMPTY
					: fed.getOrDefault(measure.feed(), Map.of()).getOrDefault(keyOfMeasure.get(measure.id()), EMPTY);
			charts.put(measure.id(), chart(measure, handValues.getOrDefault(measure.id(), Map.of()), fedWeeks,
					rebases.getOrDefault(measure.id(), List.of()), today));
		}
		return charts;
	}

	/** A measure's chart from its values entered by hand, its fed weeks and its rebases. */
	private static MeasureChart chart(Measure measure, Map<LocalDate, Double> handValues,
			SortedMap<LocalDate, FeedValues.FedWeek> fedWeeks, List<MeasureChart.Rebase> rebases, LocalDate today) {
		LocalDate currentMonday = IsoWeek.of(today).monday();
		SortedMap<LocalDate, Raw> series = new TreeMap<>();
		handValues.forEach((week, value) -> {
			if (!measure.fedWeek(week)) {
				series.put(week, new Raw(value, false, null, null));
			}
		});
		Feed feed = measure.feed();
		fedWeeks.forEach((week, fedWeek) -> {
			if (measure.fedWeek(week)) {
				series.put(week, new Raw(fedWeek.value(), true, fedWeek.numerator(), fedWeek.n()));
			}
		});

		List<LocalDate> weeks = new ArrayList<>(series.keySet());
		List<MeasureChart.NotJudged> notJudged = new ArrayList<>();
		List<Integer> judgedIndexes = new ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			LocalDate week = weeks.get(i);
			Raw raw = series.get(week);
			MeasureChart.NotJudged reason = null;
			if (!week.isBefore(currentMonday)) {
				reason = MeasureChart.NotJudged.CURRENT_WEEK;
			}
			else if (raw.fed() && feed != null && feed.basis().needsMinimumN() && raw.n() != null
					&& raw.n() < measure.minimumN()) {
				reason = MeasureChart.NotJudged.LOW_N;
			}
			notJudged.add(reason);
			if (reason == null) {
				judgedIndexes.add(i);
			}
		}

		// a rebase starts its segment at the first judged week on or after it
		Set<Integer> rebaseIndexes = new LinkedHashSet<>();
		Set<LocalDate> rebaseWeeks = new LinkedHashSet<>();
		for (MeasureChart.Rebase rebase : rebases) {
			for (int j = 1; j < judgedIndexes.size(); j++) {
				LocalDate week = weeks.get(judgedIndexes.get(j));
				if (!week.isBefore(rebase.weekStarting())) {
					if (!weeks.get(judgedIndexes.get(j - 1)).isBefore(rebase.weekStarting())) {
						break;
					}
					rebaseIndexes.add(j);
					rebaseWeeks.add(week);
					break;
				}
			}
		}

		Spc.Result result = null;
		if (!judgedIndexes.isEmpty()) {
			double[] values = judgedIndexes.stream().mapToDouble(i -> series.get(weeks.get(i)).value()).toArray();
			Double target = measure.target() == null ? null : measure.target().doubleValue();
			result = CALCULATED.calculate(values, measure.direction(), target, List.copyOf(rebaseIndexes));
		}
		List<MeasureChart.Week> out = new ArrayList<>();
		int judged = 0;
		for (int i = 0; i < weeks.size(); i++) {
			LocalDate week = weeks.get(i);
			Raw raw = series.get(week);
			Spc.Point point = null;
			if (notJudged.get(i) == null && result != null) {
				point = result.points().get(judged++);
			}
			out.add(new MeasureChart.Week(week, raw.value(), raw.fed(), raw.numerator(), raw.n(), notJudged.get(i),
					point, rebaseWeeks.contains(week)));
		}
		return new MeasureChart(measure, List.copyOf(out), rebases, result == null ? null : result.variation(),
				result == null ? null : result.assurance(), result != null && result.shortSegmentWarning());
	}

	List<MeasureChart.Rebase> rebases(long measureId) {
		return jdbc.sql("""
				select week_starting, reason, created_by, created_at from programme.measure_rebase
				where measure_id = ? order by week_starting""")
			.param(measureId)
			.query((rs, row) -> rebase(rs))
			.list();
	}

	private static MeasureChart.Rebase rebase(ResultSet rs) throws SQLException {
		return new MeasureChart.Rebase(rs.getObject("week_starting", LocalDate.class), rs.getString("reason"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private record Raw(double value, boolean fed, @Nullable Long numerator, @Nullable Long n) {
	}

	/**
	 * The SPC results already worked out, by their inputs. {@link Spc#calculate} is a pure function of the judged
	 * values, direction, target and rebase points (its exact decimal means were a tenth of a programme site page's
	 * processor time), and every view reads the inputs from the database on each request, so a result found here is
	 * the one the inputs just read would give, on any instance. Bounded: the least used are dropped past the bound.
	 */
	static final class Calculated {

		static final int MAX_KEPT = 4096;

		private final Cache<Inputs, Spc.Result> results = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();

		Spc.Result calculate(double[] values, Spc.Direction direction, @Nullable Double target,
				List<Integer> rebaseIndexes) {
			Inputs inputs = new Inputs(values.clone(), direction, target, rebaseIndexes);
			return results.get(inputs, key -> Spc.calculate(values, direction, target, rebaseIndexes, true));
		}

		long size() {
			results.cleanUp();
			return results.estimatedSize();
		}

		private record Inputs(double[] values, Spc.Direction direction, @Nullable Double target,
				List<Integer> rebaseIndexes) {

			@Override
			public boolean equals(Object other) {
				return other instanceof Inputs that && Arrays.equals(values, that.values) && direction == that.direction
						&& Objects.equals(target, that.target) && rebaseIndexes.equals(that.rebaseIndexes);
			}

			@Override
			public int hashCode() {
				return 31 * Arrays.hashCode(values) + Objects.hash(direction, target, rebaseIndexes);
			}

		}

	}

}
