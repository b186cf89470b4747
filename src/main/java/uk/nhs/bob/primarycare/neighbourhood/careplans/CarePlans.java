package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.teams.MemberSummary;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRole;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Reading a person's care plan: checks that the user may (members of the person's INT, the person's practice, or
 * break-glass) and records the view in the audit log in the same transaction, so there is no read without an entry.
 */
@Component
public class CarePlans {

	/** Break-glass access lasts this long; then the user must give a reason again. */
	static final long BREAK_GLASS_HOURS = 12;

	public record Alert(long id, UUID requestId, String problem, boolean redFlag, Instant receivedAt,
			@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable String reference) {

		public boolean open() {
			return acknowledgedAt == null;
		}

		/** The problem as people read it ('Urinary symptoms (pain or burning when peeing)'), not its code. */
		public String problemLabel() {
			return problemLabel(problem);
		}

		public static String problemLabel(String code) {
			return java.util.Arrays.stream(uk.nhs.bob.primarycare.triage.PresentingProblem.values())
				.filter(p -> p.name().equals(code))
				.findFirst()
				.map(uk.nhs.bob.primarycare.triage.PresentingProblem::label)
				.orElse(code);
		}

	}

	public record CvdFlag(BigDecimal qrisk3Score, boolean onLipidLowering, LocalDate foundOn, Instant receivedAt) {
	}

	/** One use of break-glass on this plan, with its review when there is one. */
	public record BreakGlass(String username, String reasonLabel, String reason, Instant accessedAt,
			@Nullable String reviewOutcome, @Nullable String reviewedBy) {
	}

	/**
	 * Everything the plan page shows, read in the view's transaction: immutable and public (no entity in it), so the
	 * page's expressions are compiled.
	 */
	public record PlanView(PlanEntry entry, PlanTeam team, PersonSummary person, PlanContent plan,
			Map<UUID, MemberSummary> members, List<Caseload.PlanVersion> history, List<Alert> alerts,
			List<CvdFlag> cvdFlags, List<BreakGlass> breakGlass, Optional<Candidates.Profile> profile,
			List<String> frailtyReasons, String access, boolean canEdit, List<PlanEntry> episodes) {

		public String memberName(@Nullable UUID id) {
			MemberSummary member = id == null ? null : members.get(id);
			return member == null ? "Not assigned" : member.describe();
		}

		public String owner(PlanContent.PlanAction action) {
			if (action.ownerMemberId() != null) {
				return memberName(action.ownerMemberId());
			}
			return action.ownerOrganisation() == null ? "" : action.ownerOrganisation();
		}

		public boolean overdue(PlanContent.PlanAction action) {
			return action.status().open() && action.dueDate().isBefore(LocalDate.now());
		}

		public long openAlerts() {
			return alerts.stream().filter(Alert::open).count();
		}

	}

	private final CaseloadEntryRepository entries;

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final TeamAccess access;

	private final PlanDocuments documents;

	private final Caseload caseload;

	private final Candidates candidates;

	private final Population population;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final PlanReads reads;

	CarePlans(CaseloadEntryRepository entries, TeamRepository teams, TeamMemberRepository members, TeamAccess access,
			PlanDocuments documents, Caseload caseload, Candidates candidates, Population population,
			AuditLog auditLog, JdbcClient jdbc, PlanReads reads) {
		this.entries = entries;
		this.teams = teams;
		this.members = members;
		this.access = access;
		this.documents = documents;
		this.caseload = caseload;
		this.candidates = candidates;
		this.population = population;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.reads = reads;
	}

