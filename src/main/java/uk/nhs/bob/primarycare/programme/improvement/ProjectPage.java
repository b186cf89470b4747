package uk.nhs.bob.primarycare.programme.improvement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;
import uk.nhs.bob.primarycare.programme.sites.SiteTeams;
import uk.nhs.bob.primarycare.programme.spc.Charts;
import uk.nhs.bob.primarycare.programme.spc.Measure;
import uk.nhs.bob.primarycare.programme.spc.MeasureChart;
import uk.nhs.bob.primarycare.programme.spc.Measures;
import uk.nhs.bob.primarycare.programme.spc.SpcChart;

/**
 * The read model of a project's page: its charts (from {@link Charts}), driver diagram, PDSA cycles with the change
 * idea they test, the cycle they follow and their predictions and results per measure, and the members of the site's
 * team who work on the workstream.
 */
@Component
@Transactional(readOnly = true)
class ProjectPage {

	public record PredictionRow(String measure, String prediction, String result) {
	}

	public record CycleRow(long id, int number, String title, @Nullable String changeIdea, @Nullable String follows,
			String plan, String prediction, String startedOn, String doNotes, String study, @Nullable String act,
			@Nullable String actOn, List<PredictionRow> predictions, @Nullable String withdrawn) {
	}

	/** A node of the driver diagram with what sits under it and the cycles (as ramps) testing a change idea. */
	public record DriverNode(long id, String level, String text, boolean retired, List<DriverNode> children,
			List<String> ramps, long version) {
	}

	private final Measures measures;

	private final Charts charts;

	private final Improvement improvement;

	private final SiteTeams teams;

	ProjectPage(Measures measures, Charts charts, Improvement improvement, SiteTeams teams) {
		this.measures = measures;
		this.charts = charts;
		this.improvement = improvement;
		this.teams = teams;
	}

	void fill(Project project, Model model) {
		List<PdsaCycle> cycles = improvement.cycles(project.id());
		List<SpcChart> active = new ArrayList<>();
		List<SpcChart> retired = new ArrayList<>();
		List<Measure> projectMeasures = measures.of(project.id());
		Map<Long, MeasureChart> measureCharts = charts.charts(projectMeasures);
		for (Measure measure : projectMeasures) {
			(measure.retired() ? retired : active).add(SpcChart.of(measureCharts.get(measure.id()), cycles));
		}
		model.addAttribute("charts", active);
		model.addAttribute("retiredCharts", retired);
		model.addAttribute("cycles", cycleRows(project.id(), cycles));
		model.addAttribute("drivers", drivers(project.id(), cycles));
		model.addAttribute("members", teams.members(project.siteId())
			.stream()
			.filter(m -> m.workstreams().contains(project.workstreamCode()))
			.toList());
	}

	List<CycleRow> cycleRows(long projectId, List<PdsaCycle> cycles) {
		Map<Long, String> measureNames = new HashMap<>();
		measures.of(projectId).forEach(m -> measureNames.put(m.id(), m.name()));
		Map<Long, String> ideas = new HashMap<>();
		improvement.drivers(projectId).forEach(d -> ideas.put(d.id(), d.text()));
		Map<Long, Integer> numbers = new HashMap<>();
		for (int i = 0; i < cycles.size(); i++) {
			numbers.put(cycles.get(i).id(), i + 1);
		}
		Map<Long, List<Improvement.Prediction>> predictions = improvement.predictions(projectId);
		List<CycleRow> rows = new ArrayList<>();
		for (int i = 0; i < cycles.size(); i++) {
			PdsaCycle c = cycles.get(i);
			List<PredictionRow> predicted = predictions.getOrDefault(c.id(), List.of())
				.stream()
				.map(p -> new PredictionRow(measureNames.getOrDefault(p.measureId(), ""), p.prediction(),
						p.result().isBlank() ? "Not studied yet" : p.result()))
				.toList();
			String follows = c.followsCycleId() == null ? null
					: "PDSA " + numbers.get(c.followsCycleId()) + ": " + cycles.stream()
						.filter(o -> o.id() == c.followsCycleId())
						.findFirst()
						.map(PdsaCycle::title)
						.orElse("");
			String withdrawn = c.withdrawn() ? "Withdrawn on " + ProgrammeViews.day(c.withdrawnOn()) + " by "
					+ c.withdrawnBy() + ": " + c.withdrawnReason() : null;
			rows.add(new CycleRow(c.id(), i + 1, c.title(), c.changeIdeaId() == null ? null : ideas.get(c.changeIdeaId()),
					follows, c.plan(), c.prediction(), ProgrammeViews.day(c.startedOn()), c.doNotes(), c.study(),
					c.act() == null ? null : c.act().label(), c.actOn() == null ? null : ProgrammeViews.day(c.actOn()),
					predicted, withdrawn));
		}
		return rows;
	}

	/** The diagram as a tree from the primary drivers down; each change idea lists its cycles as ramps. */
	List<DriverNode> drivers(long projectId, List<PdsaCycle> cycles) {
		List<Improvement.Driver> all = improvement.drivers(projectId);
		Map<Long, Integer> numbers = new HashMap<>();
		for (int i = 0; i < cycles.size(); i++) {
			numbers.put(cycles.get(i).id(), i + 1);
		}
		return children(all, null, cycles, numbers);
	}

	private List<DriverNode> children(List<Improvement.Driver> all, @Nullable Long parentId, List<PdsaCycle> cycles,
			Map<Long, Integer> numbers) {
		List<DriverNode> nodes = new ArrayList<>();
		for (Improvement.Driver driver : all) {
			if (java.util.Objects.equals(driver.parentId(), parentId)) {
				nodes.add(new DriverNode(driver.id(), driver.level().label(), driver.text(), driver.retired(),
						children(all, driver.id(), cycles, numbers), ramps(driver.id(), cycles, numbers),
						driver.version()));
			}
		}
		return nodes;
	}

	/** The cycles testing a change idea, each ramp as "PDSA 1 → PDSA 3" from its first cycle on. */
	private static List<String> ramps(long ideaId, List<PdsaCycle> cycles, Map<Long, Integer> numbers) {
		List<PdsaCycle> testing = cycles.stream()
			.filter(c -> c.changeIdeaId() != null && c.changeIdeaId() == ideaId && !c.withdrawn())
			.toList();
		List<String> ramps = new ArrayList<>();
		for (PdsaCycle start : testing) {
			boolean followsOneHere = start.followsCycleId() != null
					&& testing.stream().anyMatch(c -> c.id() == start.followsCycleId());
			if (followsOneHere) {
				continue;
			}
			StringBuilder ramp = new StringBuilder("PDSA " + numbers.get(start.id()) + " " + start.title());
			PdsaCycle current = start;
			java.util.Set<Long> seen = new java.util.HashSet<>();
			while (seen.add(current.id())) {
				PdsaCycle from = current;
				PdsaCycle next = testing.stream()
					.filter(c -> c.followsCycleId() != null && c.followsCycleId() == from.id())
					.findFirst()
					.orElse(null);
				if (next == null) {
					break;
				}
				ramp.append(" → PDSA ").append(numbers.get(next.id())).append(' ').append(next.title());
				current = next;
			}
			ramps.add(ramp.toString());
		}
		return ramps;
	}

}
