package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Closing the loop: the calls made to people about their requests (when, by whom, what happened), and the worklist of
 * completed requests whose follow-up date has come, until someone records the follow-up.
 */
@Component
class FollowUps {

	public record CallAttempt(long id, LocalDateTime calledAt, String calledBy, CallOutcome outcome, @Nullable String note) {
	}

	record DueRow(UUID id, String reference, String name, String problem, String disposition,
			@Nullable String serviceName, LocalDate followUpDate, long daysOverdue, @Nullable String phone,
			int callAttempts, String siteCode) {
	}

	private final TriageRequestRepository requests;

	private final JdbcClient jdbc;

	private final uk.nhs.bob.primarycare.audit.AuditLog auditLog;

	FollowUps(TriageRequestRepository requests, JdbcClient jdbc, uk.nhs.bob.primarycare.audit.AuditLog auditLog) {
		this.auditLog = auditLog;
		this.requests = requests;
		this.jdbc = jdbc;
	}

	@Transactional
	void recordCall(UUID id, StaffUser user, CallOutcome outcome, @Nullable String note) {
		TriageRequest request = inScope(id, user);
		jdbc.sql("""
				INSERT INTO triage.call_attempt (request_id, called_at, called_by, outcome, note)
				VALUES (?, ?, ?, ?, ?)""")
			.params(request.id(), java.sql.Timestamp.from(Instant.now()), user.username(), outcome.name(), note)
			.update();
	}

	@Transactional(readOnly = true)
	List<CallAttempt> calls(UUID id) {
		return jdbc.sql("""
				SELECT id, called_at, called_by, outcome, note FROM triage.call_attempt WHERE request_id = ?
				ORDER BY called_at, id""")
			.param(id)
			.query((rs, i) -> new CallAttempt(rs.getLong(1),
					LocalDateTime.ofInstant(rs.getTimestamp(2).toInstant(), ServiceDirectory.UK_TIME), rs.getString(3),
					CallOutcome.valueOf(rs.getString(4)), rs.getString(5)))
			.list();
	}

	/** Records that the follow-up of a completed request was done; false when someone else already did. */
	@Transactional
	boolean followedUp(UUID id, long version, StaffUser user, String note) {
		TriageRequest request = inScope(id, user);
		if (request.status() != TriageRequest.Status.COMPLETED || request.followUpDate() == null) {
			throw new TriageRequests.WrongStateException("Only a completed request with a follow-up date is followed up");
		}
		if (request.version() != version) {
			throw new TriageRequests.StaleRequestException();
		}
		if (request.followedUpAt() != null) {
			return false;
		}
		request.followedUp(user.username(), Instant.now(), note);
		requests.flush();
		return true;
	}

	/**
	 * Completed requests in the scope whose follow-up date is today or earlier and not yet followed up, the most
	 * overdue first. Each person shown is audited in the same transaction as the read, by NHS number or, without
	 * one, by the request's reference.
	 */
	@Transactional
	List<DueRow> due(OrganisationScope scope, @Nullable String siteCode, LocalDate today, String username,
			String page) {
		StringBuilder sql = new StringBuilder("""
				SELECT r.id, r.reference, r.given_name, r.family_name, r.problem, r.decided_disposition, r.service_name,
				       r.follow_up_date, r.contact_phone, r.site_code, r.nhs_number,
				       (SELECT count(*) FROM triage.call_attempt c WHERE c.request_id = r.id) AS calls
				FROM triage.request r
				WHERE r.status = 'COMPLETED' AND r.followed_up_at IS NULL AND r.follow_up_date <= ?""");
		List<Object> params = new java.util.ArrayList<>(List.of(today));
		switch (scope.level()) {
			case PLACE -> {
				sql.append(" AND r.place_code = ?");
				params.add(scope.code());
			}
			case SITE -> {
				sql.append(" AND r.site_code = ?");
				params.add(scope.code());
			}
			case PCN -> {
				return List.of();
			}
			case ICB -> {
			}
		}
		if (siteCode != null) {
			sql.append(" AND r.site_code = ?");
			params.add(siteCode);
		}
		sql.append(" ORDER BY r.follow_up_date, r.completed_at LIMIT 500");
		List<NhsNumber> numbers = new java.util.ArrayList<>();
		List<String> references = new java.util.ArrayList<>();
		List<DueRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
			if (rs.getString("nhs_number") != null) {
				numbers.add(new NhsNumber(rs.getString("nhs_number")));
			}
			else {
				references.add(rs.getString("reference"));
			}
			LocalDate date = rs.getObject("follow_up_date", LocalDate.class);
			return new DueRow(rs.getObject("id", UUID.class), rs.getString("reference"),
					rs.getString("family_name").toUpperCase(java.util.Locale.UK) + ", " + rs.getString("given_name"),
					PresentingProblem.valueOf(rs.getString("problem")).label(),
					Disposition.valueOf(rs.getString("decided_disposition")).label(), rs.getString("service_name"),
					date, java.time.temporal.ChronoUnit.DAYS.between(date, today), rs.getString("contact_phone"),
					rs.getInt("calls"), rs.getString("site_code"));
		}).list();
		String purpose = "Direct care: same-day follow-ups due";
		auditLog.recordViews(username, numbers, page, purpose);
		references.forEach(reference -> auditLog.recordRequestView(username, reference, page, purpose));
		return rows;
	}

	private TriageRequest inScope(UUID id, StaffUser user) {
		TriageRequest request = requests.findById(id)
			.orElseThrow(() -> new TriageRequests.WrongStateException("No such request"));
		if (!TriageRequests.canSee(user, request)) {
			throw new AccessDeniedException("Request outside your scope");
		}
		return request;
	}

}
