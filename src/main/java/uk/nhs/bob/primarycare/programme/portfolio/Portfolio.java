package uk.nhs.bob.primarycare.programme.portfolio;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.programme.ChangeLog.Diff;
import uk.nhs.bob.primarycare.programme.ChangeLog.Subject;
import uk.nhs.bob.primarycare.programme.ChangeLog;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeAccess;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;
import uk.nhs.bob.primarycare.programme.Refused;
import uk.nhs.bob.primarycare.programme.cohorts.Workstream;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;

/**
 * A site's portfolio for its Place board: milestones (due date, RAG status, completed or cancelled) and its log of
 * risks and issues (owner, RAG rating, actions, review date, closed with a reason). Only the site's Place delivery
 * team or an ICB administrator changes them; nothing is deleted, and every change is kept in the {@link ChangeLog}.
 */
@Component
@Transactional
public class Portfolio {

	public enum RiskKind {

		RISK("Risk"), ISSUE("Issue");

		private final String label;

		RiskKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Milestone(long id, long siteId, @Nullable String workstreamCode, String title, LocalDate dueOn, Rag rag,
			String note, @Nullable LocalDate completedOn, @Nullable LocalDate cancelledOn,
			@Nullable String cancelledBy, @Nullable String cancelledReason, long version) {

		boolean open() {
			return completedOn == null && cancelledOn == null;
		}

		/** Open and past its due date: shown as overdue whatever its RAG status says. */
		boolean overdue(LocalDate today) {
			return open() && dueOn.isBefore(today);
		}

	}

	public record MilestoneDraft(@Nullable String workstreamCode, String title, LocalDate dueOn, Rag rag, String note,
			@Nullable LocalDate completedOn) {
	}

	public record Risk(long id, long siteId, @Nullable String workstreamCode, RiskKind kind, String title,
			String description, Rag rag, String owner, String actions, @Nullable LocalDate reviewOn,
			LocalDate raisedOn, String raisedBy, @Nullable LocalDate closedOn, @Nullable String closedBy,
			@Nullable String closedReason, long version) {

		boolean open() {
			return closedOn == null;
		}

	}

	public record RiskDraft(@Nullable String workstreamCode, RiskKind kind, String title, String description, Rag rag,
			String owner, String actions, @Nullable LocalDate reviewOn) {
	}

	private final JdbcClient jdbc;

	private final Programme programme;

	private final ChangeLog changes;

	private final ProgrammeAccess access;

	private final ProgrammeCalendar calendar;

	Portfolio(JdbcClient jdbc, Programme programme, ChangeLog changes, ProgrammeAccess access,
			ProgrammeCalendar calendar) {
		this.jdbc = jdbc;
		this.programme = programme;
		this.changes = changes;
		this.access = access;
		this.calendar = calendar;
	}

	// --- milestones -------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<Milestone> milestones(long siteId) {
		return milestones(List.of(siteId)).getOrDefault(siteId, List.of());
	}

