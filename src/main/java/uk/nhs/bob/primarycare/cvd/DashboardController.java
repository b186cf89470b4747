package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.population.Ethnicity;

/**
 * The CVD prevention dashboard (all staff roles): CVDPREVENT-style indicators per Place, PCN or practice, split by
 * national IMD quintile and ethnic group, with SVG charts, and the impact estimate with every assumption shown.
 * Aggregate counts only: no one is identifiable.
 */
@Controller
class DashboardController {

	static final String VIEW = "cvd/dashboard";

	private final Dashboard dashboard;

	private final Directory directory;

	private final IndicatorSnapshots snapshots;

	DashboardController(Dashboard dashboard, Directory directory, IndicatorSnapshots snapshots) {
		this.dashboard = dashboard;
		this.directory = directory;
		this.snapshots = snapshots;
	}

	/** A point of the trend chart in chart units (the area's value, or the median of its level). */
	record ChartPoint(double x, double y, String quarter, String text, boolean backfilled) {
	}

	/** A bar of a chart, laid out for the SVG (x and width in chart units). */
	record Bar(String label, String text, int y, double width, boolean shown) {
	}

	/** One assumption of the impact estimate, its value and where it comes from. */
	record Assumption(String name, String value, String source, boolean projectOwn) {
	}

	@GetMapping("/cvd/dashboard")
	String dashboard(@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String indicator,
			@RequestParam(required = false) @Nullable String area,
			@RequestParam(name = "impactPlace", required = false) @Nullable String impactPlace,
			@RequestParam Map<String, String> params, Model model) {
		String chosenLevel = "pcn".equals(level) || "practice".equals(level) ? level : "place";
		Dashboard.Indicator chosen = Arrays.stream(Dashboard.Indicator.values())
			.filter(i -> i.name().equals(indicator))
			.findFirst()
			.orElse(Dashboard.Indicator.TREATED_TO_TARGET);
		String column = chosenLevel + "_code";
		Map<String, String> areaLabels = areaLabels(chosenLevel);
		List<Dashboard.Counts> areas = dashboard.counts("r." + column, null, null, areaLabels);
		String chosenArea = area != null && areaLabels.containsKey(area) ? area : null;
		// a filter that cannot be used is said, never silently dropped
		List<String> filterMessages = new ArrayList<>();
		if (level != null && !level.isBlank() && !level.equals(chosenLevel)) {
			filterMessages.add("'" + level + "' is not a level (Place, PCN or practice): showing Places.");
		}
		if (indicator != null && !indicator.isBlank() && !indicator.equals(chosen.name())) {
			filterMessages.add("'" + indicator + "' is not an indicator: showing " + chosen.title() + ".");
		}
		if (area != null && !area.isBlank() && chosenArea == null) {
			filterMessages.add("There is no " + chosenLevel.replace("place", "Place").replace("pcn", "PCN") + " '" + area
					+ "': showing all of BOB.");
		}
		model.addAttribute("filterMessages", filterMessages);

		List<Dashboard.Counts> byQuintile = dashboard.counts("(r.imd_decile + 1) / 2", chosenArea == null ? null : column,
				chosenArea, Dashboard.quintileLabels());
		Map<String, String> ethnicLabels = new LinkedHashMap<>();
		for (Ethnicity.QriskEthnicity group : Ethnicity.QriskEthnicity.values()) {
			ethnicLabels.put(String.valueOf(group.number()), group.label());
		}
		List<Dashboard.Counts> byEthnicity = dashboard.counts("r.qrisk_ethnicity", chosenArea == null ? null : column,
				chosenArea, ethnicLabels);
		List<Dashboard.Counts> total = dashboard.counts("'all'", chosenArea == null ? null : column, chosenArea,
				Map.of("all", chosenArea == null ? "BOB" : areaLabels.get(chosenArea)));

		model.addAttribute("level", chosenLevel);
		model.addAttribute("indicator", chosen);
		model.addAttribute("indicators", Dashboard.Indicator.values());
		model.addAttribute("areas", areas);
		model.addAttribute("areaOptions", areaLabels);
		model.addAttribute("area", chosenArea == null ? "" : chosenArea);
		model.addAttribute("areaName", chosenArea == null ? "BOB" : areaLabels.get(chosenArea));
		model.addAttribute("total", total.isEmpty() ? null : total.get(0));
		model.addAttribute("byQuintile", byQuintile);
		model.addAttribute("byEthnicity", byEthnicity);
		model.addAttribute("quintileBars", bars(byQuintile, chosen));
		model.addAttribute("ethnicityBars", bars(byEthnicity, chosen));
		model.addAttribute("quintileHeight", byQuintile.size() * 28 + 8);
		model.addAttribute("ethnicityHeight", byEthnicity.size() * 28 + 8);
		model.addAttribute("levels", Map.of("place", "Place", "pcn", "PCN", "practice", "Practice"));
		trend(chosenLevel, chosenArea, chosen, model);
		impact(impactPlace, params, model);
		return VIEW;
	}

