package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PcnSummary;
import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.programme.ChangeLog.Diff;
import uk.nhs.bob.primarycare.programme.ChangeLog.Subject;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintKind;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.cohorts.CohortRepository;
import uk.nhs.bob.primarycare.programme.cohorts.Workstream;
import uk.nhs.bob.primarycare.programme.cohorts.WorkstreamRepository;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.improvement.ProjectRepository;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSiteRepository;
import uk.nhs.bob.primarycare.programme.spc.Measure;

/**
 * The delivery programme's operations on workstreams and cohorts, programme sites and their enrolments, and each
 * site's project in a workstream (aim, progress score). Each change checks who may make it ({@link ProgrammeAccess}),
 * keeps the rules (cohort open and with room, one cohort per workstream, stale edits) and records its history
 * ({@link ChangeLog}) in the same transaction.
 */
@Component
@Transactional
public class Programme {

	/** Someone else saved first: the edit was not applied. Carries the latest version where it is known. */
	public static final class StaleEdit extends RuntimeException {

		private final @Nullable Long latest;

		public StaleEdit(@Nullable Long latest) {
			super("Stale edit");
			this.latest = latest;
		}

		@Nullable Long latest() {
			return latest;
		}

	}

	enum EnrolmentStatus {

		ACTIVE("Enrolled"), WITHDRAWN("Withdrawn"), TRANSFERRED("Transferred");

		private final String label;

		EnrolmentStatus(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

	}

	public record EnrolmentRecord(long id, long cohortId, long siteId, String placeCode, LocalDate enrolledOn,
			String enrolledBy, EnrolmentStatus status, @Nullable LocalDate endedOn, @Nullable String endedBy,
			@Nullable String endedReason, long version) {

		public boolean active() {
			return status == EnrolmentStatus.ACTIVE;
		}

	}

	public record Score(BigDecimal score, LocalDate recordedOn, String note, String recordedBy) {
	}

	/** A project with the measures it still tracks (not retired), in measure order. */
	record ProjectMeasures(Project project, List<Measure> active) {
	}

	/** A site with its projects (in project order). */
	record SiteWithProjects(ProgrammeSite site, List<ProjectMeasures> projects) {
	}

	private final WorkstreamRepository workstreams;

	private final CohortRepository cohorts;

	private final ProgrammeSiteRepository sites;

	private final ProjectRepository projects;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final ProgrammeAccess access;

	private final ChangeLog changes;

	private final ProgrammeCalendar calendar;

	Programme(WorkstreamRepository workstreams, CohortRepository cohorts, ProgrammeSiteRepository sites,
			ProjectRepository projects, Directory directory, JdbcClient jdbc, ProgrammeAccess access,
			ChangeLog changes, ProgrammeCalendar calendar) {
		this.workstreams = workstreams;
		this.cohorts = cohorts;
		this.sites = sites;
		this.projects = projects;
		this.directory = directory;
		this.jdbc = jdbc;
		this.access = access;
		this.changes = changes;
		this.calendar = calendar;
	}

	// --- workstreams and cohorts ------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<Workstream> workstreams() {
		return workstreams.findAllByOrderByDisplayOrder();
	}

	@Transactional(readOnly = true)
	public Optional<Workstream> workstream(String code) {
		return workstreams.findById(code);
	}

	/** The workstreams in display order, each with its cohorts in the order of {@link #cohorts()}, in one statement. */
	@Transactional(readOnly = true)
	Map<Workstream, List<Cohort>> workstreamsWithCohorts() {
		Map<Workstream, List<Cohort>> withCohorts = new LinkedHashMap<>();
		for (Object[] row : workstreams.findAllWithCohorts()) {
			List<Cohort> cohortsOf = withCohorts.computeIfAbsent((Workstream) row[0], w -> new ArrayList<>());
			if (row[1] != null) {
				cohortsOf.add((Cohort) row[1]);
			}
		}
		return withCohorts;
	}

	@Transactional(readOnly = true)
	public List<Cohort> cohorts() {
		return cohorts.findAllByOrderByStartsOnAscIdAsc();
	}

	@Transactional(readOnly = true)
	public Optional<Cohort> cohort(long id) {
		return cohorts.findById(id);
	}

