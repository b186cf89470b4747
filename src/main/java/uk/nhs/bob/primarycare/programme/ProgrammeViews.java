package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PcnSummary;
import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.cohorts.Workstream;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.spc.Charts;
import uk.nhs.bob.primarycare.programme.spc.Measure;
import uk.nhs.bob.primarycare.programme.spc.MeasureChart;
import uk.nhs.bob.primarycare.programme.spc.Spc;

/**
 * Read models for the programme's pages (aggregate counts only). Every icon and count of special causes comes from
 * {@link Charts}, the one chart service, so summaries agree with the measure pages.
 */
@Component
@Transactional(readOnly = true)
public class ProgrammeViews {

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

	ProgrammeViews(Programme programme, Directory directory, Charts charts) {
		this.programme = programme;
		this.directory = directory;
		this.charts = charts;
	}

	public static String day(@Nullable LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	List<PlaceSummary> places() {
		return directory.places();
	}

	/**
	 * The projects of some sites, the active measures of those projects and each of those measures' chart, read
	 * together so that a page showing many sites runs the same few statements however many it shows.
	 */
	public record SiteProjects(Map<Long, List<Project>> projects, Map<Long, List<Measure>> activeMeasures,
			Map<Long, MeasureChart> charts) {

		public List<Project> of(long siteId) {
			return projects.getOrDefault(siteId, List.of());
		}

		/** The active measures of a project whose measures were charted. */
		public List<Measure> active(long projectId) {
			return activeMeasures.getOrDefault(projectId, List.of());
		}

		public MeasureChart chart(Measure measure) {
			return charts.get(measure.id());
		}

	}

	/** The projects of the sites, and the active measures and charts of the projects {@code charted} accepts. */
	public SiteProjects siteProjects(Collection<ProgrammeSite> sites, Predicate<Project> charted, LocalDate today) {
		return siteProjects(sites,
				programme.projectsWithActiveMeasures(sites.stream().map(ProgrammeSite::id).toList()), charted, today);
	}

	private SiteProjects siteProjects(Collection<ProgrammeSite> sites,
			Map<Long, List<Programme.ProjectMeasures>> projectsBySite, Predicate<Project> charted, LocalDate today) {
		Map<Long, List<Project>> projects = new HashMap<>();
		Map<Long, List<Measure>> active = new HashMap<>();
		Map<Long, Long> siteOfProject = new HashMap<>();
		projectsBySite.forEach((siteId, projectMeasures) -> {
			projects.put(siteId, projectMeasures.stream().map(Programme.ProjectMeasures::project).toList());
			for (Programme.ProjectMeasures projectMeasure : projectMeasures) {
				if (charted.test(projectMeasure.project())) {
					active.put(projectMeasure.project().id(), projectMeasure.active());
					siteOfProject.put(projectMeasure.project().id(), siteId);
				}
			}
		});
		Map<Long, Set<String>> codes = programme.directorySiteCodes(sites);
		List<Measure> chartedMeasures = active.values().stream().flatMap(List::stream).toList();
		Map<Long, MeasureChart> measureCharts = charts.charts(chartedMeasures,
				m -> codes.get(siteOfProject.get(m.projectId())), today);
		return new SiteProjects(projects, active, measureCharts);
	}

	/** The sites still in the programme (by name) with their projects and every active measure's chart. */
	private record ActiveSites(List<ProgrammeSite> sites, SiteProjects read) {
	}

	private ActiveSites activeSites(LocalDate today) {
		List<Programme.SiteWithProjects> withProjects = programme.activeSitesWithProjects();
		List<ProgrammeSite> sites = withProjects.stream().map(Programme.SiteWithProjects::site).toList();
		Map<Long, List<Programme.ProjectMeasures>> projects = new HashMap<>();
		withProjects.forEach(s -> projects.put(s.site().id(), s.projects()));
		return new ActiveSites(sites, siteProjects(sites, projects, p -> true, today));
	}

	/**
	 * The overview's rows: each workstream with its cohorts (enrolled and places left in each of the Places) and the
	 * tallies of its measures by Place.
	 */
	List<WorkstreamRow> overview(List<PlaceSummary> places, LocalDate today) {
		Map<Workstream, List<Cohort>> workstreams = programme.workstreamsWithCohorts();
		ActiveSites active = activeSites(today);
		List<MeasureTally> tallies = tallies(places, workstreams.keySet(), active.sites(), active.read());
		Map<Long, Map<String, Integer>> counts = programme.enrolledCounts();
		List<WorkstreamRow> rows = new ArrayList<>();
		workstreams.forEach((workstream, cohorts) -> {
			List<CohortRow> cohortRows = new ArrayList<>();
			for (Cohort cohort : cohorts) {
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
		});
		return rows;
	}

	/** The tallies of every Place and workstream, over the sites still in the programme. */
	private List<MeasureTally> tallies(List<PlaceSummary> places, Collection<Workstream> workstreams,
			List<ProgrammeSite> sites, SiteProjects read) {
		Map<String, Map<String, int[]>> byPlace = new HashMap<>();
		for (ProgrammeSite site : sites) {
			Map<String, int[]> byWorkstream = byPlace.computeIfAbsent(site.placeCode(), k -> new HashMap<>());
			for (Project project : read.of(site.id())) {
				int[] tally = byWorkstream.computeIfAbsent(project.workstreamCode(), k -> new int[3]);
				for (Measure measure : read.active(project.id())) {
					Spc.PointType variation = read.chart(measure).variation();
					tally[0]++;
					tally[1] += variation == Spc.PointType.SPECIAL_CAUSE_IMPROVEMENT ? 1 : 0;
					tally[2] += variation == Spc.PointType.SPECIAL_CAUSE_CONCERN ? 1 : 0;
				}
			}
		}
		List<MeasureTally> tallies = new ArrayList<>();
		for (PlaceSummary place : places) {
			Map<String, int[]> byWorkstream = byPlace.getOrDefault(place.code(), Map.of());
			for (Workstream workstream : workstreams) {
				int[] tally = byWorkstream.getOrDefault(workstream.code(), new int[3]);
				tallies.add(new MeasureTally(place.code(), place.name(), workstream.code(), tally[0], tally[1], tally[2]));
			}
		}
		return tallies;
	}

	public static String period(Cohort cohort) {
		return MONTH.format(cohort.startsOn()) + " to " + MONTH.format(cohort.endsOn());
	}

	public static String status(Cohort cohort, LocalDate today, int capacityLeft) {
		String status = cohort.status(today);
		if (cohort.maxSitesPerPlace() == 0) {
			return status + ", enrols no sites";
		}
		if (cohort.finished(today)) {
			return status + ", closed to enrolment";
		}
		return capacityLeft == 0 ? status + ", full" : status;
	}

	public List<SiteRow> sites(@Nullable String placeCode, LocalDate today) {
		return siteRows(placeCode == null ? programme.sites() : programme.sitesIn(placeCode), today);
	}

	/**
	 * One site's row from what its page has already read (cohorts, workstreams, the site's enrolments and its Place's
	 * name), so the page reads each of them once.
	 */
	public SiteRow site(ProgrammeSite site, LocalDate today, List<Cohort> cohorts, List<Workstream> workstreams,
			List<Programme.EnrolmentRecord> enrolments, String placeName) {
		return siteRows(List.of(site), today, cohorts, workstreams, Map.of(site.id(), enrolments),
				Map.of(site.placeCode(), placeName))
			.get(0);
	}

	private List<SiteRow> siteRows(List<ProgrammeSite> sites, LocalDate today) {
		if (sites.isEmpty()) {
			return List.of();
		}
		return siteRows(sites, today, programme.cohorts(), programme.workstreams(),
				programme.enrolments(sites.stream().map(ProgrammeSite::id).toList()), new HashMap<>());
	}

	private List<SiteRow> siteRows(List<ProgrammeSite> sites, LocalDate today, List<Cohort> cohortList,
			List<Workstream> workstreamList, Map<Long, List<Programme.EnrolmentRecord>> enrolments,
			Map<String, String> placeNames) {
		Map<Long, Cohort> cohorts = cohortList.stream().collect(Collectors.toMap(Cohort::id, c -> c));
		Map<String, Workstream> workstreams = workstreamList.stream()
			.collect(Collectors.toMap(Workstream::code, w -> w));
		SiteProjects read = siteProjects(sites, p -> true, today);
		Map<Long, String> footprints = footprints(sites);
		Map<String, String> names = new HashMap<>(placeNames);
		List<SiteRow> rows = new ArrayList<>();
		for (ProgrammeSite site : sites) {
			rows.add(siteRow(site, enrolments.getOrDefault(site.id(), List.of()), read, footprints.get(site.id()),
					names.computeIfAbsent(site.placeCode(), programme::placeName), cohorts, workstreams, today));
		}
		return rows;
	}

	private SiteRow siteRow(ProgrammeSite site, List<Programme.EnrolmentRecord> siteEnrolments, SiteProjects read,
			String footprint, String placeName, Map<Long, Cohort> cohorts, Map<String, Workstream> workstreams,
			LocalDate today) {
		List<EnrolmentRow> enrolments = new ArrayList<>();
		for (Programme.EnrolmentRecord record : siteEnrolments) {
			Cohort cohort = cohorts.get(record.cohortId());
			String ended = record.active() ? null
					: record.status().label() + " on " + day(record.endedOn()) + " by " + record.endedBy() + ": "
							+ record.endedReason();
			enrolments.add(new EnrolmentRow(record.id(), cohort.workstreamCode(),
					workstreams.get(cohort.workstreamCode()).name(), cohort.name(), period(cohort),
					record.active() ? cohort.status(today) : record.status().label(), DAY.format(record.enrolledOn()),
					record.enrolledBy(), record.active(), ended, record.version()));
		}
		List<ProjectSummary> projects = read.of(site.id())
			.stream()
			.sorted(Comparator.comparing(p -> workstreams.get(p.workstreamCode()).displayOrder()))
			.map(project -> projectSummary(project, workstreams.get(project.workstreamCode()), read))
			.toList();
		String retired = site.retired()
				? "Left the programme on " + day(site.retiredOn()) + " (" + site.retiredReason() + ")" : null;
		return new SiteRow(site.id(), site.name(), site.placeCode(), placeName, footprint, enrolments, projects, retired);
	}

	private ProjectSummary projectSummary(Project project, Workstream workstream, SiteProjects read) {
		List<MeasureStatus> statuses = new ArrayList<>();
		for (Measure measure : read.active(project.id())) {
			statuses.add(status(read.chart(measure)));
		}
		return new ProjectSummary(project.id(), workstream.code(), workstream.name(), score(project.progressScore()),
				aim(project), statuses);
	}

	/** The footprint as people read it: each neighbourhood site or PCN by name, with its code. */
	String footprint(ProgrammeSite site) {
		return footprints(List.of(site)).get(site.id());
	}

	/** The footprints of some sites, by site id, reading the directory's sites and PCNs once (where any is named). */
	public Map<Long, String> footprints(Collection<ProgrammeSite> sites) {
		List<ProgrammeSite.FootprintCode> codes = sites.stream().flatMap(s -> s.footprint().stream()).toList();
		Map<String, String> siteNames = codes.stream().anyMatch(c -> c.kind() == ProgrammeSite.FootprintKind.SITE)
				? directory.sites().stream().collect(Collectors.toMap(SiteSummary::code, SiteSummary::name))
				: Map.of();
		Map<String, String> pcnNames = codes.stream().anyMatch(c -> c.kind() == ProgrammeSite.FootprintKind.PCN)
				? directory.pcns().stream().collect(Collectors.toMap(PcnSummary::odsCode, PcnSummary::name))
				: Map.of();
		Map<Long, String> footprints = new HashMap<>();
		for (ProgrammeSite site : sites) {
			footprints.put(site.id(), site.footprint().stream().map(code -> {
				String name = (code.kind() == ProgrammeSite.FootprintKind.SITE ? siteNames : pcnNames).get(code.code());
				return name == null ? code.code() : name + " (" + code.code() + ")";
			}).sorted().collect(Collectors.joining(", ")));
		}
		return footprints;
	}

	/** A measure's icons as every summary shows them: those of its chart. */
	public MeasureStatus status(MeasureChart chart) {
		return new MeasureStatus(chart.measure().id(), chart.measure().name(), chart.variation(), chart.assurance(),
				chart.variationLetter());
	}

	public static String aim(Project project) {
		return project.aimWhat().isBlank() ? "No aim recorded yet"
				: project.aimWhat() + (project.aimHowMuch().isBlank() ? "" : ", " + project.aimHowMuch())
						+ (project.aimByWhen() == null ? "" : ", by " + DAY.format(project.aimByWhen()));
	}

	public static @Nullable String score(@Nullable BigDecimal score) {
		return score == null ? null : score.setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	List<PlaceSummaryRow> icb(LocalDate today) {
		List<PlaceSummary> places = directory.places();
		ActiveSites active = activeSites(today);
		List<ProgrammeSite> sites = active.sites();
		SiteProjects read = active.read();
		List<MeasureTally> tallies = tallies(places, programme.workstreams(), sites, read);
		List<PlaceSummaryRow> rows = new ArrayList<>();
		Map<Long, Cohort> cohorts = programme.cohorts().stream().collect(Collectors.toMap(Cohort::id, c -> c));
		List<Programme.EnrolmentRecord> allEnrolments = programme.allEnrolments();
		for (PlaceSummary place : places) {
			Map<String, Integer> enrolled = new HashMap<>();
			for (Programme.EnrolmentRecord record : allEnrolments) {
				if (record.placeCode().equals(place.code()) && record.active()) {
					enrolled.merge(cohorts.get(record.cohortId()).workstreamCode(), 1, Integer::sum);
				}
			}
			BigDecimal sum = BigDecimal.ZERO;
			int scored = 0;
			int siteCount = 0;
			for (ProgrammeSite site : sites) {
				if (!site.placeCode().equals(place.code())) {
					continue;
				}
				siteCount++;
				for (Project project : read.of(site.id())) {
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
			rows.add(new PlaceSummaryRow(place.code(), place.name(), siteCount, enrolled, mean, improving, concerning,
					measureCount));
		}
		return rows;
	}

}
