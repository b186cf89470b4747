package uk.nhs.bob.primarycare.programme.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;
import uk.nhs.bob.primarycare.programme.Refused;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.cohorts.Workstream;
import uk.nhs.bob.primarycare.programme.improvement.Improvement;
import uk.nhs.bob.primarycare.programme.improvement.PdsaCycle;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.spc.Measure;
import uk.nhs.bob.primarycare.programme.spc.MeasureChart;
import uk.nhs.bob.primarycare.programme.spc.SpcChart;

/**
 * The portfolio a Place board reads: the Making Data Count summary matrix (sites x measures with the variation and
 * assurance icons, one table per workstream, the same icons as each measure's chart because they come from
 * {@link uk.nhs.bob.primarycare.programme.spc.Charts}), filtered by Place, workstream and cohort; each site's milestones and risks and issues with their
 * RAG status; and the board pack that puts them together with every chart. Aggregate figures only.
 */
@Component
@Transactional(readOnly = true)
public class PortfolioView {

	/** The filters of the portfolio and board pack; null means all. */
	record Filter(@Nullable String place, @Nullable String workstream, @Nullable Long cohort) {

		static Filter all() {
			return new Filter(null, null, null);
		}

		boolean any() {
			return place != null || workstream != null || cohort != null;
		}

	}

	/** The filters a user chose, checked: what the page and board pack say they show. */
	record Chosen(@Nullable PlaceSummary place, @Nullable Workstream workstream, @Nullable Cohort cohort,
			String description) {
	}

	public record MatrixRow(long siteId, String siteName, String placeName, long projectId, String cohorts,
			List<ProgrammeViews.@Nullable MeasureStatus> cells, long openRed, long overdueMilestones) {
	}

	/** One workstream's matrix: the measure names across, the sites down. */
	public record Matrix(String workstreamCode, String workstreamName, List<String> measureNames,
			List<MatrixRow> rows) {
	}

	public record MilestoneRow(long id, String title, @Nullable String workstream, String due, Rag rag, String status,
			boolean open, boolean overdue, boolean cancelled) {
	}

	public record RiskRow(long id, String kind, String title, @Nullable String workstream, String description,
			Rag rag, String owner, String actions, @Nullable String reviewBy, String raised, boolean open,
			@Nullable String closed) {
	}

	public record ProjectPack(long projectId, String workstreamName, String aim, @Nullable String progressScore,
			List<SpcChart> charts) {
	}

	/** The board pack: the summary matrix, then each site's page. */
	public record BoardPack(List<Matrix> matrices, List<SitePack> sites) {
	}

	public record SitePack(long siteId, String name, String placeName, String footprint, String teamLead,
			String clinicalLead, String cohorts, List<ProjectPack> projects, List<MilestoneRow> milestones,
			List<RiskRow> risks) {
	}

	private final Programme programme;

	private final Portfolio portfolio;

	private final Improvement improvement;

	private final ProgrammeViews views;

	private final Directory directory;

	PortfolioView(Programme programme, Portfolio portfolio, Improvement improvement, ProgrammeViews views,
			Directory directory) {
		this.programme = programme;
		this.portfolio = portfolio;
		this.improvement = improvement;
		this.views = views;
		this.directory = directory;
	}

