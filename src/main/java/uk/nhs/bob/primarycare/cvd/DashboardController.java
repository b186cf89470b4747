package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.Arrays;
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

	/** BOB serves about 1.9 to 2.0 million people (DOMAIN.md 0): the midpoint scales the demo population up. */
	static final double BOB_POPULATION = 1_950_000;

	static final int TARGET_HEART_ATTACKS = 797;

	static final int TARGET_STROKES = 290;

	static final double FOUR_YEAR_SHARE = 0.4;

	static final double STATIN_RELATIVE_REDUCTION = 0.25;

	static final double BP_RELATIVE_REDUCTION = 0.20;

	private final Dashboard dashboard;

	private final Directory directory;

	DashboardController(Dashboard dashboard, Directory directory) {
		this.dashboard = dashboard;
		this.directory = directory;
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
			@RequestParam(required = false) @Nullable String area, Model model) {
		String chosenLevel = "pcn".equals(level) || "practice".equals(level) ? level : "place";
		Dashboard.Indicator chosen = Arrays.stream(Dashboard.Indicator.values())
			.filter(i -> i.name().equals(indicator))
			.findFirst()
			.orElse(Dashboard.Indicator.TREATED_TO_TARGET);
		String column = chosenLevel + "_code";
		Map<String, String> areaLabels = areaLabels(chosenLevel);
		List<Dashboard.Counts> areas = dashboard.counts("r." + column, null, null, areaLabels);
		String chosenArea = area != null && areaLabels.containsKey(area) ? area : null;

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
		impact(model);
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

	private void impact(Model model) {
		Dashboard.ImpactInputs in = dashboard.impactInputs();
		double scale = in.people() == 0 ? 0 : BOB_POPULATION / in.people();
		double statin = in.statinRiskSum() / 100 * FOUR_YEAR_SHARE * STATIN_RELATIVE_REDUCTION * scale;
		double bp = in.bpRiskSum() / 100 * FOUR_YEAR_SHARE * BP_RELATIVE_REDUCTION * scale;
		double events = statin + bp;
		double heartAttackShare = (double) TARGET_HEART_ATTACKS / (TARGET_HEART_ATTACKS + TARGET_STROKES);
		model.addAttribute("impactEvents", Math.round(events));
		model.addAttribute("impactStatin", Math.round(statin));
		model.addAttribute("impactBp", Math.round(bp));
		model.addAttribute("impactHeartAttacks", Math.round(events * heartAttackShare));
		model.addAttribute("impactStrokes", Math.round(events * (1 - heartAttackShare)));
		model.addAttribute("targetHeartAttacks", TARGET_HEART_ATTACKS);
		model.addAttribute("targetStrokes", TARGET_STROKES);
		model.addAttribute("impactInputs", in);
		model.addAttribute("assumptions", List.of(
				new Assumption("Expected events without treatment",
						"Each listed person's QRISK3 10-year risk (CHD, ischaemic stroke and TIA)",
						"QRISK3-2017, DOMAIN.md B6", false),
				new Assumption("Share of the 10-year risk falling in 4 years", "40% (4 of 10 years, evenly spread)",
						"Project's own assumption: QRISK3 gives 10-year risk only", true),
				new Assumption("Relative reduction in events from a statin (QRISK3 10% or more list)", "25%",
						"Project's own assumption, not in DOMAIN.md: about 22% fewer major vascular events per 1 mmol/L "
								+ "lower LDL (Cholesterol Treatment Trialists, Lancet 2010) with atorvastatin 20 mg "
								+ "lowering LDL by more than 40% (DOMAIN.md B5); to be verified",
						true),
				new Assumption("Relative reduction in events from treating blood pressure (undiagnosed and not-to-target lists)",
						"20%",
						"Project's own assumption, not in DOMAIN.md: about 20% fewer major cardiovascular events per "
								+ "10 mmHg lower systolic pressure (Ettehad et al., Lancet 2016); to be verified",
						true),
				new Assumption("Uptake", "100%: every listed person treated (an upper bound; halve for 50% uptake)",
						"Project's own assumption: the question is what the worklists could achieve if acted on", true),
				new Assumption("People on both lists", "Counted once for each treatment (slightly overstates)",
						"Project's own simplification", true),
				new Assumption("People on a blood pressure list without a QRISK3 score",
						in.bpPeopleWithoutScore() + " people left out (no risk to start from)",
						"Never a defaulted score (issue requirement)", false),
				new Assumption("Scaling to BOB",
						String.format("x %.1f (%,d people evaluated, BOB about 1,950,000)", scale, in.people()),
						"DOMAIN.md 0: BOB ICB serves about 1.9-2.0m people", false),
				new Assumption("Split into heart attacks and strokes",
						String.format("%.0f%% heart attacks, %.0f%% strokes", heartAttackShare * 100,
								(1 - heartAttackShare) * 100),
						"Project's own assumption: the strategy target's own ratio (797 to 290); QRISK3 does not split "
								+ "its outcome",
						true),
				new Assumption("Target", TARGET_HEART_ATTACKS + " heart attacks and " + TARGET_STROKES + " strokes",
						"BOB Primary Care Strategy CVD ambition (issue 5)", false)));
	}

}
