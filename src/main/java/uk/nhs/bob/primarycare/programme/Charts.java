package uk.nhs.bob.primarycare.programme;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.IsoWeek;

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
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class Charts {

	private final JdbcClient jdbc;

	private final FeedValues feedValues;

	private final Programme programme;

	private final ProgrammeCalendar calendar;

	Charts(JdbcClient jdbc, FeedValues feedValues, Programme programme, ProgrammeCalendar calendar) {
		this.jdbc = jdbc;
		this.feedValues = feedValues;
		this.programme = programme;
		this.calendar = calendar;
	}

	MeasureChart chart(Measure measure) {
		return chart(measure, calendar.today());
	}

	MeasureChart chart(Measure measure, LocalDate today) {
		Project project = programme.project(measure.projectId()).orElseThrow();
		ProgrammeSite site = programme.site(project.siteId()).orElseThrow();
		return chart(measure, programme.directorySiteCodes(site), today);
	}

	List<MeasureChart> charts(Collection<Measure> measures) {
		return measures.stream().map(this::chart).toList();
	}

	MeasureChart chart(Measure measure, Set<String> directorySiteCodes, LocalDate today) {
		LocalDate currentMonday = IsoWeek.of(today).monday();
		SortedMap<LocalDate, Raw> series = new TreeMap<>();
		jdbc.sql("select week_starting, value from programme.measure_value where measure_id = ?")
			.param(measure.id())
			.query((rs, row) -> {
				LocalDate week = rs.getObject("week_starting", LocalDate.class);
				if (!measure.fedWeek(week)) {
					series.put(week, new Raw(rs.getDouble("value"), false, null, null));
				}
				return week;
			})
			.list();
		Feed feed = measure.feed();
		if (feed != null) {
			feedValues.weekly(feed, directorySiteCodes).forEach((week, fed) -> {
				if (measure.fedWeek(week)) {
					series.put(week, new Raw(fed.value(), true, fed.numerator(), fed.n()));
				}
			});
		}
		List<MeasureChart.Rebase> rebases = rebases(measure.id());

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
			result = Spc.calculate(values, measure.direction(), target, new ArrayList<>(rebaseIndexes), true);
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
			.query((rs, row) -> new MeasureChart.Rebase(rs.getObject("week_starting", LocalDate.class),
					rs.getString("reason"), rs.getString("created_by"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private record Raw(double value, boolean fed, @Nullable Long numerator, @Nullable Long n) {
	}

}