	/** Checks the filters against the Places, workstreams and cohorts there are; refuses each unknown one. */
	Chosen choose(Filter filter) {
		List<Refused.Reason> reasons = new ArrayList<>();
		PlaceSummary place = null;
		if (filter.place() != null) {
			place = directory.place(filter.place()).orElse(null);
			if (place == null) {
				reasons.add(new Refused.Reason("place", "Choose a Place from the list"));
			}
		}
		Workstream workstream = null;
		if (filter.workstream() != null) {
			workstream = programme.workstream(filter.workstream()).orElse(null);
			if (workstream == null) {
				reasons.add(new Refused.Reason("workstream", "Choose a workstream from the list"));
			}
		}
		Cohort cohort = null;
		if (filter.cohort() != null) {
			cohort = programme.cohort(filter.cohort()).orElse(null);
			if (cohort == null) {
				reasons.add(new Refused.Reason("cohort", "Choose a cohort from the list"));
			}
			else if (workstream != null && !cohort.workstreamCode().equals(workstream.code())) {
				reasons.add(new Refused.Reason("cohort",
						"That cohort is of another workstream: choose one of " + workstream.name() + ", or all cohorts"));
			}
		}
		if (!reasons.isEmpty()) {
			throw new Refused(reasons);
		}
		if (workstream == null && cohort != null) {
			workstream = programme.workstream(cohort.workstreamCode()).orElseThrow();
		}
		List<String> parts = new ArrayList<>();
		parts.add(place == null ? "Every Place" : place.name());
		parts.add(workstream == null ? "every workstream" : workstream.name());
		parts.add(cohort == null ? "every cohort" : cohort.name() + " (" + ProgrammeViews.period(cohort) + ")");
		return new Chosen(place, workstream, cohort, String.join(", ", parts));
	}

	/**
	 * What the chosen sites hold, read once for a page: their enrolments, projects, milestones, risks and issues, and
	 * the active measures and chart of each chosen project, in the same few statements however many sites are chosen.
	 */
	private final class Reading {

		final LocalDate today;

		final Map<String, String> placeNames = new LinkedHashMap<>();

		final List<Workstream> workstreams;

		final Map<Long, Cohort> cohorts = new LinkedHashMap<>();

		final List<ProgrammeSite> sites;

		final Map<Long, Map<String, Project>> projects = new LinkedHashMap<>();

		final Map<Long, List<Programme.EnrolmentRecord>> enrolments = new LinkedHashMap<>();

		final ProgrammeViews.SiteProjects charted;

		final Map<Long, List<Portfolio.Milestone>> milestones;

		final Map<Long, List<Portfolio.Risk>> risks;

		Reading(Chosen chosen, LocalDate today) {
			this.today = today;
			directory.places().forEach(p -> placeNames.put(p.code(), p.name()));
			this.workstreams = programme.workstreams();
			programme.cohorts().forEach(c -> cohorts.put(c.id(), c));
			List<ProgrammeSite> candidates = (chosen.place() == null ? programme.sites()
					: programme.sitesIn(chosen.place().code()))
				.stream()
				.filter(s -> !s.retired())
				.toList();
			Map<Long, List<Programme.EnrolmentRecord>> candidateEnrolments = programme
				.enrolments(candidates.stream().map(ProgrammeSite::id).toList());
			List<ProgrammeSite> chosenSites = new ArrayList<>();
			for (ProgrammeSite site : candidates) {
				List<Programme.EnrolmentRecord> siteEnrolments = candidateEnrolments.getOrDefault(site.id(), List.of());
				if (chosen.cohort() != null && siteEnrolments.stream()
					.noneMatch(e -> e.active() && e.cohortId() == chosen.cohort().id())) {
					continue;
				}
				chosenSites.add(site);
				enrolments.put(site.id(), siteEnrolments);
			}
			chosenSites.sort(Comparator.comparing((ProgrammeSite s) -> placeNames.getOrDefault(s.placeCode(), ""))
				.thenComparing(ProgrammeSite::name));
			this.sites = chosenSites;
			this.charted = views.siteProjects(chosenSites,
					p -> chosen.workstream() == null || chosen.workstream().code().equals(p.workstreamCode()), today);
			for (ProgrammeSite site : chosenSites) {
				Map<String, Project> byWorkstream = new LinkedHashMap<>();
				charted.of(site.id()).forEach(p -> byWorkstream.put(p.workstreamCode(), p));
				projects.put(site.id(), byWorkstream);
			}
			List<Long> siteIds = chosenSites.stream().map(ProgrammeSite::id).toList();
			this.milestones = portfolio.milestones(siteIds);
			this.risks = portfolio.risks(siteIds);
		}

