package uk.nhs.bob.primarycare.programme.spc;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.cohorts.Workstream;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;

/**
 * The measures of some projects as CSV, read from {@link Charts} like every other view: one row per measure and week
 * with its value, source, n, whether it is judged, mean, limits and point type. Aggregate figures only. Cells are quoted, and text that a spreadsheet would run as a formula is defused.
 */
@Component
@Transactional(readOnly = true)
public class MeasuresCsv {

	static final String HEADER = "place,site,workstream,measure,kind,unit,improvement_direction,target,iso_week,"
			+ "week_starting,value,source,numerator,n,judged,mean,lower_process_limit,upper_process_limit,point_type,"
			+ "limits_recalculated_from_here,measure_retired\r\n";

	private final Programme programme;

	private final Measures measures;

	private final Charts charts;

	private final ProgrammeCalendar calendar;

	MeasuresCsv(Programme programme, Measures measures, Charts charts, ProgrammeCalendar calendar) {
		this.programme = programme;
		this.measures = measures;
		this.charts = charts;
		this.calendar = calendar;
	}

	/** The measures of every site of a Place. */
	public String ofPlace(String placeCode) {
		java.util.Set<Long> sites = new java.util.HashSet<>();
		programme.sitesIn(placeCode).forEach(s -> sites.add(s.id()));
		return of(programme.allProjects().stream().filter(p -> sites.contains(p.siteId())).toList());
	}

	/** The measures of the projects, their sites, workstreams and charts read once for them all. */
	public String of(Collection<Project> projects) {
		Map<Long, ProgrammeSite> sites = new HashMap<>();
		programme.sites(projects.stream().map(Project::siteId).collect(Collectors.toSet()))
			.forEach(s -> sites.put(s.id(), s));
		Map<String, Workstream> workstreams = new HashMap<>();
		programme.workstreams().forEach(w -> workstreams.put(w.code(), w));
		Map<Long, List<Measure>> byProject = measures.of(projects.stream().map(Project::id).toList());
		Map<Long, Long> siteOfProject = new HashMap<>();
		projects.forEach(p -> siteOfProject.put(p.id(), p.siteId()));
		Map<Long, Set<String>> codes = programme.directorySiteCodes(sites.values());
		Map<Long, MeasureChart> measureCharts = charts.charts(
				byProject.values().stream().flatMap(List::stream).toList(),
				m -> codes.get(siteOfProject.get(m.projectId())), calendar.today());
		Map<String, String> placeNames = new HashMap<>();
		StringBuilder csv = new StringBuilder(HEADER);
		for (Project project : projects) {
			ProgrammeSite site = sites.get(project.siteId());
			Workstream workstream = workstreams.get(project.workstreamCode());
			String placeName = placeNames.computeIfAbsent(site.placeCode(), programme::placeName);
			for (Measure measure : byProject.getOrDefault(project.id(), List.of())) {
				MeasureChart chart = measureCharts.get(measure.id());
				for (MeasureChart.Week week : chart.weeks()) {
					Spc.Point point = week.spc();
					csv.append(String.join(",", cell(placeName), cell(site.name()),
							cell(workstream.name()), cell(measure.name()), measure.kind().name(), cell(measure.unit()),
							measure.direction().code(),
							measure.target() == null ? "" : measure.target().stripTrailingZeros().toPlainString(),
							IsoWeek.of(week.weekStarting()).label(), week.weekStarting().toString(),
							// to 2 places as the mean and limits (a fed 5 of 15 is 33.33, not 17 digits; numerator and
							// n follow for the exact figure)
							blankIfNull(SpcChart.number(week.value())), week.fed() ? "feed" : "hand",
							week.numerator() == null ? "" : String.valueOf(week.numerator()),
							week.n() == null ? "" : String.valueOf(week.n()),
							week.judged() ? "yes" : week.notJudged() == MeasureChart.NotJudged.CURRENT_WEEK
									? "no: week not over" : "no: n below minimum",
							point == null ? "" : blankIfNull(SpcChart.number(point.mean())),
							blankIfNull(SpcChart.number(chart.lower(week))),
							blankIfNull(SpcChart.number(chart.upper(week))),
							point == null ? "not_judged" : point.pointType().code(), week.rebaseHere() ? "yes" : "",
							measure.retired() ? "yes" : ""))
						.append("\r\n");
				}
			}
		}
		return csv.toString();
	}

	public static ResponseEntity<byte[]> response(String csv, String name) {
		String filename = (name + ".csv").replaceAll("[^A-Za-z0-9.-]+", "-");
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	private static String blankIfNull(@org.jspecify.annotations.Nullable String value) {
		return value == null ? "" : value;
	}

	/** Quotes a CSV cell, and prefixes text a spreadsheet would run as a formula. */
	public static String cell(String value) {
		String safe = value.matches("(?s)^[=+\\-@\\t\\r].*") ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
