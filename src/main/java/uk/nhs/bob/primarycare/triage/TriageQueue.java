package uk.nhs.bob.primarycare.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Pagination;

/**
 * The lists staff work from: a hub's open requests (most urgent first, then longest waiting) and the clinical
 * supervisor's queue. Read with one query each, so a hub with hundreds of open requests stays quick.
 */
@Component
@Transactional(readOnly = true)
class TriageQueue {

	/** Minutes a request may wait for a decision, by urgency (1 emergency, 2 same day, 3 other): then it is overdue. */
	static int targetMinutes(int urgency) {
		return switch (urgency) {
			case 1 -> 15;
			case 2 -> 60;
			default -> 240;
		};
	}

	record QueueRow(UUID id, String reference, String name, int ageYears, String problem, String suggested,
			int urgency, boolean redFlag, Instant receivedAt, long waitingMinutes, boolean overdue,
			@Nullable String claimedBy, String status, @Nullable String supervisionReason, String channel,
			String siteCode, @Nullable String nhsNumber) {

		/** '2 h 05 min' or '12 min'. */
		public String waiting() {
			return waitingMinutes >= 60 ? (waitingMinutes / 60) + " h " + String.format("%02d", waitingMinutes % 60)
					+ " min" : waitingMinutes + " min";
		}

	}

	private static final String SELECT = """
			SELECT id, reference, given_name, family_name, age_years, problem, suggested_disposition, urgency,
			       red_flag, received_at, claimed_by, status, supervision_reason, channel, site_code, nhs_number
			FROM triage.request
			""";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	TriageQueue(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/** One page of a hub's queue, with the counts of the whole queue. */
	record OpenPage(List<QueueRow> rows, Pagination pagination, int openCount, long overdueCount) {
	}

	/**
	 * One page of a hub's open requests for a member of staff: each person shown is audited in the same transaction
	 * as the read, by NHS number or, without one, by the request's reference.
	 */
	@Transactional
	OpenPage open(String siteCode, int requestedPage, int pageSize, IntFunction<String> pageUrl, String username,
			String page) {
		List<QueueRow> all = open(siteCode);
		Pagination pagination = Pagination.of(requestedPage, all.size(), pageSize, pageUrl);
		List<QueueRow> shown = pagination.itemsOf(all);
		audit(shown, username, page, "Direct care: same-day request queue");
		return new OpenPage(shown, pagination, all.size(), all.stream().filter(QueueRow::overdue).count());
	}

	/** The supervision queue for a supervisor, each person shown audited in the same transaction as the read. */
	@Transactional
	List<QueueRow> supervision(OrganisationScope scope, String username, String page) {
		List<QueueRow> rows = supervision(scope);
		audit(rows, username, page, "Clinical supervision: same-day requests");
		return rows;
	}

	private void audit(List<QueueRow> rows, String username, String page, String purpose) {
		for (QueueRow row : rows) {
			if (row.nhsNumber() != null) {
				auditLog.recordView(username, new NhsNumber(row.nhsNumber()), page, purpose);
			}
			else {
				auditLog.recordRequestView(username, row.reference(), page, purpose);
			}
		}
	}

	/** A hub's requests not yet completed. */
	List<QueueRow> open(String siteCode) {
		Instant now = Instant.now();
		return jdbc.sql(SELECT + " WHERE site_code = ? AND status <> 'COMPLETED' ORDER BY urgency, received_at")
			.param(siteCode)
			.query((rs, i) -> row(rs, now))
			.list();
	}

	/** Requests needing a supervisor (red flag, override, under 1, hub category) within the scope, not completed. */
	List<QueueRow> supervision(OrganisationScope scope) {
		Instant now = Instant.now();
		String where = " WHERE supervision_reason IS NOT NULL AND status <> 'COMPLETED'";
		String order = " ORDER BY urgency, received_at";
		return switch (scope.level()) {
			case ICB -> jdbc.sql(SELECT + where + order).query((rs, i) -> row(rs, now)).list();
			case PLACE -> jdbc.sql(SELECT + where + " AND place_code = ?" + order)
				.param(scope.code())
				.query((rs, i) -> row(rs, now))
				.list();
			case SITE -> jdbc.sql(SELECT + where + " AND site_code = ?" + order)
				.param(scope.code())
				.query((rs, i) -> row(rs, now))
				.list();
			case PCN -> List.of();
		};
	}

	private static QueueRow row(ResultSet rs, Instant now) throws SQLException {
		Instant received = rs.getTimestamp("received_at").toInstant();
		int urgency = rs.getInt("urgency");
		long waiting = Math.max(0, Duration.between(received, now).toMinutes());
		return new QueueRow(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getString("family_name").toUpperCase(java.util.Locale.UK) + ", " + rs.getString("given_name"),
				rs.getInt("age_years"), PresentingProblem.valueOf(rs.getString("problem")).label(),
				Disposition.valueOf(rs.getString("suggested_disposition")).label(), urgency, rs.getBoolean("red_flag"),
				received, waiting, waiting > targetMinutes(urgency), rs.getString("claimed_by"),
				TriageRequest.Status.valueOf(rs.getString("status")).label(), rs.getString("supervision_reason"),
				TriageRequest.Channel.valueOf(rs.getString("channel")).label(), rs.getString("site_code"),
				rs.getString("nhs_number"));
	}

}
