package uk.nhs.bob.primarycare.cvd;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.population.Ethnicity;

/**
 * The CVD prevention dashboard's read model: CVDPREVENT-style indicators per Place, PCN or practice, split by national
 * IMD quintile and ethnic group, laid out for the SVG charts, the quarterly trend, and the impact estimate with every
 * assumption shown. Aggregate counts only: no one is identifiable. A filter that cannot be used is said, never
 * silently dropped.
 */
@Service
class DashboardPages {

	private final Dashboard dashboard;

	private final Directory directory;

	private final IndicatorSnapshots snapshots;

	DashboardPages(Dashboard dashboard, Directory directory, IndicatorSnapshots snapshots) {
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

	/** The filters and uptakes as typed in the address. */
	record Query(@Nullable String level, @Nullable String indicator, @Nullable String area,
			@Nullable String impactPlace, Map<String, String> params) {
	}

	/** The dashboard's model attributes for the filters and uptakes typed. */
	Map<String, Object> page(Query query) {
		Model model = new ExtendedModelMap();
		String level = "pcn".equals(query.level()) || "practice".equals(query.level()) ? query.level() : "place";
		Dashboard.Indicator indicator = Arrays.stream(Dashboard.Indicator.values())
			.filter(i -> i.name().equals(query.indicator()))
			.findFirst()
			.orElse(Dashboard.Indicator.TREATED_TO_TARGET);
		Map<String, String> areaLabels = areaLabels(level);
		String area = query.area() != null && areaLabels.containsKey(query.area()) ? query.area() : null;
		model.addAttribute("filterMessages", filterMessages(query, level, indicator, area));
		model.addAttribute("level", level);
		model.addAttribute("indicator", indicator);
		model.addAttribute("indicators", Dashboard.Indicator.values());
		model.addAttribute("areas", dashboard.counts("r." + level + "_code", null, null, areaLabels));
		model.addAttribute("areaOptions", areaLabels);
		model.addAttribute("area", area == null ? "" : area);
		model.addAttribute("areaName", area == null ? "BOB" : areaLabels.get(area));
		model.addAttribute("levels", Map.of("place", "Place", "pcn", "PCN", "practice", "Practice"));
		breakdowns(level, area, area == null ? "BOB" : areaLabels.get(area), indicator, model);
		trend(level, area, indicator, model);
		impact(query.impactPlace(), query.params(), model);
		return model.asMap();
	}

	/** A message for each filter that cannot be used: it is said, never silently dropped. */
	private static List<String> filterMessages(Query query, String level, Dashboard.Indicator indicator,
			@Nullable String area) {
		List<String> messages = new ArrayList<>();
		if (query.level() != null && !query.level().isBlank() && !query.level().equals(level)) {
			messages.add("'" + query.level() + "' is not a level (Place, PCN or practice): showing Places.");
		}
		if (query.indicator() != null && !query.indicator().isBlank() && !query.indicator().equals(indicator.name())) {
			messages.add("'" + query.indicator() + "' is not an indicator: showing " + indicator.title() + ".");
		}
		if (query.area() != null && !query.area().isBlank() && area == null) {
			messages.add("There is no " + level.replace("place", "Place").replace("pcn", "PCN") + " '" + query.area()
					+ "': showing all of BOB.");
		}
		return messages;
	}

	/** The chosen area (or BOB) in total, by IMD quintile and by ethnic group, with the bars of their charts. */
	private void breakdowns(String level, @Nullable String area, String areaName, Dashboard.Indicator indicator,
			Model model) {
		String column = area == null ? null : level + "_code";
		List<Dashboard.Counts> byQuintile = dashboard.counts("(r.imd_decile + 1) / 2", column, area,
				Dashboard.quintileLabels());
		Map<String, String> ethnicLabels = new LinkedHashMap<>();
		for (Ethnicity.QriskEthnicity group : Ethnicity.QriskEthnicity.values()) {
			ethnicLabels.put(String.valueOf(group.number()), group.label());
		}
		List<Dashboard.Counts> byEthnicity = dashboard.counts("r.qrisk_ethnicity", column, area, ethnicLabels);
		List<Dashboard.Counts> total = dashboard.counts("'all'", column, area, Map.of("all", areaName));
		model.addAttribute("total", total.isEmpty() ? null : total.get(0));
		model.addAttribute("byQuintile", byQuintile);
		model.addAttribute("byEthnicity", byEthnicity);
		model.addAttribute("quintileBars", bars(byQuintile, indicator));
		model.addAttribute("ethnicityBars", bars(byEthnicity, indicator));
		model.addAttribute("quintileHeight", byQuintile.size() * 28 + 8);
		model.addAttribute("ethnicityHeight", byEthnicity.size() * 28 + 8);
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
			bars.add(new Bar(c.label(), percent == null ? "too few to show" : String.format(Locale.UK, "%.1f%%", percent), y,
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
		DateTimeFormatter quarter = DateTimeFormatter.ofPattern("MMM yyyy",
				Locale.UK);
		for (int i = 0; i < points.size(); i++) {
			IndicatorSnapshots.Point point = points.get(i);
			double x = 40 + i * (560.0 / Math.max(1, IndicatorSnapshots.QUARTERS - 1));
			String label = quarter.format(point.quarterEnd());
			if (point.percent() != null) {
				line.add(new ChartPoint(x, 190 - point.percent() * 1.8, label,
						String.format(Locale.UK, "%.1f%%", point.percent()), point.backfilled()));
			}
			if (point.median() != null) {
				median.add(new ChartPoint(x, 190 - point.median() * 1.8, label,
						String.format(Locale.UK, "%.1f%%", point.median()), point.backfilled()));
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
			out.append(String.format(Locale.UK, "%.1f,%.1f ", p.x(), p.y()));
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
		Map<String, String> typed = new LinkedHashMap<>();
		Map<ImpactScenario.Intervention, Integer> uptake = uptake(params, typed, messages);
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
		model.addAttribute("assumptions", ImpactAssumptions.of(in, result, bobPeople, chosenPlace));
	}

	/** The uptake typed for each intervention that is a whole percentage; what was typed (or the default) kept. */
	private static Map<ImpactScenario.Intervention, Integer> uptake(Map<String, String> params,
			Map<String, String> typed, List<String> messages) {
		Map<ImpactScenario.Intervention, Integer> uptake = new EnumMap<>(ImpactScenario.Intervention.class);
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
		return uptake;
	}

	static String uptakeField(ImpactScenario.Intervention intervention) {
		return "uptake-" + intervention.name().toLowerCase(Locale.UK).replace('_', '-');
	}

}
