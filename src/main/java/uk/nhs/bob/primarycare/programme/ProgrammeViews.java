package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PlaceSummary;

/**
 * Read models for the programme's pages (aggregate counts only). Every icon and count of special causes comes from
 * {@link Charts}, the one chart service, so summaries agree with the measure pages.
 */
@Component
@Transactional(readOnly = true)
class ProgrammeViews {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	public record PlaceCell(String placeCode, String placeName, int enrolled, int capacityLeft) {
	}

	public record CohortRow(long id, String name, String period, String status, int maxSitesPerPlace,
			String description, List<PlaceCell> places, int totalEnrolled, int totalCapacityLeft, long version) {
	}

	public record WorkstreamRow(String code, String name, String description, List<CohortRow> cohorts,
			List<MeasureTally> measures) {
	}

	/**
	 * How many of the active measures of a Place's sites in a workstream show special cause improvement or concern in
	 * their last judged week, read from the charts like every other view.
	 */
	public record MeasureTally(String placeCode, String placeName, String workstreamCode, int measures, int improving,
			int concerning) {
	}

	public record EnrolmentRow(long id, String workstreamCode, String workstreamName, String cohortName,
			String period, String status, String enrolledOn, String enrolledBy, boolean active,
			@Nullable String ended, long version) {
	}

	public record MeasureStatus(long measureId, String name, Spc.@Nullable PointType variation,
			Spc.@Nullable Assurance assurance, String variationLetter) {
	}

	public record ProjectSummary(long projectId, String workstreamCode, String workstreamName,
			@Nullable String progressScore, String aim, List<MeasureStatus> measures) {
	}

	public record SiteRow(long id, String name, String placeCode, String placeName, String footprint,
			List<EnrolmentRow> enrolments, List<ProjectSummary> projects, @Nullable String retired) {
	}

	public record PlaceSummaryRow(String placeCode, String placeName, int sites, Map<String, Integer> enrolledByWorkstream,
			@Nullable String meanProgressScore, int improving, int concerning, int measures) {
	}

	private final Programme programme;

	private final Directory directory;

	private final Charts charts;

	private final Measures measures;

	ProgrammeViews(Programme programme, Directory directory, Charts charts, Measures measures) {
		this.programme = programme;
		this.directory = directory;
		this.charts = charts;
		this.measures = measures;
	}

