package uk.nhs.bob.primarycare.programme;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures of some projects as CSV: one row per measure and week with its value, source, mean, limits and point
 * type. Aggregate figures only. Cells are quoted, and text that a spreadsheet would run as a formula is defused.
 */
@Component
@Transactional(readOnly = true)
class MeasuresCsv {

	static final String HEADER = "place,site,workstream,measure,kind,unit,improvement_direction,target,iso_week,"
			+ "week_starting,value,source,mean,lower_process_limit,upper_process_limit,point_type\r\n";

	private final Programme programme;

	MeasuresCsv(Programme programme) {
		this.programme = programme;
	}

	String of(Collection<Project> projects) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (Project project : projects) {
			ProgrammeSite site = programme.site(project.siteId()).orElseThrow();
			Workstream workstream = programme.workstream(project.workstreamCode()).orElseThrow();
			Set<String> codes = programme.directorySiteCodes(site);
			List<PdsaCycle> cycles = programme.cycles(project.id());
			for (Measure measure : programme.measures(project.id())) {
				List<Programme.WeekValue> values = programme.values(measure, codes);
				SpcChart chart = SpcChart.of(measure, values, programme.rebaseWeeks(measure.id()), cycles);
				for (int i = 0; i < values.size(); i++) {
					SpcChart.ChartPoint point = chart.points().get(i);
					csv.append(String.join(",", cell(programme.placeName(site.placeCode())), cell(site.name()),
							cell(workstream.name()), cell(measure.name()), measure.kind().name(), cell(measure.unit()),
							measure.direction().code(),
							measure.target() == null ? "" : measure.target().stripTrailingZeros().toPlainString(),
							point.week(), values.get(i).weekStarting().toString(),
							// to 2 places, as the mean and limits: a fed percentage of 1 in 3 is 33.33, not 17 digits
							java.math.BigDecimal.valueOf(values.get(i).value())
								.setScale(2, java.math.RoundingMode.HALF_UP)
								.stripTrailingZeros()
								.toPlainString(),
							values.get(i).fed() ? "feed" : "hand",
							blankIfNull(point.mean()), blankIfNull(point.lower()), blankIfNull(point.upper()),
							point.pointType()))
						.append("\r\n");
				}
			}
		}
		return csv.toString();
	}

	static ResponseEntity<byte[]> response(String csv, String name) {
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
	static String cell(String value) {
		String safe = value.matches("(?s)^[=+\\-@\\t\\r].*") ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