	/** The milestones of some sites, by site id, each site's by due date. */
	@Transactional(readOnly = true)
	public Map<Long, List<Milestone>> milestones(Collection<Long> siteIds) {
		if (siteIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from programme.milestone where site_id = any(?) order by due_on, id")
			.param(new SqlArrayValue("bigint", siteIds.toArray()))
			.query((rs, row) -> new Milestone(rs.getLong("id"), rs.getLong("site_id"), rs.getString("workstream_code"),
					rs.getString("title"), rs.getObject("due_on", LocalDate.class), Rag.valueOf(rs.getString("rag")),
					rs.getString("note"), rs.getObject("completed_on", LocalDate.class),
					rs.getObject("cancelled_on", LocalDate.class), rs.getString("cancelled_by"),
					rs.getString("cancelled_reason"), rs.getLong("version")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Milestone::siteId));
	}

	@Transactional(readOnly = true)
	Optional<Milestone> milestone(long siteId, long milestoneId) {
		return milestones(siteId).stream().filter(m -> m.id() == milestoneId).findFirst();
	}

	public Milestone addMilestone(long siteId, MilestoneDraft draft) {
		ProgrammeSite site = editable(siteId);
		check(site, draft.workstreamCode(), draft.completedOn(), "completedDay");
		long id = jdbc.sql("""
				insert into programme.milestone (site_id, workstream_code, title, due_on, rag, note, completed_on,
					created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(siteId, draft.workstreamCode(), draft.title(), draft.dueOn(), draft.rag().name(), draft.note(),
					draft.completedOn(), user())
			.query(Long.class)
			.single();
		changes.record(siteId, null, Subject.MILESTONE, String.valueOf(id), draft.title(), "Added", null,
				new Diff().value("Workstream", workstreamName(draft.workstreamCode()), true)
					.value("Due", ProgrammeViews.day(draft.dueOn()), true)
					.value("RAG", draft.rag().label(), true)
					.value("Completed", ProgrammeViews.day(draft.completedOn()), true)
					.value("Note", draft.note(), true),
				user());
		return milestone(siteId, id).orElseThrow();
	}

	void editMilestone(long siteId, long milestoneId, long expectedVersion, MilestoneDraft draft) {
		ProgrammeSite site = editable(siteId);
		Milestone before = milestone(siteId, milestoneId)
			.orElseThrow(() -> new Refused(null, "There is no such milestone for this site"));
		if (before.cancelledOn() != null) {
			throw new Refused(null, "This milestone was cancelled: it can no longer be changed");
		}
		Programme.checkVersion(before.version(), expectedVersion);
		check(site, draft.workstreamCode(), draft.completedOn(), "completedDay");
		int updated = jdbc.sql("""
				update programme.milestone set workstream_code = ?, title = ?, due_on = ?, rag = ?, note = ?,
					completed_on = ?, version = version + 1
				where id = ? and site_id = ? and version = ?""")
			.params(draft.workstreamCode(), draft.title(), draft.dueOn(), draft.rag().name(), draft.note(),
					draft.completedOn(), milestoneId, siteId, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit(null);
		}
		Diff diff = new Diff().field("Title", before.title(), draft.title())
			.field("Workstream", workstreamName(before.workstreamCode()), workstreamName(draft.workstreamCode()))
			.field("Due", ProgrammeViews.day(before.dueOn()), ProgrammeViews.day(draft.dueOn()))
			.field("RAG", before.rag().label(), draft.rag().label())
			.field("Completed", ProgrammeViews.day(before.completedOn()), ProgrammeViews.day(draft.completedOn()))
			.field("Note", before.note(), draft.note());
		if (!diff.empty()) {
			changes.record(siteId, null, Subject.MILESTONE, String.valueOf(milestoneId), draft.title(), "Changed", null,
					diff, user());
		}
	}

	/** A milestone that no longer applies: kept, shown as cancelled with the reason. */
	void cancelMilestone(long siteId, long milestoneId, long expectedVersion, String reason) {
		editable(siteId);
		Milestone before = milestone(siteId, milestoneId)
			.orElseThrow(() -> new Refused(null, "There is no such milestone for this site"));
		if (!before.open()) {
			throw new Refused(null, "This milestone is already " + (before.cancelledOn() != null ? "cancelled" : "complete"));
		}
		Programme.checkVersion(before.version(), expectedVersion);
		int updated = jdbc.sql("""
				update programme.milestone set cancelled_on = ?, cancelled_by = ?, cancelled_reason = ?,
					version = version + 1
				where id = ? and site_id = ? and version = ?""")
			.params(calendar.today(), user(), reason, milestoneId, siteId, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit(null);
		}
		changes.record(siteId, null, Subject.MILESTONE, String.valueOf(milestoneId), before.title(), "Cancelled",
				reason, new Diff(), user());
	}

	// --- risks and issues -------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<Risk> risks(long siteId) {
		return risks(List.of(siteId)).getOrDefault(siteId, List.of());
	}

	/** The risks and issues of some sites, by site id, each site's open ones first, the worst first. */
	@Transactional(readOnly = true)
	public Map<Long, List<Risk>> risks(Collection<Long> siteIds) {
		if (siteIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select * from programme.risk where site_id = any(?)
				order by closed_on nulls first, case rag when 'RED' then 0 when 'AMBER' then 1 else 2 end, id""")
			.param(new SqlArrayValue("bigint", siteIds.toArray()))
			.query((rs, row) -> new Risk(rs.getLong("id"), rs.getLong("site_id"), rs.getString("workstream_code"),
					RiskKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
					Rag.valueOf(rs.getString("rag")), rs.getString("owner"), rs.getString("actions"),
					rs.getObject("review_on", LocalDate.class), rs.getObject("raised_on", LocalDate.class),
					rs.getString("raised_by"), rs.getObject("closed_on", LocalDate.class), rs.getString("closed_by"),
					rs.getString("closed_reason"), rs.getLong("version")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Risk::siteId));
	}

	@Transactional(readOnly = true)
	Optional<Risk> risk(long siteId, long riskId) {
		return risks(siteId).stream().filter(r -> r.id() == riskId).findFirst();
	}

	public Risk addRisk(long siteId, RiskDraft draft) {
		ProgrammeSite site = editable(siteId);
		check(site, draft.workstreamCode(), null, null);
		long id = jdbc.sql("""
				insert into programme.risk (site_id, workstream_code, kind, title, description, rag, owner, actions,
					review_on, raised_on, raised_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(siteId, draft.workstreamCode(), draft.kind().name(), draft.title(), draft.description(),
					draft.rag().name(), draft.owner(), draft.actions(), draft.reviewOn(), calendar.today(), user())
			.query(Long.class)
			.single();
		changes.record(siteId, null, Subject.RISK, String.valueOf(id), draft.kind().label() + ": " + draft.title(),
				"Raised", null,
				new Diff().value("Workstream", workstreamName(draft.workstreamCode()), true)
					.value("RAG", draft.rag().label(), true)
					.value("Owner", draft.owner(), true)
					.value("Description", draft.description(), true)
					.value("Actions", draft.actions(), true)
					.value("Review by", ProgrammeViews.day(draft.reviewOn()), true),
				user());
		return risk(siteId, id).orElseThrow();
	}

	void editRisk(long siteId, long riskId, long expectedVersion, RiskDraft draft) {
		ProgrammeSite site = editable(siteId);
		Risk before = risk(siteId, riskId).orElseThrow(() -> new Refused(null, "There is no such risk or issue for this site"));
		if (!before.open()) {
			throw new Refused(null, "This " + before.kind().label().toLowerCase(java.util.Locale.UK)
					+ " was closed: it can no longer be changed");
		}
		Programme.checkVersion(before.version(), expectedVersion);
		check(site, draft.workstreamCode(), null, null);
		int updated = jdbc.sql("""
				update programme.risk set workstream_code = ?, kind = ?, title = ?, description = ?, rag = ?, owner = ?,
					actions = ?, review_on = ?, version = version + 1
				where id = ? and site_id = ? and version = ?""")
			.params(draft.workstreamCode(), draft.kind().name(), draft.title(), draft.description(), draft.rag().name(),
					draft.owner(), draft.actions(), draft.reviewOn(), riskId, siteId, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit(null);
		}
		Diff diff = new Diff().field("Kind", before.kind().label(), draft.kind().label())
			.field("Title", before.title(), draft.title())
			.field("Workstream", workstreamName(before.workstreamCode()), workstreamName(draft.workstreamCode()))
			.field("RAG", before.rag().label(), draft.rag().label())
			.field("Owner", before.owner(), draft.owner())
			.field("Description", before.description(), draft.description())
			.field("Actions", before.actions(), draft.actions())
			.field("Review by", ProgrammeViews.day(before.reviewOn()), ProgrammeViews.day(draft.reviewOn()));
		if (!diff.empty()) {
			changes.record(siteId, null, Subject.RISK, String.valueOf(riskId), draft.kind().label() + ": " + draft.title(),
					"Changed", null, diff, user());
		}
	}

	void closeRisk(long siteId, long riskId, long expectedVersion, String reason) {
		editable(siteId);
		Risk before = risk(siteId, riskId).orElseThrow(() -> new Refused(null, "There is no such risk or issue for this site"));
		if (!before.open()) {
			throw new Refused(null, "This " + before.kind().label().toLowerCase(java.util.Locale.UK) + " is already closed");
		}
		Programme.checkVersion(before.version(), expectedVersion);
		int updated = jdbc.sql("""
				update programme.risk set closed_on = ?, closed_by = ?, closed_reason = ?, version = version + 1
				where id = ? and site_id = ? and version = ?""")
			.params(calendar.today(), user(), reason, riskId, siteId, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit(null);
		}
		changes.record(siteId, null, Subject.RISK, String.valueOf(riskId), before.kind().label() + ": " + before.title(),
				"Closed", reason, new Diff(), user());
	}

	// --- rules ------------------------------------------------------------------------------------------------

	/** A workstream, when named, must be one the site works on; a completion date cannot be in the future. */
	private void check(ProgrammeSite site, @Nullable String workstreamCode, @Nullable LocalDate completedOn,
			@Nullable String completedField) {
		if (workstreamCode != null && programme.project(site.id(), workstreamCode).isEmpty()) {
			throw new Refused("workstream", site.name() + " does not work on that workstream: choose one of its "
					+ "workstreams, or none for the whole site");
		}
		if (completedOn != null && completedOn.isAfter(calendar.today())) {
			throw new Refused(completedField, "The completion date cannot be in the future");
		}
	}

	@Nullable String workstreamName(@Nullable String code) {
		return code == null ? null : programme.workstream(code).map(Workstream::name).orElse(code);
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
