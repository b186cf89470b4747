package uk.nhs.bob.primarycare.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.programme.ChangeLog.Diff;
import uk.nhs.bob.primarycare.programme.ChangeLog.Subject;

/**
 * What a Place board reads: the Making Data Count summary matrix (sites by measures, with the variation and assurance
 * icons of {@link Charts}), filtered by workstream and cohort, and each site's milestones and risks and issues log
 * with RAG status. Changes to milestones and risks are checked against the user's Place and kept in the
 * {@link ChangeLog}.
 */
@Component
@Transactional
class Portfolio {

	enum Rag {

		RED("Red"), AMBER("Amber"), GREEN("Green");

		private final String label;

		Rag(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

	}

	enum RiskKind {

		RISK("Risk"), ISSUE("Issue");

		private final String label;

		RiskKind(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

	}

	record Milestone(long id, long siteId, @Nullable String workstreamCode, String title, LocalDate dueOn,
			@Nullable LocalDate completedOn, Rag rag, String note, long version) {
	}

	record Risk(long id, long siteId, @Nullable String workstreamCode, RiskKind kind, String title, String description,
			String owner, Rag rag, String mitigation, LocalDate raisedOn, @Nullable LocalDate closedOn, long version) {
	}

	record MilestoneDraft(@Nullable String workstreamCode, String title, LocalDate dueOn, @Nullable LocalDate completedOn,
			Rag rag, String note) {
	}

	record RiskDraft(@Nullable String workstreamCode, RiskKind kind, String title, String description, String owner,
			Rag rag, String mitigation, @Nullable LocalDate closedOn) {
	}

	/** The sites and measures a board looks at. */
	record Filter(@Nullable String workstreamCode, @Nullable Long cohortId) {
	}

	/** One row of the matrix: a site, and for each column the chart of its measure of that name (or none). */
	record MatrixRow(ProgrammeSite site, List<@Nullable MeasureChart> cells) {
	}

	record Matrix(List<String> columns, List<MatrixRow> rows) {
	}

	private final JdbcClient jdbc;

	private final Programme programme;

	private final Measures measures;

	private final Charts charts;

	private final ChangeLog changes;

	private final ProgrammeAccess access;

	private final ProgrammeCalendar calendar;

	Portfolio(JdbcClient jdbc, Programme programme, Measures measures, Charts charts, ChangeLog changes,
			ProgrammeAccess access, ProgrammeCalendar calendar) {
		this.jdbc = jdbc;
		this.programme = programme;
		this.measures = measures;
		this.charts = charts;
		this.changes = changes;
		this.access = access;
		this.calendar = calendar;
	}

	// --- the matrix -------------------------------------------------------------------------------------------

	/** Sites of the Place in the filter: not retired, in the cohort (enrolled, not withdrawn) and the workstream. */
	@Transactional(readOnly = true)
	List<ProgrammeSite> sites(String placeCode, Filter filter) {
		List<ProgrammeSite> sites = new ArrayList<>();
		for (ProgrammeSite site : programme.sitesIn(placeCode)) {
			if (site.retired()) {
				continue;
			}
			if (filter.cohortId() != null && programme.enrolments(site.id())
				.stream()
				.noneMatch(e -> e.cohortId() == filter.cohortId()
						&& e.status() != Programme.EnrolmentStatus.WITHDRAWN
						&& e.status() != Programme.EnrolmentStatus.TRANSFERRED)) {
				continue;
			}
			if (filter.workstreamCode() != null && programme.project(site.id(), filter.workstreamCode()).isEmpty()) {
				continue;
			}
			sites.add(site);
		}
		return sites;
	}

	/** The projects of a site in the filter's workstream (all workstreams without one), in workstream order. */
	@Transactional(readOnly = true)
	List<Project> projects(ProgrammeSite site, Filter filter) {
		List<Project> projects = new ArrayList<>();
		for (Workstream workstream : programme.workstreams()) {
			if (filter.workstreamCode() == null || filter.workstreamCode().equals(workstream.code())) {
				programme.project(site.id(), workstream.code()).ifPresent(projects::add);
			}
		}
		return projects;
	}