		/** The active measures of a project of the chosen workstream(s), with their charts. */
		List<Measure> active(Project project) {
			return charted.active(project.id());
		}

		MeasureChart chart(Measure measure) {
			return charted.chart(measure);
		}

		List<Portfolio.Milestone> milestones(ProgrammeSite site) {
			return milestones.getOrDefault(site.id(), List.of());
		}

		public List<Portfolio.Risk> risks(ProgrammeSite site) {
			return risks.getOrDefault(site.id(), List.of());
		}

		/** The cohorts the site is enrolled in now (of one workstream, or all). */
		String cohortNames(ProgrammeSite site, @Nullable String workstreamCode) {
			List<String> names = new ArrayList<>();
			for (Programme.EnrolmentRecord enrolment : enrolments.get(site.id())) {
				Cohort cohort = cohorts.get(enrolment.cohortId());
				if (enrolment.active() && (workstreamCode == null || cohort.workstreamCode().equals(workstreamCode))) {
					names.add(workstreamCode == null ? programme.cohortName(cohort) : cohort.name());
				}
			}
			return names.isEmpty() ? "Not enrolled now" : String.join(", ", names);
		}

	}

	/** The summary matrix, one table per workstream, of the sites the filters choose. */
	List<Matrix> matrices(Chosen chosen, LocalDate today) {
		return matrices(chosen, new Reading(chosen, today));
	}

	private List<Matrix> matrices(Chosen chosen, Reading reading) {
		List<Matrix> matrices = new ArrayList<>();
		for (Workstream workstream : reading.workstreams) {
			if (chosen.workstream() != null && !chosen.workstream().code().equals(workstream.code())) {
				continue;
			}
			Map<String, String> names = new LinkedHashMap<>();
			Map<Long, Map<String, ProgrammeViews.MeasureStatus>> bySite = new LinkedHashMap<>();
			List<ProgrammeSite> sites = reading.sites.stream()
				.filter(s -> reading.projects.get(s.id()).containsKey(workstream.code()))
				.toList();
			for (ProgrammeSite site : sites) {
				Project project = reading.projects.get(site.id()).get(workstream.code());
				Map<String, ProgrammeViews.MeasureStatus> cells = new LinkedHashMap<>();
				for (Measure measure : reading.active(project)) {
					String key = measure.name().strip().toLowerCase(Locale.UK);
					names.putIfAbsent(key, measure.name().strip());
					cells.putIfAbsent(key, views.status(reading.chart(measure)));
				}
				bySite.put(site.id(), cells);
			}
			List<MatrixRow> rows = new ArrayList<>();
			for (ProgrammeSite site : sites) {
				List<ProgrammeViews.MeasureStatus> cells = new ArrayList<>();
				for (String key : names.keySet()) {
					cells.add(bySite.get(site.id()).get(key));
				}
				long openRed = reading.risks(site).stream().filter(r -> r.open() && r.rag() == Rag.RED).count();
				long overdue = reading.milestones(site).stream().filter(m -> m.overdue(reading.today)).count();
				rows.add(new MatrixRow(site.id(), site.name(), reading.placeNames.getOrDefault(site.placeCode(), ""),
						reading.projects.get(site.id()).get(workstream.code()).id(),
						reading.cohortNames(site, workstream.code()), cells, openRed, overdue));
			}
			matrices.add(new Matrix(workstream.code(), workstream.name(), List.copyOf(names.values()), rows));
		}
		return matrices;
	}

