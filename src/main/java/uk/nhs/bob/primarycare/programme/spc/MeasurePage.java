package uk.nhs.bob.primarycare.programme.spc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.programme.ChangeLog;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;
import uk.nhs.bob.primarycare.programme.improvement.Improvement;

/**
 * The read model of a measure's page: its chart (from {@link Charts}), the weekly values with where each came from,
 * its n and how it is judged, the rebases with their reasons, and the measure's history.
 */
@Component
@Transactional(readOnly = true)
class MeasurePage {

	public record ValueRow(String weekCommencing, String isoWeek, String value, @Nullable String n, String source,
			String variation, boolean rebase, @Nullable String rebaseReason, String mondayIso, @Nullable Long version) {
	}

	private final Measures measures;

	private final Charts charts;

	private final Improvement improvement;

	private final ChangeLog changes;

	MeasurePage(Measures measures, Charts charts, Improvement improvement, ChangeLog changes) {
		this.measures = measures;
		this.charts = charts;
		this.improvement = improvement;
		this.changes = changes;
	}

	void fill(Measure measure, Model model) {
		MeasureChart chart = charts.chart(measure);
		Map<LocalDate, Measures.HandValue> hand = new HashMap<>();
		measures.handValues(measure.id()).forEach(v -> hand.put(v.weekStarting(), v));
		List<ValueRow> rows = new ArrayList<>();
		for (MeasureChart.Week week : chart.weeks()) {
			String variation = week.notJudged() == MeasureChart.NotJudged.LOW_N
					? "Not judged: n below the minimum of " + measure.minimumN()
					: week.notJudged() != null ? week.notJudged().label() : week.spc().pointType().label();
			String rebaseReason = !week.rebaseHere() ? null
					: chart.rebases()
						.stream()
						.filter(r -> !r.weekStarting().isAfter(week.weekStarting()))
						.reduce((a, b) -> b)
						.map(r -> r.reason() + " (" + r.createdBy() + ")")
						.orElse(null);
			Measures.HandValue handValue = week.fed() ? null : hand.get(week.weekStarting());
			rows.add(new ValueRow(ProgrammeViews.day(week.weekStarting()), IsoWeek.of(week.weekStarting()).label(),
					SpcChart.number(week.value()), SpcChart.nLabel(week),
					week.fed() ? "Fed from events"
							: "Entered by hand by " + (handValue == null ? "" : handValue.enteredBy()),
					variation, week.rebaseHere(), rebaseReason, week.weekStarting().toString(),
					handValue == null ? null : handValue.version()));
		}
		model.addAttribute("chart", SpcChart.of(chart, improvement.cycles(measure.projectId())));
		model.addAttribute("rows", rows);
		model.addAttribute("rebases", chart.rebases());
		model.addAttribute("measure", measure);
		model.addAttribute("retiredText", measure.retired() ? "Retired on " + ProgrammeViews.day(measure.retiredOn())
				+ " by " + measure.retiredBy() + ": " + measure.retiredReason() : null);
		model.addAttribute("history", changes.forMeasure(measure.id()));
	}

}