	@Transactional(readOnly = true)
	Matrix matrix(String placeCode, Filter filter) {
		List<ProgrammeSite> sites = sites(placeCode, filter);
		Set<String> columns = new LinkedHashSet<>();
		Map<Long, Map<String, MeasureChart>> bySite = new LinkedHashMap<>();
		for (ProgrammeSite site : sites) {
			Map<String, MeasureChart> cells = new LinkedHashMap<>();
			for (Project project : projects(site, filter)) {
				for (Measure measure : measures.active(project.id())) {
					columns.add(measure.name());
					cells.putIfAbsent(measure.name(), charts.chart(measure));
				}
			}
			bySite.put(site.id(), cells);
		}
		List<MatrixRow> rows = new ArrayList<>();
		for (ProgrammeSite site : sites) {
			List<@Nullable MeasureChart> cells = new ArrayList<>();
			for (String column : columns) {
				cells.add(bySite.get(site.id()).get(column));
			}
			rows.add(new MatrixRow(site, cells));
		}
		return new Matrix(List.copyOf(columns), rows);
	}

	// --- milestones -------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	List<Milestone> milestones(long siteId) {
		return jdbc.sql("select * from programme.milestone where site_id = ? order by due_on, id")
			.param(siteId)
			.query((rs, row) -> new Milestone(rs.getLong("id"), rs.getLong("site_id"), rs.getString("workstream_code"),
					rs.getString("title"), rs.getObject("due_on", LocalDate.class),
					rs.getObject("completed_on", LocalDate.class), Rag.valueOf(rs.getString("rag")), rs.getString("note"),
					rs.getLong("version")))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<Milestone> milestone(long siteId, long id) {
		return milestones(siteId).stream().filter(m -> m.id() == id).findFirst();
	}