	public void editWorkstream(String code, long expectedVersion, String name, String description) {
		access.checkAdministrator();
		Workstream workstream = workstreams.findById(code).orElseThrow();
		checkVersion(workstream.version(), expectedVersion);
		Diff diff = new Diff().field("Name", workstream.name(), name).field("Description", workstream.description(),
				description);
		workstream.rename(name, description);
		flush(() -> workstreams.saveAndFlush(workstream));
		changes.record(null, null, Subject.WORKSTREAM, code, name, "Changed", null, diff, user());
	}

	public Cohort addCohort(String workstreamCode, String name, LocalDate startsOn, LocalDate endsOn, int maxSitesPerPlace,
			String description) {
		access.checkAdministrator();
		checkPeriod(startsOn, endsOn);
		Cohort cohort = cohorts.save(new Cohort(workstreamCode, name, startsOn, endsOn, maxSitesPerPlace, description));
		changes.record(null, null, Subject.COHORT, String.valueOf(cohort.id()), name, "Added", null,
				new Diff().value("Period", startsOn + " to " + endsOn, true)
					.value("Most sites per Place", maxSitesPerPlace, true),
				user());
		return cohort;
	}

	public void editCohort(long id, long expectedVersion, String name, LocalDate startsOn, LocalDate endsOn,
			int maxSitesPerPlace, String description) {
		access.checkAdministrator();
		Cohort cohort = cohorts.findById(id).orElseThrow();
		checkVersion(cohort.version(), expectedVersion);
		checkPeriod(startsOn, endsOn);
		int mostEnrolled = enrolledCounts().getOrDefault(id, Map.of())
			.values()
			.stream()
			.mapToInt(Integer::intValue)
			.max()
			.orElse(0);
		if (maxSitesPerPlace < mostEnrolled) {
			throw new Refused("maxSitesPerPlace",
					"A Place already has " + mostEnrolled + " sites in this cohort: enter " + mostEnrolled + " or more");
		}
		Diff diff = new Diff().field("Name", cohort.name(), name)
			.field("Starts", cohort.startsOn(), startsOn)
			.field("Ends", cohort.endsOn(), endsOn)
			.field("Most sites per Place", cohort.maxSitesPerPlace(), maxSitesPerPlace)
			.field("Description", cohort.description(), description);
		cohort.change(name, startsOn, endsOn, maxSitesPerPlace, description);
		flush(() -> cohorts.saveAndFlush(cohort));
		changes.record(null, null, Subject.COHORT, String.valueOf(id), name, "Changed", null, diff, user());
	}

	private static void checkPeriod(LocalDate startsOn, LocalDate endsOn) {
		if (endsOn.isBefore(startsOn)) {
			throw new Refused("endDay", "The end date must be on or after the start date");
		}
	}

	/** Active sites per cohort and Place (withdrawn and transferred enrolments free their place). */
	@Transactional(readOnly = true)
	public Map<Long, Map<String, Integer>> enrolledCounts() {
		Map<Long, Map<String, Integer>> counts = new HashMap<>();
		jdbc.sql("""
				select cohort_id, place_code, count(*) as n from programme.enrolment where status = 'ACTIVE'
				group by cohort_id, place_code""")
			.query((rs, row) -> counts.computeIfAbsent(rs.getLong("cohort_id"), k -> new HashMap<>())
				.put(rs.getString("place_code"), rs.getInt("n")))
			.list();
		return counts;
	}