	/**
	 * The plan of a caseload entry for this user, audited as a view on {@code page}; empty if there is no such
	 * entry; {@link RefusedAccess} (already in the audit log) if the user may not see it. Break-glass access counts
	 * only {@code onScreen}: an API never opens a plan through it.
	 */
	@Transactional
	Optional<PlanView> view(UUID entryId, StaffUser user, String page, boolean onScreen) {
		Optional<PlanReads.EntryRead> found = reads.entry(entryId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		PlanReads.EntryRead read = found.get();
		PlanEntry entry = read.entry();
		PlanTeam team = read.team();
		NhsNumber nhsNumber = entry.nhsNumber();
		// the member list is read once: for the access rule, the edit right and the names on the page
		List<MemberSummary> teamList = reads.members(team.id());
		Optional<TeamRole> role = TeamAccess.listedAs(user, teamList).map(MemberSummary::teamRole);
		Optional<TeamAccess.Access> granted = access.readAccess(user, entryId, read.practice(), onScreen,
				role.orElse(null));
		if (granted.isEmpty()) {
			String why = "Not a member of " + team.name() + " or the person's practice";
			auditLog.recordRefusal(user.username(), nhsNumber, null, page, "Refused: " + why);
			throw new RefusedAccess(why, nhsNumber, null, true);
		}
		String reason = granted.get().purpose();
		PersonSummary person = population.find(nhsNumber).orElseThrow();
		if (granted.get().breakGlass()) {
			auditLog.recordBreakGlassView(user.username(), nhsNumber, page, reason);
		}
		else {
			auditLog.recordView(user.username(), nhsNumber, page, reason);
		}
		Map<UUID, MemberSummary> teamMembers = new LinkedHashMap<>();
		teamList.forEach(m -> teamMembers.put(m.id(), m));
		Optional<Candidates.Profile> profile = candidates.profile(team.siteCode(), nhsNumber);
		return Optional.of(new PlanView(entry, team, person, read.plan(), teamMembers,
				reads.history(entryId, entry.version()),
				read.counts().alerts() == 0 ? List.of() : alerts(entryId),
				read.counts().cvdFlags() == 0 ? List.of() : cvdFlags(entryId),
				read.counts().breakGlass() == 0 ? List.of() : breakGlass(entryId), profile,
				profile.map(candidates::reasons).orElse(List.of()), reason, TeamAccess.edits(role.orElse(null)),
				read.episodes()));
	}

	/** A team's caseload page: the team, its members (for the keyworker filter) and the rows shown. */
	public record CaseloadPage(Team team, List<TeamMember> members, List<CaseloadRow> rows) {
	}

	/** The caseload of the team at {@code siteCode} for one of its members, filtered as {@link #caseload} is. */
	@Transactional
	public CaseloadPage caseload(String siteCode, StaffUser user, @Nullable CaseloadStatus status, @Nullable String keyworker,
			boolean overdueOnly) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow();
		List<TeamMember> teamList = members.findByTeamIdOrderByName(team.getId());
		return new CaseloadPage(team, teamList, caseload(team, teamList, user, status, keyworker, overdueOnly,
				"/neighbourhood/teams/" + team.getSiteCode() + "/caseload"));
	}

	/** A member's own work page: the team and their work in it. */
	public record MyWorkPage(Team team, MyWork work) {
	}