	Milestone addMilestone(long siteId, MilestoneDraft draft) {
		ProgrammeSite site = editable(siteId);
		checkWorkstream(draft.workstreamCode());
		long id = jdbc.sql("""
				insert into programme.milestone (site_id, workstream_code, title, due_on, completed_on, rag, note)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(siteId, draft.workstreamCode(), draft.title(), draft.dueOn(), draft.completedOn(),
					draft.rag().name(), draft.note())
			.query(Long.class)
			.single();
		changes.record(site.id(), null, Subject.MILESTONE, String.valueOf(id), draft.title(), "Added", null,
				new Diff().value("Due", ProgrammeViews.day(draft.dueOn()), true).value("RAG", draft.rag().label(), true),
				user());
		return milestone(siteId, id).orElseThrow();
	}

	void editMilestone(long siteId, long id, long expectedVersion, MilestoneDraft draft) {
		ProgrammeSite site = editable(siteId);
		checkWorkstream(draft.workstreamCode());
		Milestone before = milestone(siteId, id).orElseThrow(() -> new Refused(null, "No such milestone"));
		int updated = jdbc.sql("""
				update programme.milestone set workstream_code = ?, title = ?, due_on = ?, completed_on = ?, rag = ?,
					note = ?, version = version + 1
				where id = ? and site_id = ? and version = ?""")
			.params(draft.workstreamCode(), draft.title(), draft.dueOn(), draft.completedOn(), draft.rag().name(),
					draft.note(), id, siteId, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit();
		}
		Diff diff = new Diff().field("Title", before.title(), draft.title())
			.field("Workstream", workstreamName(before.workstreamCode()), workstreamName(draft.workstreamCode()))
			.field("Due", ProgrammeViews.day(before.dueOn()), ProgrammeViews.day(draft.dueOn()))
			.field("Completed", ProgrammeViews.day(before.completedOn()), ProgrammeViews.day(draft.completedOn()))
			.field("RAG", before.rag().label(), draft.rag().label())
			.field("Note", before.note(), draft.note());
		if (!diff.empty()) {
			changes.record(site.id(), null, Subject.MILESTONE, String.valueOf(id), draft.title(), "Changed", null, diff,
					user());
		}
	}

	// --- risks and issues -------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	List<Risk> risks(long siteId) {
		return jdbc.sql("select * from programme.risk where site_id = ? order by closed_on nulls first, raised_on, id")
			.param(siteId)
			.query((rs, row) -> new Risk(rs.getLong("id"), rs.getLong("site_id"), rs.getString("workstream_code"),
					RiskKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
					rs.getString("owner"), Rag.valueOf(rs.getString("rag")), rs.getString("mitigation"),
					rs.getObject("raised_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
					rs.getLong("version")))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<Risk> risk(long siteId, long id) {
		return risks(siteId).stream().filter(r -> r.id() == id).findFirst();
	}

	Risk addRisk(long siteId, RiskDraft draft) {
		ProgrammeSite site = editable(siteId);
		checkWorkstream(draft.workstreamCode());
		long id = jdbc.sql("""
				insert into programme.risk (site_id, workstream_code, kind, title, description, owner, rag, mitigation,
					raised_on, closed_on)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(siteId, draft.workstreamCode(), draft.kind().name(), draft.title(), draft.description(),
					draft.owner(), draft.rag().name(), draft.mitigation(), calendar.today(), draft.closedOn())
			.query(Long.class)
			.single();
		changes.record(site.id(), null, Subject.RISK, String.valueOf(id), draft.kind().label() + ": " + draft.title(),
				"Raised", null, new Diff().value("Owner", draft.owner(), true).value("RAG", draft.rag().label(), true),
				user());
		return risk(siteId, id).orElseThrow();
	}

	void editRisk(long siteId, long id, long expectedVersion, RiskDraft draft) {
		ProgrammeSite site = editable(siteId);
		checkWorkstream(draft.workstreamCode());
		Risk before = risk(siteId, id).orElseThrow(() -> new Refused(null, "No such risk or issue"));
		int updated = jdbc.sql("""
				update programme.risk set workstream_code = ?, kind = ?, title = ?, description = ?, owner = ?, rag = ?,
					mitigation = ?, closed_on = ?, version = version + 1
				where id = ? and site_id = ? and version = ?""")
			.params(draft.workstreamCode(), draft.kind().name(), draft.title(), draft.description(), draft.owner(),
					draft.rag().name(), draft.mitigation(), draft.closedOn(), id, siteId, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit();
		}
		Diff diff = new Diff().field("Kind", before.kind().label(), draft.kind().label())
			.field("Title", before.title(), draft.title())
			.field("Workstream", workstreamName(before.workstreamCode()), workstreamName(draft.workstreamCode()))
			.field("Description", before.description(), draft.description())
			.field("Owner", before.owner(), draft.owner())
			.field("RAG", before.rag().label(), draft.rag().label())
			.field("Mitigation", before.mitigation(), draft.mitigation())
			.field("Closed", ProgrammeViews.day(before.closedOn()), ProgrammeViews.day(draft.closedOn()));
		if (!diff.empty()) {
			changes.record(site.id(), null, Subject.RISK, String.valueOf(id), draft.kind().label() + ": " + draft.title(),
					"Changed", null, diff, user());
		}
	}

	// --- shared -----------------------------------------------------------------------------------------------

	@Nullable String workstreamName(@Nullable String code) {
		return code == null ? null : programme.workstream(code).map(Workstream::name).orElse(code);
	}

	private void checkWorkstream(@Nullable String code) {
		if (code != null && programme.workstream(code).isEmpty()) {
			throw new Refused("workstreamCode", "Choose a workstream from the list, or none");
		}
	}

	private ProgrammeSite editable(long siteId) {
		ProgrammeSite site = programme.site(siteId).orElseThrow(() -> new Refused(null, "No such site"));
		access.checkPlace(site.placeCode());
		Programme.checkNotRetired(site);
		return site;
	}

	private String user() {
		return access.user().username();
	}

}