	// --- sites and enrolment ----------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<ProgrammeSite> sites() {
		return sites.findAllByOrderByName();
	}

	@Transactional(readOnly = true)
	public List<ProgrammeSite> sitesIn(String placeCode) {
		return sites.findByPlaceCodeOrderByName(placeCode);
	}

	@Transactional(readOnly = true)
	public Optional<ProgrammeSite> site(long id) {
		return sites.findById(id);
	}

	@Transactional(readOnly = true)
	public List<ProgrammeSite> sites(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : sites.findByIdInOrderByName(ids);
	}

	/** A site as typed: its name, Place, description and footprint codes (neighbourhood site or PCN codes). */
	public record SiteDraft(String name, String placeCode, String description, Set<String> footprintCodes) {
	}

	/** Adds a site from what was typed: the Place must exist and be the user's, each code must be of that Place. */
	public ProgrammeSite addSite(SiteDraft draft) {
		if (directory.place(draft.placeCode()).isEmpty()) {
			throw new Refused("placeCode", "Choose the Place");
		}
		access.checkPlace(draft.placeCode());
		return addSite(draft.name(), draft.placeCode(), draft.description(),
				footprint(draft.placeCode(), draft.footprintCodes()));
	}

	/** Changes a site from what was typed; its Place never changes (its enrolments were counted against it). */
	public void editSite(long id, long expectedVersion, SiteDraft draft) {
		ProgrammeSite site = sites.findById(id).orElseThrow(() -> new Refused(null, "No such site"));
		access.checkPlace(site.placeCode());
		editSite(id, expectedVersion, draft.name(), draft.description(), footprint(site.placeCode(),
				draft.footprintCodes()));
	}

	/** The footprint the codes name: each a neighbourhood site or PCN of the Place, at least one. */
	private Set<FootprintCode> footprint(String placeCode, Set<String> codes) {
		if (codes.isEmpty()) {
			throw new Refused("footprint", "Enter at least one neighbourhood site or PCN code");
		}
		Set<FootprintCode> footprint = new LinkedHashSet<>();
		for (String code : codes) {
			if (directory.site(code).filter(s -> s.placeCode().equals(placeCode)).isPresent()) {
				footprint.add(new FootprintCode(FootprintKind.SITE, code));
			}
			else if (directory.pcn(code).filter(p -> p.placeCode().equals(placeCode)).isPresent()) {
				footprint.add(new FootprintCode(FootprintKind.PCN, code));
			}
			else {
				throw new Refused("footprint",
						code + " is not a neighbourhood site or PCN code in " + placeName(placeCode));
			}
		}
		return footprint;
	}

	public ProgrammeSite addSite(String name, String placeCode, String description, Set<FootprintCode> footprint) {
		access.checkPlace(placeCode);
		if (siteNameTaken(name, null)) {
			throw new Refused("name", "Another programme site already has this name: choose another");
		}
		String place = placeName(placeCode);
		ProgrammeSite site = sites.saveAndFlush(new ProgrammeSite(name, placeCode, description, footprint,
				place + " Place-based partnership", place + " Place delivery team"));
		changes.record(site.id(), null, Subject.SITE, String.valueOf(site.id()), name, "Added", null,
				new Diff().value("Place", place, true).value("Footprint", footprintText(footprint), true)
					.value("Description", description, true),
				user());
		return site;
	}

	public void editSite(long id, long expectedVersion, String name, String description, Set<FootprintCode> footprint) {
		ProgrammeSite site = sites.findById(id).orElseThrow();
		access.checkPlace(site.placeCode());
		checkNotRetired(site);
		checkVersion(site.version(), expectedVersion);
		if (siteNameTaken(name, id)) {
			throw new Refused("name", "Another programme site already has this name: choose another");
		}
		Diff diff = new Diff().field("Name", site.name(), name)
			.field("Description", site.description(), description)
			.field("Footprint", footprintText(site.footprint()), footprintText(footprint));
		site.change(name, description, footprint);
		flush(() -> sites.saveAndFlush(site));
		changes.record(id, null, Subject.SITE, String.valueOf(id), name, "Changed", null, diff, user());
	}

	/** A site leaves the programme: refused while it is still enrolled in a cohort that has not finished. */
	public void retireSite(long id, long expectedVersion, String reason) {
		ProgrammeSite site = sites.findById(id).orElseThrow();
		access.checkPlace(site.placeCode());
		checkNotRetired(site);
		checkVersion(site.version(), expectedVersion);
		LocalDate today = calendar.today();
		for (EnrolmentRecord enrolment : enrolments(id)) {
			Cohort cohort = cohorts.findById(enrolment.cohortId()).orElseThrow();
			if (enrolment.active() && !cohort.finished(today)) {
				throw new Refused(null, site.name() + " is still enrolled in " + cohortName(cohort)
						+ ", which has not finished: withdraw or transfer that enrolment first");
			}
		}
		site.retire(today, user(), reason);
		flush(() -> sites.saveAndFlush(site));
		changes.record(id, null, Subject.SITE, String.valueOf(id), site.name(), "Retired", reason, new Diff(), user());
	}

	/** The directory neighbourhood site codes a footprint covers (a PCN counts as its neighbourhood site). */
	@Transactional(readOnly = true)
	public Set<String> directorySiteCodes(ProgrammeSite site) {
		return directorySiteCodes(List.of(site)).get(site.id());
	}

	/** The directory site codes of each site's footprint, by site id, reading the PCNs (if any are named) once. */
	@Transactional(readOnly = true)
	public Map<Long, Set<String>> directorySiteCodes(Collection<ProgrammeSite> sites) {
		boolean anyPcn = sites.stream().flatMap(s -> s.footprint().stream()).anyMatch(c -> c.kind() == FootprintKind.PCN);
		Map<String, String> pcnSites = anyPcn
				? directory.pcns().stream().collect(Collectors.toMap(PcnSummary::odsCode, PcnSummary::siteCode))
				: Map.of();
		Map<Long, Set<String>> codes = new HashMap<>();
		for (ProgrammeSite site : sites) {
			Set<String> siteCodes = new LinkedHashSet<>();
			for (FootprintCode code : site.footprint()) {
				String siteCode = code.kind() == FootprintKind.SITE ? code.code() : pcnSites.get(code.code());
				if (siteCode != null) {
					siteCodes.add(siteCode);
				}
			}
			codes.put(site.id(), siteCodes);
		}
		return codes;
	}

	/**
	 * Why a site cannot join a cohort today, or empty when it can: the cohort must enrol sites, not have finished,
	 * have room for another site from the site's Place, and be of a workstream the site has not joined.
	 */
	@Transactional(readOnly = true)
	public Optional<String> whyNot(ProgrammeSite site, Cohort cohort, LocalDate today) {
		Map<Long, Cohort> byId = new HashMap<>();
		List<EnrolmentRecord> earlier = enrolments(site.id());
		earlier.forEach(e -> byId.computeIfAbsent(e.cohortId(), id -> cohorts.findById(id).orElseThrow()));
		return whyNot(site, cohort, today, new EnrolmentFacts(earlier, byId, this::cohortName,
				activeIn(cohort.id(), site.placeCode()), placeName(site.placeCode())));
	}

	/**
	 * What {@link #whyNot(ProgrammeSite, Cohort, LocalDate)} reads about a site and a cohort, so that a page asking
	 * for every cohort reads it once: the site's enrolments, their cohorts by id, how cohorts are named, the active
	 * enrolments of the cohort from the site's Place and the Place's name.
	 */
	public record EnrolmentFacts(List<EnrolmentRecord> siteEnrolments, Map<Long, Cohort> cohorts,
			Function<Cohort, String> cohortName, int enrolledFromPlace, String placeName) {
	}

	public Optional<String> whyNot(ProgrammeSite site, Cohort cohort, LocalDate today, EnrolmentFacts facts) {
		String cohortName = facts.cohortName().apply(cohort);
		if (site.retired()) {
			return Optional.of(site.name() + " has left the programme");
		}
		if (cohort.maxSitesPerPlace() == 0) {
			return Optional.of(cohortName + " does not enrol sites");
		}
		if (cohort.finished(today)) {
			return Optional.of(cohortName + " finished on " + ProgrammeViews.day(cohort.endsOn())
					+ ": sites can no longer join it");
		}
		for (EnrolmentRecord earlier : facts.siteEnrolments()) {
			Cohort other = facts.cohorts().get(earlier.cohortId());
			if (other.workstreamCode().equals(cohort.workstreamCode()) && earlier.status() != EnrolmentStatus.WITHDRAWN
					&& earlier.status() != EnrolmentStatus.TRANSFERRED) {
				return Optional.of(site.name() + " is already enrolled in " + facts.cohortName().apply(other)
						+ ": a site joins one cohort of each workstream (transfer the enrolment to move it)");
			}
		}
		int enrolled = facts.enrolledFromPlace();
		if (enrolled >= cohort.maxSitesPerPlace()) {
			return Optional.of(cohortName + " already has " + enrolled + " sites from " + facts.placeName()
					+ ", the most it takes from one Place");
		}
		return Optional.empty();
	}

	/**
	 * Enrols a site into a cohort. The cohort row is locked first, so two enrolments racing for its last place in a
	 * Place are counted one after the other and the second is refused. Creates the site's project for the workstream
	 * the first time.
	 */
	public EnrolmentRecord enrol(long siteId, long cohortId, LocalDate today) {
		ProgrammeSite site = sites.findById(siteId).orElseThrow();
		access.checkPlace(site.placeCode());
		Cohort cohort = cohorts.lockById(cohortId).orElseThrow(() -> new Refused("cohortId", "Choose a cohort"));
		whyNot(site, cohort, today).ifPresent(reason -> {
			throw new Refused("cohortId", reason);
		});
		long id = jdbc.sql("""
				insert into programme.enrolment (cohort_id, site_id, place_code, enrolled_on, enrolled_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(cohortId, siteId, site.placeCode(), today, user())
			.query(Long.class)
			.single();
		if (projects.findBySiteIdAndWorkstreamCode(siteId, cohort.workstreamCode()).isEmpty()) {
			projects.save(new Project(siteId, cohort.workstreamCode()));
		}
		changes.record(siteId, null, Subject.ENROLMENT, String.valueOf(id), cohortName(cohort), "Enrolled", null,
				new Diff().value("Cohort", cohortName(cohort), true), user());
		return enrolment(id).orElseThrow();
	}

	/** Withdraws an active enrolment: its place in the cohort is freed, the record stays in the site's history. */
	public void withdraw(long siteId, long enrolmentId, long expectedVersion, String reason) {
		EnrolmentRecord enrolment = activeEnrolment(siteId, enrolmentId, expectedVersion);
		Cohort cohort = cohorts.findById(enrolment.cohortId()).orElseThrow();
		end(enrolment, EnrolmentStatus.WITHDRAWN, reason);
		changes.record(siteId, null, Subject.ENROLMENT, String.valueOf(enrolmentId), cohortName(cohort), "Withdrawn",
				reason, new Diff().field("Status", "Enrolled", "Withdrawn"), user());
	}

	/** Moves an active enrolment to another cohort of the same workstream that is open and has room. */
	public EnrolmentRecord transfer(long siteId, long enrolmentId, long expectedVersion, long toCohortId, String reason) {
		EnrolmentRecord enrolment = activeEnrolment(siteId, enrolmentId, expectedVersion);
		Cohort from = cohorts.findById(enrolment.cohortId()).orElseThrow();
		Cohort to = cohorts.lockById(toCohortId)
			.filter(c -> c.workstreamCode().equals(from.workstreamCode()) && c.id() != from.id())
			.orElseThrow(() -> new Refused("toCohortId", "Choose another cohort of the same workstream"));
		ProgrammeSite site = sites.findById(siteId).orElseThrow();
		end(enrolment, EnrolmentStatus.TRANSFERRED, reason);
		LocalDate today = calendar.today();
		whyNot(site, to, today).ifPresent(why -> {
			throw new Refused("toCohortId", why);
		});
		long id = jdbc.sql("""
				insert into programme.enrolment (cohort_id, site_id, place_code, enrolled_on, enrolled_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(to.id(), siteId, site.placeCode(), today, user())
			.query(Long.class)
			.single();
		changes.record(siteId, null, Subject.ENROLMENT, String.valueOf(enrolmentId), cohortName(from), "Transferred",
				reason, new Diff().field("Cohort", cohortName(from), cohortName(to)), user());
		return enrolment(id).orElseThrow();
	}

	private EnrolmentRecord activeEnrolment(long siteId, long enrolmentId, long expectedVersion) {
		EnrolmentRecord enrolment = enrolment(enrolmentId).filter(e -> e.siteId() == siteId)
			.orElseThrow(() -> new Refused(null, "There is no such enrolment for this site"));
		ProgrammeSite site = sites.findById(siteId).orElseThrow();
		access.checkPlace(site.placeCode());
		checkVersion(enrolment.version(), expectedVersion);
		if (!enrolment.active()) {
			throw new Refused(null, "This enrolment has already ended (" + enrolment.status().label().toLowerCase()
					+ ")");
		}
		return enrolment;
	}

	private void end(EnrolmentRecord enrolment, EnrolmentStatus status, String reason) {
		int updated = jdbc.sql("""
				update programme.enrolment set status = ?, ended_on = ?, ended_by = ?, ended_reason = ?,
					version = version + 1
				where id = ? and version = ? and status = 'ACTIVE'""")
			.params(status.name(), calendar.today(), user(), reason, enrolment.id(), enrolment.version())
			.update();
		if (updated != 1) {
			throw new StaleEdit(null);
		}
	}

	@Transactional(readOnly = true)
	public Optional<EnrolmentRecord> enrolment(long id) {
		return jdbc.sql("select * from programme.enrolment where id = ?")
			.param(id)
			.query(Programme::enrolmentRow)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<EnrolmentRecord> enrolments(long siteId) {
		return enrolments(List.of(siteId)).getOrDefault(siteId, List.of());
	}

	/** The enrolments of some sites, by site id, each site's in cohort order. */
	@Transactional(readOnly = true)
	public Map<Long, List<EnrolmentRecord>> enrolments(Collection<Long> siteIds) {
		if (siteIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select e.* from programme.enrolment e join programme.cohort c on c.id = e.cohort_id
				where e.site_id = any(?) order by c.starts_on, e.id""")
			.param(new SqlArrayValue("bigint", siteIds.toArray()))
			.query(Programme::enrolmentRow)
			.list()
			.stream()
			.collect(Collectors.groupingBy(EnrolmentRecord::siteId));
	}

	@Transactional(readOnly = true)
	List<EnrolmentRecord> allEnrolments() {
		return jdbc.sql("select * from programme.enrolment order by id").query(Programme::enrolmentRow).list();
	}

	private static EnrolmentRecord enrolmentRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new EnrolmentRecord(rs.getLong("id"), rs.getLong("cohort_id"), rs.getLong("site_id"),
				rs.getString("place_code"), rs.getObject("enrolled_on", LocalDate.class), rs.getString("enrolled_by"),
				EnrolmentStatus.valueOf(rs.getString("status")), rs.getObject("ended_on", LocalDate.class),
				rs.getString("ended_by"), rs.getString("ended_reason"), rs.getLong("version"));
	}

	private int activeIn(long cohortId, String placeCode) {
		return jdbc.sql("""
				select count(*) from programme.enrolment where cohort_id = ? and place_code = ? and status = 'ACTIVE'""")
			.params(cohortId, placeCode)
			.query(Integer.class)
			.single();
	}

	public String cohortName(Cohort cohort) {
		return cohort.name() + " of " + workstreams.findById(cohort.workstreamCode()).map(Workstream::name).orElse("");
	}

	public String placeName(String placeCode) {
		return directory.place(placeCode).map(PlaceSummary::name).orElse(placeCode);
	}

	// --- projects: aim, progress score -------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Optional<Project> project(long siteId, String workstreamCode) {
		return projects.findBySiteIdAndWorkstreamCode(siteId, workstreamCode);
	}

	@Transactional(readOnly = true)
	public Optional<Project> project(long projectId) {
		return projects.findById(projectId);
	}

	@Transactional(readOnly = true)
	public List<Project> projects(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : projects.findAllById(ids);
	}

	/** The projects of some sites with their active measures, by site id, in project order: one statement. */
	@Transactional(readOnly = true)
	Map<Long, List<ProjectMeasures>> projectsWithActiveMeasures(Collection<Long> siteIds) {
		Map<Long, Map<Project, Map<Long, Measure>>> bySite = new LinkedHashMap<>();
		if (!siteIds.isEmpty()) {
			for (Object[] row : projects.findWithActiveMeasuresBySiteIdIn(siteIds)) {
				add(bySite.computeIfAbsent(((Project) row[0]).siteId(), id -> new LinkedHashMap<>()), (Project) row[0],
						(Measure) row[1]);
			}
		}
		Map<Long, List<ProjectMeasures>> projectMeasures = new LinkedHashMap<>();
		bySite.forEach((siteId, byProject) -> projectMeasures.put(siteId, projectMeasures(byProject)));
		return projectMeasures;
	}

	/**
	 * The sites still in the programme, by name, each with its projects and their active measures, in one statement
	 * (footprints included).
	 */
	@Transactional(readOnly = true)
	List<SiteWithProjects> activeSitesWithProjects() {
		Map<ProgrammeSite, Map<Project, Map<Long, Measure>>> bySite = new LinkedHashMap<>();
		for (Object[] row : sites.findActiveWithProjectsAndActiveMeasures()) {
			Map<Project, Map<Long, Measure>> byProject = bySite.computeIfAbsent((ProgrammeSite) row[0],
					s -> new LinkedHashMap<>());
			if (row[1] != null) {
				add(byProject, (Project) row[1], (Measure) row[2]);
			}
		}
		List<SiteWithProjects> sitesWithProjects = new ArrayList<>();
		bySite.forEach((site, byProject) -> sitesWithProjects.add(new SiteWithProjects(site, projectMeasures(byProject))));
		return sitesWithProjects;
	}

	/** Adds a row's project and measure (if any; rows repeat, so each measure is kept once). */
	private static void add(Map<Project, Map<Long, Measure>> byProject, Project project, @Nullable Measure measure) {
		Map<Long, Measure> measuresOf = byProject.computeIfAbsent(project, p -> new LinkedHashMap<>());
		if (measure != null) {
			measuresOf.putIfAbsent(measure.id(), measure);
		}
	}

	private static List<ProjectMeasures> projectMeasures(Map<Project, Map<Long, Measure>> byProject) {
		List<ProjectMeasures> projectMeasures = new ArrayList<>();
		byProject.forEach((project, measures) -> projectMeasures.add(new ProjectMeasures(project, List.copyOf(measures.values()))));
		return projectMeasures;
	}

	@Transactional(readOnly = true)
	public List<Project> allProjects() {
		return projects.findAll();
	}

	/** The site a project belongs to, after checking the user may change it. */
	@Transactional(readOnly = true)
	public ProgrammeSite editableSite(long projectId) {
		Project project = projects.findById(projectId).orElseThrow();
		ProgrammeSite site = sites.findById(project.siteId()).orElseThrow();
		access.checkPlace(site.placeCode());
		checkNotRetired(site);
		return site;
	}

	public void editAim(long projectId, long expectedVersion, String what, String howMuch, LocalDate byWhen) {
		ProgrammeSite site = editableSite(projectId);
		Project project = projects.findById(projectId).orElseThrow();
		checkVersion(project.version(), expectedVersion);
		Diff diff = new Diff().field("What", project.aimWhat(), what)
			.field("How much", project.aimHowMuch(), howMuch)
			.field("By when", project.aimByWhen(), byWhen);
		project.changeAim(what, howMuch, byWhen);
		flush(() -> projects.saveAndFlush(project));
		changes.record(site.id(), projectId, Subject.PROJECT, String.valueOf(projectId), "Aim", "Changed", null, diff,
				user());
	}

	/** Records a progress score (kept as history) and makes it the project's current score. */
	public void recordScore(long projectId, long expectedVersion, BigDecimal score, LocalDate recordedOn, String note) {
		ProgrammeSite site = editableSite(projectId);
		Project project = projects.findById(projectId).orElseThrow();
		checkVersion(project.version(), expectedVersion);
		Diff diff = new Diff().field("Progress score", ProgrammeViews.score(project.progressScore()),
				ProgrammeViews.score(score));
		project.score(score);
		flush(() -> projects.saveAndFlush(project));
		jdbc.sql("""
				insert into programme.progress_score (project_id, score, recorded_on, note, recorded_by)
				values (?, ?, ?, ?, ?)""").params(projectId, score, recordedOn, note, user()).update();
		changes.record(site.id(), projectId, Subject.PROJECT, String.valueOf(projectId), "Progress score",
				"Recorded", note, diff, user());
	}

	@Transactional(readOnly = true)
	public List<Score> scores(long projectId) {
		return jdbc.sql("select * from programme.progress_score where project_id = ? order by recorded_on, id")
			.param(projectId)
			.query((rs, row) -> new Score(rs.getBigDecimal("score"), rs.getObject("recorded_on", LocalDate.class),
					rs.getString("note"), rs.getString("recorded_by")))
			.list();
	}

	// --- shared -----------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	boolean siteNameTaken(String name, @Nullable Long exceptId) {
		return sites.findByNameIgnoreCase(name.strip()).filter(s -> exceptId == null || s.id() != exceptId).isPresent();
	}

	public static void checkNotRetired(ProgrammeSite site) {
		if (site.retired()) {
			throw new Refused(null, site.name() + " left the programme on " + ProgrammeViews.day(site.retiredOn())
					+ ": its records can be read but no longer changed");
		}
	}

	private String footprintText(Set<FootprintCode> footprint) {
		return footprint.stream().map(FootprintCode::code).sorted().collect(Collectors.joining(", "));
	}

	private String user() {
		return access.user().username();
	}

	public static void checkVersion(long actual, long expected) {
		if (actual != expected) {
			throw new StaleEdit(actual);
		}
	}

	public static void flush(Runnable save) {
		try {
			save.run();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new StaleEdit(null);
		}
	}

}