	static String day(@Nullable LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	List<PlaceSummary> places() {
		return directory.places();
	}

	List<WorkstreamRow> overview(LocalDate today) {
		List<MeasureTally> tallies = tallies(today);
		Map<Long, Map<String, Integer>> counts = programme.enrolledCounts();
		List<PlaceSummary> places = directory.places();
		List<Cohort> cohorts = programme.cohorts();
		List<WorkstreamRow> rows = new ArrayList<>();
		for (Workstream workstream : programme.workstreams()) {
			List<CohortRow> cohortRows = new ArrayList<>();
			for (Cohort cohort : cohorts) {
				if (!cohort.workstreamCode().equals(workstream.code())) {
					continue;
				}
				Map<String, Integer> byPlace = counts.getOrDefault(cohort.id(), Map.of());
				List<PlaceCell> cells = new ArrayList<>();
				int total = 0;
				int left = 0;
				for (PlaceSummary place : places) {
					int enrolled = byPlace.getOrDefault(place.code(), 0);
					int capacity = Math.max(0, cohort.maxSitesPerPlace() - enrolled);
					cells.add(new PlaceCell(place.code(), place.name(), enrolled, capacity));
					total += enrolled;
					left += capacity;
				}
				cohortRows.add(new CohortRow(cohort.id(), cohort.name(), period(cohort), status(cohort, today, left),
						cohort.maxSitesPerPlace(), cohort.description(), cells, total, left, cohort.version()));
			}
			rows.add(new WorkstreamRow(workstream.code(), workstream.name(), workstream.description(), cohortRows,
					tallies.stream().filter(t -> t.workstreamCode().equals(workstream.code())).toList()));
		}
		return rows;
	}

	/** The tallies of every Place and workstream, over the sites still in the programme. */
	List<MeasureTally> tallies(LocalDate today) {
		List<MeasureTally> tallies = new ArrayList<>();
		List<Workstream> workstreams = programme.workstreams();
		for (PlaceSummary place : directory.places()) {
			Map<String, int[]> byWorkstream = new HashMap<>();
			for (ProgrammeSite site : programme.sitesIn(place.code())) {
				if (site.retired()) {
					continue;
				}
				Set<String> codes = programme.directorySiteCodes(site);
				for (Project project : programme.projectsOf(site.id())) {
					int[] tally = byWorkstream.computeIfAbsent(project.workstreamCode(), k -> new int[3]);
					for (Measure measure : measures.active(project.id())) {
						Spc.PointType variation = charts.chart(measure, codes, today).variation();
						tally[0]++;
						tally[1] += variation == Spc.PointType.SPECIAL_CAUSE_IMPROVEMENT ? 1 : 0;
						tally[2] += variation == Spc.PointType.SPECIAL_CAUSE_CONCERN ? 1 : 0;
					}
				}
			}
			for (Workstream workstream : workstreams) {
				int[] tally = byWorkstream.getOrDefault(workstream.code(), new int[3]);
				tallies.add(new MeasureTally(place.code(), place.name(), workstream.code(), tally[0], tally[1], tally[2]));
			}
		}
		return tallies;
	}

	static String period(Cohort cohort) {
		return MONTH.format(cohort.startsOn()) + " to " + MONTH.format(cohort.endsOn());
	}

	static String status(Cohort cohort, LocalDate today, int capacityLeft) {
		String status = cohort.status(today);
		if (cohort.maxSitesPerPlace() == 0) {
			return status + ", enrols no sites";
		}
		if (cohort.finished(today)) {
			return status + ", closed to enrolment";
		}
		return capacityLeft == 0 ? status + ", full" : status;
	}

	List<SiteRow> sites(@Nullable String placeCode, LocalDate today) {
		List<ProgrammeSite> sites = placeCode == null ? programme.sites() : programme.sitesIn(placeCode);
		Map<Long, Cohort> cohorts = programme.cohorts().stream().collect(Collectors.toMap(Cohort::id, c -> c));
		Map<String, Workstream> workstreams = programme.workstreams()
			.stream()
			.collect(Collectors.toMap(Workstream::code, w -> w));
		return sites.stream().map(site -> siteRow(site, cohorts, workstreams, today)).toList();
	}

	SiteRow site(ProgrammeSite site, LocalDate today) {
		Map<Long, Cohort> cohorts = programme.cohorts().stream().collect(Collectors.toMap(Cohort::id, c -> c));
		Map<String, Workstream> workstreams = programme.workstreams()
			.stream()
			.collect(Collectors.toMap(Workstream::code, w -> w));
		return siteRow(site, cohorts, workstreams, today);
	}

	private SiteRow siteRow(ProgrammeSite site, Map<Long, Cohort> cohorts, Map<String, Workstream> workstreams,
			LocalDate today) {
		List<EnrolmentRow> enrolments = new ArrayList<>();
		for (Programme.EnrolmentRecord record : programme.enrolments(site.id())) {
			Cohort cohort = cohorts.get(record.cohortId());
			String ended = record.active() ? null
					: record.status().label() + " on " + day(record.endedOn()) + " by " + record.endedBy() + ": "
							+ record.endedReason();
			enrolments.add(new EnrolmentRow(record.id(), cohort.workstreamCode(),
					workstreams.get(cohort.workstreamCode()).name(), cohort.name(), period(cohort),
					record.active() ? cohort.status(today) : record.status().label(), DAY.format(record.enrolledOn()),
					record.enrolledBy(), record.active(), ended, record.version()));
		}
		Set<String> codes = programme.directorySiteCodes(site);
		List<ProjectSummary> projects = programme.projectsOf(site.id())
			.stream()
			.sorted(Comparator.comparing(p -> workstreams.get(p.workstreamCode()).displayOrder()))
			.map(project -> projectSummary(project, workstreams.get(project.workstreamCode()), codes, today))
			.toList();
		String footprint = footprint(site);
		String retired = site.retired()
				? "Left the programme on " + day(site.retiredOn()) + " (" + site.retiredReason() + ")" : null;
		return new SiteRow(site.id(), site.name(), site.placeCode(), programme.placeName(site.placeCode()), footprint,
				enrolments, projects, retired);
	}

	private ProjectSummary projectSummary(Project project, Workstream workstream, Set<String> codes,
			LocalDate today) {
		List<MeasureStatus> statuses = new ArrayList<>();
		for (Measure measure : measures.active(project.id())) {
			statuses.add(status(charts.chart(measure, codes, today)));
		}
		return new ProjectSummary(project.id(), workstream.code(), workstream.name(), score(project.progressScore()),
				aim(project), statuses);
	}

	/** The footprint as people read it: each neighbourhood site or PCN by name, with its code. */
	String footprint(ProgrammeSite site) {
		return site.footprint()
			.stream()
			.map(code -> code.kind() == ProgrammeSite.FootprintKind.SITE
					? directory.site(code.code()).map(s -> s.name() + " (" + code.code() + ")").orElse(code.code())
					: directory.pcn(code.code()).map(p -> p.name() + " (" + code.code() + ")").orElse(code.code()))
			.sorted()
			.collect(Collectors.joining(", "));
	}

	/** A measure's icons as every summary shows them: those of its chart. */
	MeasureStatus status(MeasureChart chart) {
		return new MeasureStatus(chart.measure().id(), chart.measure().name(), chart.variation(), chart.assurance(),
				chart.variationLetter());
	}

	static String aim(Project project) {
		return project.aimWhat().isBlank() ? "No aim recorded yet"
				: project.aimWhat() + (project.aimHowMuch().isBlank() ? "" : ", " + project.aimHowMuch())
						+ (project.aimByWhen() == null ? "" : ", by " + DAY.format(project.aimByWhen()));
	}

	static @Nullable String score(@Nullable BigDecimal score) {
		return score == null ? null : score.setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	List<PlaceSummaryRow> icb(LocalDate today) {
		List<MeasureTally> tallies = tallies(today);
		List<PlaceSummaryRow> rows = new ArrayList<>();
		Map<Long, Cohort> cohorts = programme.cohorts().stream().collect(Collectors.toMap(Cohort::id, c -> c));
		for (PlaceSummary place : directory.places()) {
			Map<String, Integer> enrolled = new HashMap<>();
			for (Programme.EnrolmentRecord record : programme.allEnrolments()) {
				if (record.placeCode().equals(place.code()) && record.active()) {
					enrolled.merge(cohorts.get(record.cohortId()).workstreamCode(), 1, Integer::sum);
				}
			}
			BigDecimal sum = BigDecimal.ZERO;
			int scored = 0;
			for (ProgrammeSite site : programme.sitesIn(place.code())) {
				if (site.retired()) {
					continue;
				}
				for (Project project : programme.projectsOf(site.id())) {
					if (project.progressScore() != null) {
						sum = sum.add(project.progressScore().setScale(1, RoundingMode.HALF_UP));
						scored++;
					}
				}
			}
			int improving = 0;
			int concerning = 0;
			int measureCount = 0;
			for (MeasureTally tally : tallies) {
				if (tally.placeCode().equals(place.code())) {
					measureCount += tally.measures();
					improving += tally.improving();
					concerning += tally.concerning();
				}
			}
			String mean = scored == 0 ? null : sum.divide(BigDecimal.valueOf(scored), 1, RoundingMode.HALF_UP).toPlainString();
			rows.add(new PlaceSummaryRow(place.code(), place.name(),
					(int) programme.sitesIn(place.code()).stream().filter(s -> !s.retired()).count(), enrolled, mean, improving,
					concerning, measureCount));
		}
		return rows;
	}

}
