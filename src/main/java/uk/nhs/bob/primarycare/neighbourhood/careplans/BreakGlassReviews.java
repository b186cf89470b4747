package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AdminAction;
import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The review of break-glass: every use appears on the list of the clinical supervisors whose scope covers the
 * person's registered practice (the supervisors of that Place), who mark it appropriate or to investigate. A
 * supervisor never reviews their own use. The list names the person, so each person shown is audited.
 */
@Component
class BreakGlassReviews {

	/** Reviewed uses stay on the list this long, for the record. */
	static final int REVIEWED_DAYS_SHOWN = 90;

	/** One use of break-glass as the review list shows it. */
	record Use(long id, UUID entryId, String username, String reasonLabel, String reason, Instant accessedAt,
			NhsNumber nhsNumber, String practiceName, @Nullable String reviewOutcome, @Nullable String reviewedBy,
			@Nullable Instant reviewedAt, @Nullable String reviewNote, boolean ownUse) {

		public boolean reviewed() {
			return reviewOutcome != null;
		}

	}

	private final JdbcClient jdbc;

	private final Directory directory;

	private final AuditLog auditLog;

	BreakGlassReviews(JdbcClient jdbc, Directory directory, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.auditLog = auditLog;
	}

	static boolean isReviewer(StaffUser user) {
		return user.hasRole(Role.CLINICAL_SUPERVISOR);
	}

	/**
	 * Uses within the supervisor's scope: those to review (oldest first), then those reviewed in the last
	 * {@value #REVIEWED_DAYS_SHOWN} days (newest first). Each person shown is audited.
	 */
	@Transactional
	List<Use> list(StaffUser supervisor, String page) {
		if (!isReviewer(supervisor)) {
			throw new RefusedAccess("Only clinical supervisors review break-glass", null, null, false);
		}
		Map<String, PracticeSummary> practices = directory.practices()
			.stream()
			.collect(Collectors.toMap(p -> p.odsCode().value(), Function.identity()));
		List<Use> uses = jdbc.sql("""
				SELECT b.id, b.caseload_entry_id, b.username, b.reason_code, b.reason, b.accessed_at, e.nhs_number,
				       e.practice_code, b.review_outcome, b.reviewed_by, b.reviewed_at, b.review_note
				FROM neighbourhood.break_glass_access b
				JOIN neighbourhood.caseload_entry e ON e.id = b.caseload_entry_id
				WHERE b.reviewed_at IS NULL OR b.reviewed_at > ?
				ORDER BY b.reviewed_at IS NOT NULL, CASE WHEN b.reviewed_at IS NULL THEN b.accessed_at END,
				         b.reviewed_at DESC""")
			.param(Timestamp.from(Instant.now().minus(REVIEWED_DAYS_SHOWN, ChronoUnit.DAYS)))
			.query((rs, i) -> {
				PracticeSummary practice = practices.get(rs.getString("practice_code"));
				if (practice == null || !supervisor.canSee(practice)) {
					return null;
				}
				return new Use(rs.getLong("id"), rs.getObject("caseload_entry_id", UUID.class),
						rs.getString("username"),
						BreakGlassReason.of(rs.getString("reason_code")).map(BreakGlassReason::label).orElse(""),
						rs.getString("reason"), rs.getTimestamp("accessed_at").toInstant(),
						new NhsNumber(rs.getString("nhs_number")),
						practice.name(),
						BreakGlassReview.of(rs.getString("review_outcome")).map(BreakGlassReview::label).orElse(null),
						rs.getString("reviewed_by"),
						rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
						rs.getString("review_note"), rs.getString("username").equalsIgnoreCase(supervisor.username()));
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		auditLog.recordViews(supervisor.username(), uses.stream().map(Use::nhsNumber).toList(),
				page, "Clinical governance: break-glass review");
		return uses;
	}

	/** Why the review cannot be saved, if it cannot. */
	enum Problem {

		NOT_FOUND, ALREADY_REVIEWED, OWN_USE

	}

	/**
	 * Marks a use reviewed. Empty when done; otherwise why not. {@link RefusedAccess} when the use is outside the
	 * supervisor's scope.
	 */
	@Transactional
	Optional<Problem> review(long id, StaffUser supervisor, BreakGlassReview outcome, String note) {
		if (!isReviewer(supervisor)) {
			throw new RefusedAccess("Only clinical supervisors review break-glass", null, null, false);
		}
		record Found(String username, OdsCode practiceCode, NhsNumber nhsNumber, boolean reviewed) {
		}
		Optional<Found> found = jdbc.sql("""
				SELECT b.username, e.practice_code, e.nhs_number, b.reviewed_at IS NOT NULL
				FROM neighbourhood.break_glass_access b
				JOIN neighbourhood.caseload_entry e ON e.id = b.caseload_entry_id WHERE b.id = ? FOR UPDATE OF b""")
			.param(id)
			.query((rs, i) -> new Found(rs.getString(1), new OdsCode(rs.getString(2)),
					new NhsNumber(rs.getString(3)), rs.getBoolean(4)))
			.optional();
		if (found.isEmpty()) {
			return Optional.of(Problem.NOT_FOUND);
		}
		Optional<PracticeSummary> practice = directory.practice(found.get().practiceCode());
		if (practice.isEmpty() || !supervisor.canSee(practice.get())) {
			throw new RefusedAccess("This break-glass use is outside your scope",
					found.get().nhsNumber(), null, false);
		}
		if (found.get().username().equalsIgnoreCase(supervisor.username())) {
			return Optional.of(Problem.OWN_USE);
		}
		if (found.get().reviewed()) {
			return Optional.of(Problem.ALREADY_REVIEWED);
		}
		jdbc.sql("""
				UPDATE neighbourhood.break_glass_access
				SET reviewed_by = ?, reviewed_at = ?, review_outcome = ?, review_note = ? WHERE id = ?""")
			.params(supervisor.username(), Timestamp.from(Instant.now()), outcome.name(), note, id)
			.update();
		auditLog.recordAdminAction(supervisor.username(), AdminAction.BREAK_GLASS_REVIEWED,
				"Break-glass by " + found.get().username() + " on NHS number " + found.get().nhsNumber().value(),
				outcome.label() + (note.isBlank() ? "" : ": " + note));
		return Optional.empty();
	}

}