	/** The board pack: the matrix, and every chosen site with its projects' charts, milestones, risks and issues. */
	BoardPack boardPack(Chosen chosen, LocalDate today) {
		Reading reading = new Reading(chosen, today);
		List<Matrix> matrices = matrices(chosen, reading);
		Map<Long, List<PdsaCycle>> cycles = improvement.cycles(reading.projects.values()
			.stream()
			.flatMap(byWorkstream -> byWorkstream.values().stream())
			.map(Project::id)
			.toList());
		Map<Long, String> footprints = views.footprints(reading.sites);
		List<SitePack> packs = new ArrayList<>();
		for (ProgrammeSite site : reading.sites) {
			List<ProjectPack> projects = new ArrayList<>();
			for (Workstream workstream : reading.workstreams) {
				Project project = reading.projects.get(site.id()).get(workstream.code());
				if (project == null
						|| (chosen.workstream() != null && !chosen.workstream().code().equals(workstream.code()))) {
					continue;
				}
				List<PdsaCycle> projectCycles = cycles.getOrDefault(project.id(), List.of());
				List<SpcChart> projectCharts = reading.active(project)
					.stream()
					.map(m -> SpcChart.of(reading.chart(m), projectCycles))
					.toList();
				projects.add(new ProjectPack(project.id(), workstream.name(), ProgrammeViews.aim(project),
						ProgrammeViews.score(project.progressScore()), projectCharts));
			}
			if (projects.isEmpty()) {
				continue;
			}
			packs.add(new SitePack(site.id(), site.name(), reading.placeNames.getOrDefault(site.placeCode(), ""),
					footprints.get(site.id()), site.teamLead().isBlank() ? "Not agreed yet" : site.teamLead(),
					site.clinicalLead().isBlank() ? "Not agreed yet" : site.clinicalLead(),
					reading.cohortNames(site, null), projects, milestoneRows(reading.milestones(site), today),
					riskRows(reading.risks(site))));
		}
		return new BoardPack(matrices, packs);
	}

	public List<MilestoneRow> milestones(long siteId, LocalDate today) {
		return milestoneRows(portfolio.milestones(siteId), today);
	}

	private List<MilestoneRow> milestoneRows(List<Portfolio.Milestone> milestones, LocalDate today) {
		return milestones.stream().map(m -> {
			String status;
			if (m.cancelledOn() != null) {
				status = "Cancelled on " + ProgrammeViews.day(m.cancelledOn()) + " by " + m.cancelledBy() + ": "
						+ m.cancelledReason();
			}
			else if (m.completedOn() != null) {
				status = "Complete on " + ProgrammeViews.day(m.completedOn());
			}
			else if (m.overdue(today)) {
				status = "Overdue";
			}
			else {
				status = "Open";
			}
			return new MilestoneRow(m.id(), m.title(), portfolio.workstreamName(m.workstreamCode()),
					ProgrammeViews.day(m.dueOn()), m.rag(), status, m.open(), m.overdue(today), m.cancelledOn() != null);
		}).toList();
	}

	public List<RiskRow> risks(long siteId) {
		return riskRows(portfolio.risks(siteId));
	}

	private List<RiskRow> riskRows(List<Portfolio.Risk> risks) {
		return risks.stream()
			.map(r -> new RiskRow(r.id(), r.kind().label(), r.title(), portfolio.workstreamName(r.workstreamCode()),
					r.description(), r.rag(), r.owner(), r.actions(),
					r.reviewOn() == null ? null : ProgrammeViews.day(r.reviewOn()),
					ProgrammeViews.day(r.raisedOn()) + " by " + r.raisedBy(), r.open(),
					r.open() ? null
							: "Closed on " + ProgrammeViews.day(r.closedOn()) + " by " + r.closedBy() + ": "
									+ r.closedReason()))
			.toList();
	}

	/** The options of the filter selects. */
	Map<String, String> placeOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		directory.places().forEach(p -> options.put(p.code(), p.name()));
		return options;
	}

	Map<String, String> cohortOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (Cohort cohort : programme.cohorts()) {
			if (cohort.maxSitesPerPlace() > 0) {
				options.put(String.valueOf(cohort.id()), programme.cohortName(cohort) + " (" + ProgrammeViews.period(cohort) + ")");
			}
		}
		return options;
	}

}
