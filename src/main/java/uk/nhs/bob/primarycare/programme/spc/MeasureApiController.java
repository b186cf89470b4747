package uk.nhs.bob.primarycare.programme.spc;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.nhs.bob.primarycare.shared.IsoWeek;

/**
 * {@code GET /api/v1/programme/measures/{id}}: a measure's chart as JSON, from {@link Charts} like every page, so a
 * board report or another tool reads the same series, n, judging, rebases and icons. Aggregate figures only.
 */
@RestController
class MeasureApiController {

	record WeekJson(String weekCommencing, String isoWeek, double value, String source, @Nullable Long numerator,
			@Nullable Long n, boolean judged, @Nullable String notJudged, @Nullable Double mean,
			@Nullable Double lowerProcessLimit, @Nullable Double upperProcessLimit, @Nullable String pointType,
			boolean limitsRecalculatedFromHere) {
	}

	record RebaseJson(String weekCommencing, String reason, String by) {
	}

	record MeasureJson(long id, long projectId, String name, String unit, String improvementDirection,
			@Nullable Double target, @Nullable String feed, @Nullable String feedFrom, int minimumN, boolean retired,
			List<WeekJson> weeks, List<RebaseJson> rebases, @Nullable String variation, @Nullable String assurance) {
	}

	private final Measures measures;

	private final Charts charts;

	MeasureApiController(Measures measures, Charts charts) {
		this.measures = measures;
		this.charts = charts;
	}

	@GetMapping("/api/v1/programme/measures/{measureId}")
	MeasureJson measure(@PathVariable long measureId) {
		Measure measure = measures.find(measureId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		MeasureChart chart = charts.chart(measure);
		List<WeekJson> weeks = chart.weeks()
			.stream()
			.map(w -> new WeekJson(w.weekStarting().toString(), IsoWeek.of(w.weekStarting()).label(), w.value(),
					w.fed() ? "feed" : "hand", w.numerator(), w.n(), w.judged(),
					w.notJudged() == null ? null : w.notJudged().name().toLowerCase(java.util.Locale.ROOT),
					w.spc() == null ? null : w.spc().mean(), chart.lower(w), chart.upper(w),
					w.spc() == null ? null : w.spc().pointType().code(), w.rebaseHere()))
			.toList();
		return new MeasureJson(measure.id(), measure.projectId(), measure.name(), measure.unit(),
				measure.direction().code(), measure.target() == null ? null : measure.target().doubleValue(),
				measure.feed() == null ? null : measure.feed().name(),
				measure.feedFrom() == null ? null : measure.feedFrom().toString(), measure.minimumN(),
				measure.retired(), weeks,
				chart.rebases()
					.stream()
					.map(r -> new RebaseJson(r.weekStarting().toString(), r.reason(), r.createdBy()))
					.toList(),
				chart.variation() == null ? null : chart.variation().code(),
				chart.assurance() == null ? null : chart.assurance().code());
	}

}