	/** The member's own work in the team at {@code siteCode}, as {@link #myWork(Team, StaffUser, String)} has it. */
	@Transactional
	public MyWorkPage myWork(String siteCode, StaffUser user) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow();
		return new MyWorkPage(team, myWork(team, user, "/neighbourhood/teams/" + team.getSiteCode() + "/my-work"));
	}

	/** One stored version of a plan, with what was proposed and not kept when it was merged. */
	record VersionPage(PlanView view, Caseload.StoredVersion stored, List<PlanDiff.Row> proposedDiff) {
	}

	/** Two stored versions of a plan side by side. */
	record ComparePage(PlanView view, Caseload.StoredVersion older, Caseload.StoredVersion newer,
			List<PlanDiff.Row> rows) {
	}

	/** A stored version of the plan, read as the plan is (checked and audited); empty when there is no such version. */
	@Transactional
	Optional<VersionPage> version(UUID entryId, long number, StaffUser user) {
		return view(entryId, user, "INT care plan version", true).flatMap(view -> caseload.storedVersion(entryId, number)
			.map(stored -> new VersionPage(view, stored, stored.proposed() == null ? List.of()
					: PlanDiff.between(stored.snapshot(), stored.proposed(), view::memberName))));
	}

	/** Two stored versions compared, read as the plan is; empty when either is not there. */
	@Transactional
	Optional<ComparePage> compare(UUID entryId, long older, long newer, StaffUser user) {
		Optional<PlanView> view = view(entryId, user, "INT care plan versions compared", true);
		Optional<Caseload.StoredVersion> a = view.flatMap(v -> caseload.storedVersion(entryId, older));
		Optional<Caseload.StoredVersion> b = a.flatMap(v -> caseload.storedVersion(entryId, newer));
		return b.map(newerVersion -> new ComparePage(view.get(), a.get(), newerVersion,
				PlanDiff.between(a.get().snapshot(), newerVersion.snapshot(), view.get()::memberName)));
	}

	/** One row of the caseload list. */
	record CaseloadRow(CaseloadEntry entry, String name, NhsNumber nhsNumber, int age, String keyworker,
			boolean overdue, long openAlerts) {
	}

	/**
	 * A team's caseload for one of its members ({@code teamList}: the team's member list, read once by the caller),
	 * filtered (no status: every open entry) and in working order
	 * (overdue reviews, then open alerts, then next review date, then name); each person shown is audited in the
	 * same transaction as the read.
	 */
	@Transactional
	public List<CaseloadRow> caseload(Team team, List<TeamMember> teamList, StaffUser user, @Nullable CaseloadStatus status,
			@Nullable String keyworker, boolean overdueOnly, String page) {
		if (TeamAccess.membership(user, teamList).isEmpty()) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only members of " + team.getName() + " may do this");
		}
		LocalDate today = LocalDate.now();
		Map<UUID, TeamMember> teamMembers = teamList.stream()
			.collect(java.util.stream.Collectors.toMap(TeamMember::getId, m -> m));
		Map<UUID, Long> alerts = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT a.caseload_entry_id, count(*) FROM neighbourhood.keyworker_alert a
				JOIN neighbourhood.caseload_entry e ON e.id = a.caseload_entry_id
				WHERE e.team_id = ? AND a.acknowledged_at IS NULL GROUP BY a.caseload_entry_id""")
			.param(team.getId())
			.query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list()
			.forEach(alert -> alerts.put(alert.getKey(), alert.getValue()));
		List<CaseloadEntry> wanted = entries.findByTeamId(team.getId())
			.stream()
			.filter(entry -> status == null ? entry.getStatus().open() : entry.getStatus() == status)
			.filter(entry -> keyworker == null || keyworker.isBlank()
					|| String.valueOf(entry.getKeyworkerId()).equals(keyworker))
			.filter(entry -> !overdueOnly || entry.reviewOverdue(today))
			.toList();
		Map<NhsNumber, PersonSummary> people = new java.util.HashMap<>();
		population.findAll(wanted.stream().map(CaseloadEntry::getNhsNumber).toList())
			.forEach(person -> people.put(person.nhsNumber(), person));
		List<CaseloadRow> rows = new java.util.ArrayList<>();
		for (CaseloadEntry entry : wanted) {
			PersonSummary person = people.get(entry.getNhsNumber());
			if (person == null) {
				continue;
			}
			rows.add(new CaseloadRow(entry, person.displayName(), person.nhsNumber(), person.age(),
					Optional.ofNullable(entry.getKeyworkerId())
						.map(teamMembers::get)
						.map(TeamMember::getName)
						.orElse("Not assigned"),
					entry.reviewOverdue(today), alerts.getOrDefault(entry.getId(), 0L)));
		}
		rows.sort(java.util.Comparator.comparing((CaseloadRow r) -> !r.overdue())
			.thenComparing(r -> r.openAlerts() == 0)
			.thenComparing(r -> r.entry().getNextReviewDate() == null ? LocalDate.MAX : r.entry().getNextReviewDate())
			.thenComparing(CaseloadRow::name));
		auditLog.recordViews(user.username(),
				rows.stream().map(r -> r.entry().getNhsNumber()).toList(), page,
				"Direct care: INT caseload");
		return rows;
	}

	/** An open action a member owns on a person's plan. */
	record MyAction(CaseloadEntry entry, String name, PlanContent.PlanAction action, boolean overdue) {
	}

	/** A person whose review, with the member as keyworker, is due by the end of this week (or overdue). */
	record MyReview(CaseloadEntry entry, String name, boolean overdue) {
	}

	/** A member's own work in a team: their open actions, and the reviews they keyworker due this week. */
	record MyWork(TeamMember member, List<MyAction> actions, List<MyReview> reviews, LocalDate weekEnds) {
	}

	/**
	 * The signed-in member's open actions and this week's reviews (Monday to Sunday, overdue ones too), audited: one
	 * entry per person shown.
	 */
	@Transactional
	public MyWork myWork(Team team, StaffUser user, String page) {
		TeamMember me = access.membership(user, team)
			.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
					"Only members of " + team.getName() + " have work here"));
		LocalDate today = LocalDate.now();
		LocalDate weekEnds = today.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
		List<CaseloadEntry> open = entries.findByTeamId(team.getId()).stream().filter(e -> e.getStatus().open()).toList();
		Map<NhsNumber, PersonSummary> people = new java.util.HashMap<>();
		population.findAll(open.stream().map(CaseloadEntry::getNhsNumber).toList())
			.forEach(person -> people.put(person.nhsNumber(), person));
		List<MyAction> actions = new java.util.ArrayList<>();
		List<MyReview> reviews = new java.util.ArrayList<>();
		for (CaseloadEntry entry : open) {
			PersonSummary person = people.get(entry.getNhsNumber());
			if (person == null) {
				continue;
			}
			for (PlanContent.PlanAction action : documents.content(entry).actions()) {
				if (me.getId().equals(action.ownerMemberId()) && action.status().open()) {
					actions.add(new MyAction(entry, person.displayName(), action, action.dueDate().isBefore(today)));
				}
			}
			if (me.getId().equals(entry.getKeyworkerId()) && entry.getNextReviewDate() != null
					&& !entry.getNextReviewDate().isAfter(weekEnds)) {
				reviews.add(new MyReview(entry, person.displayName(), entry.reviewOverdue(today)));
			}
		}
		actions.sort(java.util.Comparator.comparing((MyAction a) -> a.action().dueDate()));
		reviews.sort(java.util.Comparator.comparing((MyReview r) -> r.entry().getNextReviewDate()));
		java.util.Set<NhsNumber> shown = new java.util.LinkedHashSet<>();
		actions.forEach(a -> shown.add(a.entry().getNhsNumber()));
		reviews.forEach(r -> shown.add(r.entry().getNhsNumber()));
		auditLog.recordViews(user.username(), List.copyOf(shown), page, "Direct care: INT member's own work");
		return new MyWork(me, actions, reviews, weekEnds);
	}

	/**
	 * The care plan ids of entries matching a FHIR search: the person (all when null), the statuses (all when empty)
	 * and last updated from {@code from} (inclusive) to {@code to} (exclusive), either open when null, most recently
	 * updated first, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	List<UUID> planIds(@Nullable NhsNumber nhsNumber, java.util.Set<CaseloadStatus> statuses, @Nullable Instant from,
			@Nullable Instant to, int limit) {
		StringBuilder sql = new StringBuilder("SELECT care_plan_id FROM neighbourhood.caseload_entry WHERE true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (nhsNumber != null) {
			sql.append(" AND nhs_number = :nhs");
			params.put("nhs", nhsNumber.value());
		}
		if (!statuses.isEmpty()) {
			sql.append(" AND status IN (:statuses)");
			params.put("statuses", statuses.stream().map(Enum::name).toList());
		}
		if (from != null) {
			sql.append(" AND updated_at >= :from");
			params.put("from", java.sql.Timestamp.from(from));
		}
		if (to != null) {
			sql.append(" AND updated_at < :to");
			params.put("to", java.sql.Timestamp.from(to));
		}
		sql.append(" ORDER BY updated_at DESC LIMIT :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(UUID.class).list();
	}

	/** The entry behind a care plan id (the id the events and the FHIR API use). */
	@Transactional(readOnly = true)
	Optional<UUID> entryOfPlan(UUID carePlanId) {
		return entries.findByCarePlanId(carePlanId).map(CaseloadEntry::getId);
	}

	/**
	 * Records break-glass access: audited, shown on the plan and on the review list of the person's Place, valid for
	 * {@link #BREAK_GLASS_HOURS} hours. {@link RefusedAccess} (already in the audit log) when the user may not use
	 * break-glass for this person.
	 */
	@Transactional
	void breakGlass(UUID entryId, StaffUser user, BreakGlassReason code, String reason) {
		CaseloadEntry entry = entries.findById(entryId).orElseThrow();
		NhsNumber nhsNumber = entry.getNhsNumber();
		Optional<String> refusal = access.breakGlassRefusal(user, entry);
		if (refusal.isPresent()) {
			auditLog.recordRefusal(user.username(), nhsNumber, null, "Care plan: break-glass access",
					"Refused break-glass: " + refusal.get());
			throw new RefusedAccess(refusal.get(), nhsNumber, null, true);
		}
		Instant now = Instant.now();
		jdbc.sql("""
				INSERT INTO neighbourhood.break_glass_access (caseload_entry_id, username, reason_code, reason,
				  accessed_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)""")
			.params(entryId, user.username(), code.name(), reason, Timestamp.from(now),
					Timestamp.from(now.plus(BREAK_GLASS_HOURS, ChronoUnit.HOURS)))
			.update();
		auditLog.recordBreakGlassView(user.username(), nhsNumber, "Care plan: break-glass access",
				"Break-glass: " + code.label() + ": " + reason);
	}

	/** Why the user may not use break-glass for this entry's person, or empty when they may. */
	@Transactional(readOnly = true)
	Optional<String> breakGlassRefusal(UUID entryId, StaffUser user) {
		return access.breakGlassRefusal(user, entries.findById(entryId).orElseThrow());
	}

	/**
	 * The person on a plan being edited, for the edit page and its conflict page: only for members of the team,
	 * audited in the same transaction as the read.
	 */
	@Transactional
	PersonSummary personForEdit(CaseloadEntry entry, StaffUser user, String page) {
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		NhsNumber nhsNumber = entry.getNhsNumber();
		if (!access.canEdit(user, team)) {
			throw new RefusedAccess("Only members of " + team.getName() + " change this plan", nhsNumber);
		}
		PersonSummary person = population.find(nhsNumber).orElseThrow();
		auditLog.recordView(user.username(), nhsNumber, page, "Direct care: INT member editing the care plan");
		return person;
	}

	/** Acknowledges an open alert of the entry; false when there is no such open alert (nothing changed). */
	@Transactional
	boolean acknowledgeAlert(UUID entryId, long alertId, String username) {
		return 1 == jdbc.sql("""
				UPDATE neighbourhood.keyworker_alert SET acknowledged_at = now(), acknowledged_by = ?
				WHERE id = ? AND caseload_entry_id = ? AND acknowledged_at IS NULL""")
			.params(username, alertId, entryId)
			.update();
	}

	List<Alert> alerts(UUID entryId) {
		return jdbc.sql("""
				SELECT id, request_id, problem, red_flag, received_at, acknowledged_at, acknowledged_by, reference
				FROM neighbourhood.keyworker_alert WHERE caseload_entry_id = ? ORDER BY received_at DESC""")
			.param(entryId)
			.query((rs, i) -> new Alert(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getBoolean(4), rs.getTimestamp(5).toInstant(),
					rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7),
					rs.getString(8)))
			.list();
	}

	List<CvdFlag> cvdFlags(UUID entryId) {
		return jdbc.sql("""
				SELECT qrisk3_score, on_lipid_lowering, found_on, received_at FROM neighbourhood.cvd_risk_flag
				WHERE caseload_entry_id = ? ORDER BY received_at DESC""")
			.param(entryId)
			.query((rs, i) -> new CvdFlag(rs.getBigDecimal(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	List<BreakGlass> breakGlass(UUID entryId) {
		return jdbc.sql("""
				SELECT username, reason_code, reason, accessed_at, review_outcome, reviewed_by
				FROM neighbourhood.break_glass_access WHERE caseload_entry_id = ? ORDER BY accessed_at DESC""")
			.param(entryId)
			.query((rs, i) -> new BreakGlass(rs.getString(1),
					BreakGlassReason.of(rs.getString(2)).map(BreakGlassReason::label).orElse(""), rs.getString(3),
					rs.getTimestamp(4).toInstant(),
					BreakGlassReview.of(rs.getString(5)).map(BreakGlassReview::label).orElse(null), rs.getString(6)))
			.list();
	}

}