	private Map<String, String> areaLabels(String level) {
		Map<String, String> labels = new LinkedHashMap<>();
		switch (level) {
			case "pcn" -> directory.pcns().forEach(p -> labels.put(p.odsCode(), p.name() + " (" + p.placeName() + ")"));
			case "practice" -> directory.practices()
				.forEach(p -> labels.put(p.odsCode().value(), p.name() + " (" + p.pcnName() + ")"));
			default -> directory.places().forEach(p -> labels.put(p.code(), p.name()));
		}
		return labels;
	}

	static List<Bar> bars(List<Dashboard.Counts> counts, Dashboard.Indicator indicator) {
		List<Bar> bars = new ArrayList<>();
		int y = 4;
		for (Dashboard.Counts c : counts) {
			Double percent = c.percent(indicator);
			bars.add(new Bar(c.label(), percent == null ? "too few to show" : String.format(java.util.Locale.UK, "%.1f%%", percent), y,
					percent == null ? 0 : Math.max(0.5, percent * 3.2), percent != null));
			y += 28;
		}
		return bars;
	}

	/** The chosen indicator per quarter for the chosen area (or BOB), with the median of its level's areas. */
	private void trend(String level, @Nullable String area, Dashboard.Indicator indicator, Model model) {
		List<IndicatorSnapshots.Point> points = snapshots.trend(level, area, indicator);
		List<ChartPoint> line = new ArrayList<>();
		List<ChartPoint> median = new ArrayList<>();
		java.time.format.DateTimeFormatter quarter = java.time.format.DateTimeFormatter.ofPattern("MMM yyyy",
				java.util.Locale.UK);
		for (int i = 0; i < points.size(); i++) {
			IndicatorSnapshots.Point point = points.get(i);
			double x = 40 + i * (560.0 / Math.max(1, IndicatorSnapshots.QUARTERS - 1));
			String label = quarter.format(point.quarterEnd());
			if (point.percent() != null) {
				line.add(new ChartPoint(x, 190 - point.percent() * 1.8, label,
						String.format(java.util.Locale.UK, "%.1f%%", point.percent()), point.backfilled()));
			}
			if (point.median() != null) {
				median.add(new ChartPoint(x, 190 - point.median() * 1.8, label,
						String.format(java.util.Locale.UK, "%.1f%%", point.median()), point.backfilled()));
			}
		}
		List<ChartPoint> labels = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			labels.add(new ChartPoint(40 + i * (560.0 / Math.max(1, IndicatorSnapshots.QUARTERS - 1)), 205,
					quarter.format(points.get(i).quarterEnd()), "", points.get(i).backfilled()));
		}
		model.addAttribute("trendLabels", labels);
		model.addAttribute("backfill", snapshots.backfill().orElse(null));
		model.addAttribute("trend", points);
		model.addAttribute("trendLine", line);
		model.addAttribute("trendMedian", median);
		model.addAttribute("trendLinePoints", polyline(line));
		model.addAttribute("trendMedianPoints", polyline(median));
	}

	private static String polyline(List<ChartPoint> points) {
		StringBuilder out = new StringBuilder();
		for (ChartPoint p : points) {
			out.append(String.format(java.util.Locale.UK, "%.1f,%.1f ", p.x(), p.y()));
		}
		return out.toString().trim();
	}

	/**
	 * The impact scenario for BOB or one Place with the uptake typed for each intervention (a whole percentage from
	 * 0 to 100; anything else is answered with a message and the default used, what was typed kept in the field).
	 */
	private void impact(@Nullable String place, Map<String, String> params, Model model) {
		Map<String, String> placeLabels = areaLabels("place");
		List<String> messages = new ArrayList<>();
		String chosenPlace = null;
		if (place != null && !place.isBlank()) {
			if (placeLabels.containsKey(place)) {
				chosenPlace = place;
			}
			else {
				messages.add("There is no Place '" + place + "': showing all of BOB.");
			}
		}
		Map<ImpactScenario.Intervention, Integer> uptake = new EnumMap<>(ImpactScenario.Intervention.class);
		Map<String, String> typed = new LinkedHashMap<>();
		for (ImpactScenario.Intervention intervention : ImpactScenario.Intervention.values()) {
			String field = uptakeField(intervention);
			String value = params.get(field);
			if (value == null || value.isBlank()) {
				typed.put(field, String.valueOf(intervention.defaultUptake()));
				continue;
			}
			typed.put(field, value);
			if (value.trim().matches("\\d{1,3}") && Integer.parseInt(value.trim()) <= 100) {
				uptake.put(intervention, Integer.parseInt(value.trim()));
			}
			else {
				messages.add("Uptake for " + intervention.label() + " must be a whole percentage from 0 to 100: "
						+ "using the default " + intervention.defaultUptake() + "%.");
			}
		}
		ImpactScenario.Inputs bob = dashboard.impactInputs(null);
		long bobPeople = bob.people();
		ImpactScenario.Inputs in = chosenPlace == null ? bob : dashboard.impactInputs(chosenPlace);
		ImpactScenario.Result result = ImpactScenario.estimate(in, bobPeople, uptake);
		model.addAttribute("impact", result);
		model.addAttribute("impactInputs", in);
		model.addAttribute("impactPlace", chosenPlace == null ? "" : chosenPlace);
		model.addAttribute("impactPlaceName", chosenPlace == null ? "BOB" : placeLabels.get(chosenPlace));
		model.addAttribute("impactPlaces", placeLabels);
		model.addAttribute("impactTyped", typed);
		model.addAttribute("impactMessages", messages);
		Map<String, String> fields = new LinkedHashMap<>();
		for (ImpactScenario.Intervention intervention : ImpactScenario.Intervention.values()) {
			fields.put(uptakeField(intervention), intervention.label());
		}
		model.addAttribute("uptakeFields", fields);
		model.addAttribute("targetSource", ImpactScenario.TARGET_SOURCE);
		model.addAttribute("targetHeartAttacks", ImpactScenario.TARGET_HEART_ATTACKS);
		model.addAttribute("targetStrokes", ImpactScenario.TARGET_STROKES);
		List<Assumption> assumptions = new ArrayList<>();
		assumptions.add(new Assumption("Expected events without treatment (people with a QRISK3 score)",
				"Each listed person's QRISK3 10-year risk (CHD, ischaemic stroke and TIA)",
				"QRISK3-2017 (Hippisley-Cox et al., BMJ 2017;357:j2099)", false));
		assumptions.add(new Assumption("Share of the 10-year risk falling in 4 years", "40% (4 of 10 years, evenly spread)",
				"Project's own assumption: QRISK3 gives a 10-year risk only", true));
		for (ImpactScenario.Intervention intervention : ImpactScenario.Intervention.values()) {
			assumptions.add(new Assumption("Relative reduction: " + intervention.label(),
					Math.round(intervention.relativeReduction() * 100) + "%", intervention.source(), false));
			assumptions.add(new Assumption("Default uptake: " + intervention.label(), intervention.defaultUptake() + "%",
					intervention.uptakeSource(), intervention.uptakeOwn()));
		}
		assumptions.add(new Assumption("10-year risk after CVD, no QRISK3 (CVD-LLT-CVD)",
				Math.round(ImpactScenario.SECONDARY_TEN_YEAR_RISK * 100) + "% for everyone on the list",
				"Project's own assumption, to be verified: QRISK3 is not used after CVD (NICE NG238)", true));
		assumptions.add(new Assumption("10-year risk in CKD 3-5, no QRISK3 (CVD-LLT-CKD)",
				Math.round(ImpactScenario.CKD_TEN_YEAR_RISK * 100) + "% for everyone on the list",
				"Project's own assumption, to be verified: QRISK3 is not used in CKD 3-5 (NICE NG238)", true));
		assumptions.add(new Assumption("Blood pressure lists without a QRISK3 score (aged 85 or over, not assessable, ...)",
				Math.round(ImpactScenario.BP_WITHOUT_SCORE_TEN_YEAR_RISK * 100) + "% each (" + in.bpWithoutScore()
						+ " people)",
				"Project's own assumption, to be verified: the treatment threshold of NICE NG238, never a person's score",
				true));
		assumptions.add(new Assumption("People on more than one list",
				"Counted once for each treatment (overstates a little)", "Project's own simplification", true));
		assumptions.add(new Assumption("Scaling to BOB",
				String.format(java.util.Locale.UK, "x %.1f (%,d people evaluated and alive, BOB about 1,950,000)",
						result.scale(), bobPeople),
				"BOB ICB serves about 1.9 to 2.0 million people (NHS England ICB population)", false));
		assumptions.add(new Assumption("Split of QRISK3's outcome",
				String.format(java.util.Locale.UK, "%.0f%% heart attacks, %.0f%% strokes, %.0f%% TIAs",
						ImpactScenario.SHARE_HEART_ATTACK * 100, ImpactScenario.SHARE_STROKE * 100,
						ImpactScenario.SHARE_TIA * 100),
				"Project's own assumption, to be verified against the QRISK3 derivation paper's incident events: "
						+ "QRISK3's outcome includes TIA, which the target does not count, so TIAs are shown apart",
				true));
		assumptions.add(new Assumption("Events of the groups without a QRISK3 score (after CVD, CKD 3-5, blood "
				+ "pressure lists without a score)",
				String.format(java.util.Locale.UK, "Heart attacks or strokes only (no TIA), %.0f%% heart attacks",
						100 * ImpactScenario.SHARE_HEART_ATTACK
								/ (ImpactScenario.SHARE_HEART_ATTACK + ImpactScenario.SHARE_STROKE)),
				"Project's own assumption: the trials behind their relative reductions (CTT 2010, SHARP 2011, "
						+ "Ettehad 2016) count major vascular events, not TIAs; split as QRISK3's outcome without TIA",
				true));
		assumptions.add(new Assumption("Target", ImpactScenario.TARGET_HEART_ATTACKS + " heart attacks and "
				+ ImpactScenario.TARGET_STROKES + " strokes avoided across BOB"
				+ (chosenPlace == null ? "" : "; a Place's share by its share of the population (project's own)"),
				ImpactScenario.TARGET_SOURCE, false));
		model.addAttribute("assumptions", assumptions);
	}

	static String uptakeField(ImpactScenario.Intervention intervention) {
		return "uptake-" + intervention.name().toLowerCase(java.util.Locale.UK).replace('_', '-');
	}

}
