package uk.nhs.bob.primarycare.neighbourhood;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Reading a person's care plan: checks that the user may (members of the person's INT, the person's practice, or
 * break-glass) and records the view in the audit log in the same transaction, so there is no read without an entry.
 */
@Component
class CarePlans {

	/** Break-glass access lasts this long; then the user must give a reason again. */
	static final long BREAK_GLASS_HOURS = 12;

	record Alert(long id, UUID requestId, String problem, boolean redFlag, Instant receivedAt,
			@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable String reference) {

		public boolean open() {
			return acknowledgedAt == null;
		}

		/** The problem as people read it ('Urinary symptoms (pain or burning when peeing)'), not its code. */
		public String problemLabel() {
			return problemLabel(problem);
		}

		static String problemLabel(String code) {
			return java.util.Arrays.stream(uk.nhs.bob.primarycare.triage.PresentingProblem.values())
				.filter(p -> p.name().equals(code))
				.findFirst()
				.map(uk.nhs.bob.primarycare.triage.PresentingProblem::label)
				.orElse(code);
		}

	}

	record CvdFlag(BigDecimal qrisk3Score, boolean onLipidLowering, LocalDate foundOn, Instant receivedAt) {
	}

	record BreakGlass(String username, String reason, Instant accessedAt) {
	}

	/** Everything the plan page shows. */
	record PlanView(CaseloadEntry entry, Team team, PersonSummary person, PlanContent plan,
			Map<UUID, TeamMember> members, List<Caseload.PlanVersion> history, List<Alert> alerts,
			List<CvdFlag> cvdFlags, List<BreakGlass> breakGlass, Optional<Candidates.Profile> profile,
			List<String> frailtyReasons, String access, boolean canEdit) {

		public String memberName(@Nullable UUID id) {
			TeamMember member = id == null ? null : members.get(id);
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

	CarePlans(CaseloadEntryRepository entries, TeamRepository teams, TeamMemberRepository members, TeamAccess access,
			PlanDocuments documents, Caseload caseload, Candidates candidates, Population population,
			AuditLog auditLog, JdbcClient jdbc) {
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
	}

	/**
	 * The plan of a caseload entry for this user, audited as a view on {@code page}; empty if there is no such
	 * entry; {@link AccessDeniedException} if the user may not see it.
	 */
	@Transactional
	Optional<PlanView> view(UUID entryId, StaffUser user, String page) {
		Optional<CaseloadEntry> found = entries.findById(entryId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		CaseloadEntry entry = found.get();
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		String reason = access.readAccess(user, team, entry)
			.orElseThrow(() -> new AccessDeniedException("Not a member of " + team.getName()));
		NhsNumber nhsNumber = new NhsNumber(entry.getNhsNumber());
		PersonSummary person = population.find(nhsNumber).orElseThrow();
		auditLog.recordView(user.username(), nhsNumber, page, reason);
		Map<UUID, TeamMember> teamMembers = new LinkedHashMap<>();
		members.findAll()
			.stream()
			.filter(m -> m.getTeamId().equals(team.getId()))
			.sorted(java.util.Comparator.comparing(TeamMember::getName))
			.forEach(m -> teamMembers.put(m.getId(), m));
		Optional<Candidates.Profile> profile = candidates.profile(team, entry.getNhsNumber());
		return Optional.of(new PlanView(entry, team, person, documents.content(entry), teamMembers,
				caseload.history(entryId), alerts(entryId), cvdFlags(entryId), breakGlass(entryId), profile,
				profile.map(candidates::reasons).orElse(List.of()), reason, access.canEdit(user, team)));
	}

	/** The entry behind a care plan id (the id the events and the FHIR API use). */
	@Transactional(readOnly = true)
	Optional<UUID> entryOfPlan(UUID carePlanId) {
		return entries.findByCarePlanId(carePlanId).map(CaseloadEntry::getId);
	}

	/** Records break-glass access: audited, shown on the plan, valid for {@link #BREAK_GLASS_HOURS} hours. */
	@Transactional
	void breakGlass(UUID entryId, StaffUser user, String reason) {
		CaseloadEntry entry = entries.findById(entryId).orElseThrow();
		Instant now = Instant.now();
		jdbc.sql("""
				INSERT INTO neighbourhood.break_glass_access (caseload_entry_id, username, reason, accessed_at,
				  expires_at) VALUES (?, ?, ?, ?, ?)""")
			.params(entryId, user.username(), reason, Timestamp.from(now),
					Timestamp.from(now.plus(BREAK_GLASS_HOURS, ChronoUnit.HOURS)))
			.update();
		auditLog.recordView(user.username(), new NhsNumber(entry.getNhsNumber()), "Care plan: break-glass access",
				"Break-glass: " + reason);
	}

	@Transactional
	void acknowledgeAlert(UUID entryId, long alertId, String username) {
		jdbc.sql("""
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
				SELECT username, reason, accessed_at FROM neighbourhood.break_glass_access
				WHERE caseload_entry_id = ? ORDER BY accessed_at DESC""")
			.param(entryId)
			.query((rs, i) -> new BreakGlass(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

}
