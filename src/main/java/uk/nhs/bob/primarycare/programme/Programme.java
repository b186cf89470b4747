package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PcnSummary;
import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.programme.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.ProgrammeSite.FootprintKind;

/**
 * The delivery programme's operations: workstreams and cohorts, programme sites and their enrolments, and each
 * site's project in a workstream (local action team, aim, measures and their values, PDSA cycles, progress score).
 * Callers check edit rights first ({@link ProgrammeAccess}); this class keeps the rules (cohort capacity, stale
 * edits).
 */
@Component
@Transactional
class Programme {

	/** Someone else saved first: the edit was not applied. */
	static final class StaleEdit extends RuntimeException {

		StaleEdit() {
			super("Stale edit");
		}

	}

	/** An enrolment the rules refuse, with the message to show. */
	static final class EnrolmentRefused extends RuntimeException {

		EnrolmentRefused(String message) {
			super(message);
		}

	}

	record EnrolmentRecord(long id, long cohortId, long siteId, String placeCode, LocalDate enrolledOn,
			String enrolledBy) {
	}

	record Member(long id, String name, String jobRole, String organisation, Sector sector) {
	}

	record Score(BigDecimal score, LocalDate recordedOn, String note, String recordedBy) {
	}

	/** One week's value of a measure and where it came from. */
	record WeekValue(LocalDate weekStarting, double value, boolean fed) {
	}

	private final WorkstreamRepository workstreams;

	private final CohortRepository cohorts;

	private final ProgrammeSiteRepository sites;

	private final ProjectRepository projects;

	private final MeasureRepository measures;

	private final PdsaCycleRepository cycles;

	private final FeedValues feedValues;

	private final Directory directory;

	private final JdbcClient jdbc;

	Programme(WorkstreamRepository workstreams, CohortRepository cohorts, ProgrammeSiteRepository sites,
			ProjectRepository projects, MeasureRepository measures, PdsaCycleRepository cycles, FeedValues feedValues,
			Directory directory, JdbcClient jdbc) {
		this.workstreams = workstreams;
		this.cohorts = cohorts;
		this.sites = sites;
		this.projects = projects;
		this.measures = measures;
		this.cycles = cycles;
		this.feedValues = feedValues;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	// --- workstreams and cohorts ------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	List<Workstream> workstreams() {
		return workstreams.findAllByOrderByDisplayOrder();
	}

	@Transactional(readOnly = true)
	Optional<Workstream> workstream(String code) {
		return workstreams.findById(code);
	}

	@Transactional(readOnly = true)
	List<Cohort> cohorts() {
		return cohorts.findAllByOrderByStartsOnAscIdAsc();
	}

	@Transactional(readOnly = true)
	Optional<Cohort> cohort(long id) {
		return cohorts.findById(id);
	}

	void editWorkstream(String code, long expectedVersion, String name, String description) {
		Workstream workstream = workstreams.findById(code).orElseThrow();
		checkVersion(workstream.version(), expectedVersion);
		workstream.rename(name, description);
		flush(() -> workstreams.saveAndFlush(workstream));
	}

	Cohort addCohort(String workstreamCode, String name, LocalDate startsOn, LocalDate endsOn, int maxSitesPerPlace,
			String description) {
		return cohorts.save(new Cohort(workstreamCode, name, startsOn, endsOn, maxSitesPerPlace, description));
	}

	void editCohort(long id, long expectedVersion, String name, LocalDate startsOn, LocalDate endsOn,
			int maxSitesPerPlace, String description) {
		Cohort cohort = cohorts.findById(id).orElseThrow();
		checkVersion(cohort.version(), expectedVersion);
		cohort.change(name, startsOn, endsOn, maxSitesPerPlace, description);
		flush(() -> cohorts.saveAndFlush(cohort));
	}

	/** Sites enrolled per cohort and Place. */
	@Transactional(readOnly = true)
	Map<Long, Map<String, Integer>> enrolledCounts() {
		Map<Long, Map<String, Integer>> counts = new HashMap<>();
		jdbc.sql("select cohort_id, place_code, count(*) as n from programme.enrolment group by cohort_id, place_code")
			.query((rs, row) -> counts.computeIfAbsent(rs.getLong("cohort_id"), k -> new HashMap<>())
				.put(rs.getString("place_code"), rs.getInt("n")))
			.list();
		return counts;
	}

	// --- sites and enrolment ----------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	List<ProgrammeSite> sites() {
		return sites.findAllByOrderByName();
	}

	@Transactional(readOnly = true)
	List<ProgrammeSite> sitesIn(String placeCode) {
		return sites.findByPlaceCodeOrderByName(placeCode);
	}

	@Transactional(readOnly = true)
	Optional<ProgrammeSite> site(long id) {
		return sites.findById(id);
	}

	@Transactional(readOnly = true)
	boolean siteNameTaken(String name, @Nullable Long exceptId) {
		return sites.findByNameIgnoreCase(name.strip()).filter(s -> exceptId == null || s.id() != exceptId).isPresent();
	}

	ProgrammeSite addSite(String name, String placeCode, String description, Set<FootprintCode> footprint) {
		return sites.saveAndFlush(new ProgrammeSite(name, placeCode, description, footprint));
	}

	void editSite(long id, long expectedVersion, String name, String description, Set<FootprintCode> footprint) {
		ProgrammeSite site = sites.findById(id).orElseThrow();
		checkVersion(site.version(), expectedVersion);
		site.change(name, description, footprint);
		flush(() -> sites.saveAndFlush(site));
	}

	/** The directory neighbourhood site codes a footprint covers (a PCN counts as its neighbourhood site). */
	@Transactional(readOnly = true)
	Set<String> directorySiteCodes(ProgrammeSite site) {
		Set<String> codes = new LinkedHashSet<>();
		for (FootprintCode code : site.footprint()) {
			if (code.kind() == FootprintKind.SITE) {
				codes.add(code.code());
			}
			else {
				directory.pcn(code.code()).map(PcnSummary::siteCode).ifPresent(codes::add);
			}
		}
		return codes;
	}

	/**
	 * Enrols a site into a cohort. The cohort row is locked first, so two enrolments racing for its last place in a
	 * Place are counted one after the other and the second is refused. Creates the site's project for the
	 * workstream, with the Place-based partnership accountable and the Place delivery team responsible.
	 */
	EnrolmentRecord enrol(long siteId, long cohortId, String username, LocalDate today) {
		Cohort cohort = cohorts.lockById(cohortId).orElseThrow(() -> new EnrolmentRefused("Choose a cohort"));
		ProgrammeSite site = sites.findById(siteId).orElseThrow();
		Workstream workstream = workstreams.findById(cohort.workstreamCode()).orElseThrow();
		String cohortName = cohort.name() + " of " + workstream.name();
		if (cohort.maxSitesPerPlace() == 0) {
			throw new EnrolmentRefused(cohortName + " does not enrol sites");
		}
		List<EnrolmentRecord> history = enrolments(siteId);
		for (EnrolmentRecord earlier : history) {
			Cohort other = cohorts.findById(earlier.cohortId()).orElseThrow();
			if (other.workstreamCode().equals(cohort.workstreamCode())) {
				throw new EnrolmentRefused(site.name() + " is already enrolled in " + other.name() + " of "
						+ workstream.name() + ": a site joins one cohort of each workstream");
			}
		}
		int enrolled = jdbc.sql("select count(*) from programme.enrolment where cohort_id = ? and place_code = ?")
			.params(cohortId, site.placeCode())
			.query(Integer.class)
			.single();
		if (enrolled >= cohort.maxSitesPerPlace()) {
			throw new EnrolmentRefused(cohortName + " already has " + enrolled + " sites from "
					+ placeName(site.placeCode()) + ", the most it takes from one Place");
		}
		long id = jdbc.sql("""
				insert into programme.enrolment (cohort_id, site_id, place_code, enrolled_on, enrolled_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(cohortId, siteId, site.placeCode(), today, username)
			.query(Long.class)
			.single();
		if (projects.findBySiteIdAndWorkstreamCode(siteId, cohort.workstreamCode()).isEmpty()) {
			String place = placeName(site.placeCode());
			projects.save(new Project(siteId, cohort.workstreamCode(), place + " Place-based partnership",
					place + " Place delivery team"));
		}
		return new EnrolmentRecord(id, cohortId, siteId, site.placeCode(), today, username);
	}

	@Transactional(readOnly = true)
	List<EnrolmentRecord> enrolments(long siteId) {
		return jdbc.sql("""
				select e.* from programme.enrolment e join programme.cohort c on c.id = e.cohort_id
				where e.site_id = ? order by c.starts_on, e.id""")
			.param(siteId)
			.query((rs, row) -> new EnrolmentRecord(rs.getLong("id"), rs.getLong("cohort_id"), rs.getLong("site_id"),
					rs.getString("place_code"), rs.getObject("enrolled_on", LocalDate.class),
					rs.getString("enrolled_by")))
			.list();
	}

	@Transactional(readOnly = true)
	List<EnrolmentRecord> allEnrolments() {
		return jdbc.sql("select * from programme.enrolment order by id")
			.query((rs, row) -> new EnrolmentRecord(rs.getLong("id"), rs.getLong("cohort_id"), rs.getLong("site_id"),
					rs.getString("place_code"), rs.getObject("enrolled_on", LocalDate.class),
					rs.getString("enrolled_by")))
			.list();
	}

	String placeName(String placeCode) {
		return directory.place(placeCode).map(PlaceSummary::name).orElse(placeCode);
	}

	// --- projects: local action team, aim, progress score ------------------------------------------------------

	@Transactional(readOnly = true)
	Optional<Project> project(long siteId, String workstreamCode) {
		return projects.findBySiteIdAndWorkstreamCode(siteId, workstreamCode);
	}

	@Transactional(readOnly = true)
	Optional<Project> project(long projectId) {
		return projects.findById(projectId);
	}

	@Transactional(readOnly = true)
	List<Project> projectsOf(long siteId) {
		return projects.findBySiteId(siteId);
	}

	@Transactional(readOnly = true)
	List<Project> allProjects() {
		return projects.findAll();
	}

	void editTeam(long projectId, long expectedVersion, String lead, String clinicalLead, String footprintNote,
			String accountableBody, String responsibleTeam) {
		Project project = projects.findById(projectId).orElseThrow();
		checkVersion(project.version(), expectedVersion);
		project.changeTeam(lead, clinicalLead, footprintNote, accountableBody, responsibleTeam);
		flush(() -> projects.saveAndFlush(project));
	}

	void editAim(long projectId, long expectedVersion, String what, String howMuch, LocalDate byWhen) {
		Project project = projects.findById(projectId).orElseThrow();
		checkVersion(project.version(), expectedVersion);
		project.changeAim(what, howMuch, byWhen);
		flush(() -> projects.saveAndFlush(project));
	}

	void addMember(long projectId, String name, String jobRole, String organisation, Sector sector) {
		jdbc.sql("""
				insert into programme.team_member (project_id, name, job_role, organisation, sector)
				values (?, ?, ?, ?, ?)""").params(projectId, name, jobRole, organisation, sector.name()).update();
	}

	void removeMember(long projectId, long memberId) {
		jdbc.sql("delete from programme.team_member where id = ? and project_id = ?")
			.params(memberId, projectId)
			.update();
	}

	@Transactional(readOnly = true)
	List<Member> members(long projectId) {
		return jdbc.sql("select * from programme.team_member where project_id = ? order by sector, name")
			.param(projectId)
			.query((rs, row) -> new Member(rs.getLong("id"), rs.getString("name"), rs.getString("job_role"),
					rs.getString("organisation"), Sector.valueOf(rs.getString("sector"))))
			.list();
	}

	/** Records a progress score (kept as history) and makes it the project's current score. */
	void recordScore(long projectId, long expectedVersion, BigDecimal score, LocalDate recordedOn, String note,
			String username) {
		Project project = projects.findById(projectId).orElseThrow();
		checkVersion(project.version(), expectedVersion);
		project.score(score);
		flush(() -> projects.saveAndFlush(project));
		jdbc.sql("""
				insert into programme.progress_score (project_id, score, recorded_on, note, recorded_by)
				values (?, ?, ?, ?, ?)""").params(projectId, score, recordedOn, note, username).update();
	}

	@Transactional(readOnly = true)
	List<Score> scores(long projectId) {
		return jdbc.sql("select * from programme.progress_score where project_id = ? order by recorded_on, id")
			.param(projectId)
			.query((rs, row) -> new Score(rs.getBigDecimal("score"), rs.getObject("recorded_on", LocalDate.class),
					rs.getString("note"), rs.getString("recorded_by")))
			.list();
	}

	// --- measures and values ---------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	List<Measure> measures(long projectId) {
		return measures.findByProjectIdOrderById(projectId);
	}

	@Transactional(readOnly = true)
	Optional<Measure> measure(long measureId) {
		return measures.findById(measureId);
	}

	Measure addMeasure(Measure measure) {
		return measures.save(measure);
	}

	/** Enters (or replaces) a week's value by hand. */
	void enterValue(long measureId, LocalDate weekStarting, BigDecimal value, String username) {
		jdbc.sql("""
				insert into programme.measure_value (measure_id, week_starting, value, entered_by) values (?, ?, ?, ?)
				on conflict (measure_id, week_starting) do update set value = excluded.value,
					entered_by = excluded.entered_by""").params(measureId, weekStarting, value, username).update();
	}

	void rebase(long measureId, LocalDate weekStarting, boolean on) {
		if (on) {
			jdbc.sql("insert into programme.measure_rebase values (?, ?) on conflict do nothing")
				.params(measureId, weekStarting)
				.update();
		}
		else {
			jdbc.sql("delete from programme.measure_rebase where measure_id = ? and week_starting = ?")
				.params(measureId, weekStarting)
				.update();
		}
	}

	@Transactional(readOnly = true)
	List<LocalDate> rebaseWeeks(long measureId) {
		return jdbc.sql("select week_starting from programme.measure_rebase where measure_id = ? order by 1")
			.param(measureId)
			.query(LocalDate.class)
			.list();
	}

	/**
	 * The measure's weekly series: for a fed measure the feed's value wherever the feed has one, and the values
	 * entered by hand for the other weeks (the baseline before the feed started); otherwise the values entered.
	 */
	@Transactional(readOnly = true)
	List<WeekValue> values(Measure measure, Collection<String> directorySiteCodes) {
		SortedMap<LocalDate, WeekValue> series = new TreeMap<>();
		jdbc.sql("select week_starting, value from programme.measure_value where measure_id = ?")
			.param(measure.id())
			.query((rs, row) -> series.put(rs.getObject("week_starting", LocalDate.class),
					new WeekValue(rs.getObject("week_starting", LocalDate.class), rs.getDouble("value"), false)))
			.list();
		Feed feed = measure.feed();
		if (feed != null) {
			feedValues.weekly(feed, directorySiteCodes)
				.forEach((week, value) -> series.put(week, new WeekValue(week, value, true)));
		}
		return new ArrayList<>(series.values());
	}

	// --- PDSA cycles -----------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	List<PdsaCycle> cycles(long projectId) {
		return cycles.findByProjectIdOrderByStartedOnAscIdAsc(projectId);
	}

	@Transactional(readOnly = true)
	Optional<PdsaCycle> cycle(long cycleId) {
		return cycles.findById(cycleId);
	}

	PdsaCycle addCycle(PdsaCycle cycle) {
		return cycles.save(cycle);
	}

	void editCycle(long cycleId, long expectedVersion, String title, String plan, String prediction,
			LocalDate startedOn, String doNotes, String study, PdsaCycle.@Nullable Act act,
			@Nullable LocalDate actOn) {
		PdsaCycle cycle = cycles.findById(cycleId).orElseThrow();
		checkVersion(cycle.version(), expectedVersion);
		cycle.change(title, plan, prediction, startedOn, doNotes, study, act, actOn);
		flush(() -> cycles.saveAndFlush(cycle));
	}

	private static void checkVersion(long actual, long expected) {
		if (actual != expected) {
			throw new StaleEdit();
		}
	}

	private static void flush(Runnable save) {
		try {
			save.run();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new StaleEdit();
		}
	}

}
