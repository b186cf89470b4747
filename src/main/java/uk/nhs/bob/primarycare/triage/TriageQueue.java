package uk.nhs.bob.primarycare.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.Directory;
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
			String siteCode, PresentingProblem problemCode, boolean identityNotVerified, boolean chased,
			String hubName, @Nullable NhsNumber nhsNumber) {

		/** '2 h 05 min' or '12 min'. */
		public String waiting() {
			return waitingMinutes >= 60 ? (waitingMinutes / 60) + " h " + String.format("%02d", waitingMinutes % 60)
					+ " min" : waitingMinutes + " min";
		}

	}

	private static final String SELECT = """
			SELECT id, reference, given_name, family_name, age_years, problem, suggested_disposition, urgency,
			       red_flag, received_at, claimed_by, status, supervision_reason, channel, site_code, identity,
			       chased_by_request_id, nhs_number
			FROM triage.request
			""";

	private final JdbcClient jdbc;

	private final Directory directory;

	private final AuditLog auditLog;

	TriageQueue(JdbcClient jdbc, Directory directory, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.auditLog = auditLog;
	}

	/**
	 * One page of a hub's queue: {@code all} the open requests (for the counts), those {@code matching} the filter,
	 * the {@code rows} of this page, and the red flags that arrived after {@code since} (announced on the page).
	 */
	record OpenPage(List<QueueRow> all, List<QueueRow> matching, List<QueueRow> rows, Pagination pagination,
			List<QueueRow> newRedFlags) {

		long overdueCount() {
			return all.stream().filter(QueueRow::overdue).count();
		}

		long notVerifiedCount() {
			return all.stream().filter(QueueRow::identityNotVerified).count();
		}

	}

	/**
	 * One page of a hub's open requests for a member of staff: each person shown (on the page or in the red-flag
	 * announcement) is audited in the same transaction as the read, by NHS number or, without one, by the request's
	 * reference.
	 */
	@Transactional
	OpenPage open(String siteCode, Predicate<QueueRow> filter, int requestedPage, int pageSize,
			IntFunction<String> pageUrl, @Nullable Instant since, String username, String page) {
		List<QueueRow> all = open(siteCode);
		List<QueueRow> matching = all.stream().filter(filter).toList();
		Pagination pagination = Pagination.of(requestedPage, matching.size(), pageSize, pageUrl);
		List<QueueRow> shown = pagination.itemsOf(matching);
		List<QueueRow> newRedFlags = since == null ? List.of()
				: all.stream().filter(r -> r.redFlag() && r.receivedAt().isAfter(since)).toList();
		java.util.Set<QueueRow> audited = new java.util.LinkedHashSet<>(shown);
		audited.addAll(newRedFlags);
		audit(List.copyOf(audited), username, page, "Direct care: same-day request queue");
		return new OpenPage(all, matching, shown, pagination, newRedFlags);
	}

	/** The supervision queue for a supervisor, each person shown audited in the same transaction as the read. */
	@Transactional
	List<QueueRow> supervision(OrganisationScope scope, String username, String page) {
		List<QueueRow> rows = supervision(scope);
		audit(rows, username, page, "Clinical supervision: same-day requests");
		return rows;
	}

	private void audit(List<QueueRow> rows, String username, String page, String purpose) {
		auditLog.recordViews(username,
				rows.stream().map(QueueRow::nhsNumber).filter(java.util.Objects::nonNull).toList(), page,
				purpose);
		rows.stream()
			.filter(row -> row.nhsNumber() == null)
			.forEach(row -> auditLog.recordRequestView(username, row.reference(), page, purpose));
	}

	/** A hub's requests not yet completed. */
	List<QueueRow> open(String siteCode) {
		Instant now = Instant.now();
		java.util.Map<String, String> hubs = names();
		return jdbc.sql(SELECT + " WHERE site_code = ? AND status <> 'COMPLETED' ORDER BY urgency, received_at")
			.param(siteCode)
			.query((rs, i) -> row(rs, now, hubs))
			.list();
	}

	/** Requests needing a supervisor (red flag, override, under 1, hub category) within the scope, not completed. */
	List<QueueRow> supervision(OrganisationScope scope) {
		Instant now = Instant.now();
		java.util.Map<String, String> hubs = names();
		String where = " WHERE supervision_reason IS NOT NULL AND status <> 'COMPLETED'";
		String order = " ORDER BY urgency, received_at";
		return switch (scope.level()) {
			case ICB -> jdbc.sql(SELECT + where + order).query((rs, i) -> row(rs, now, hubs)).list();
			case PLACE -> jdbc.sql(SELECT + where + " AND place_code = ?" + order)
				.param(scope.code())
				.query((rs, i) -> row(rs, now, hubs))
				.list();
			case SITE -> jdbc.sql(SELECT + where + " AND site_code = ?" + order)
				.param(scope.code())
				.query((rs, i) -> row(rs, now, hubs))
				.list();
			case PCN -> List.of();
		};
	}

	private java.util.Map<String, String> names() {
		return directory.sites()
			.stream()
			.collect(java.util.stream.Collectors.toMap(s -> s.code(), s -> s.name(), (a, b) -> a));
	}

	private static QueueRow row(ResultSet rs, Instant now, java.util.Map<String, String> hubNames)
			throws SQLException {
		Instant received = rs.getTimestamp("received_at").toInstant();
		int urgency = rs.getInt("urgency");
		long waiting = Math.max(0, Duration.between(received, now).toMinutes());
		PresentingProblem problem = PresentingProblem.valueOf(rs.getString("problem"));
		String status = rs.getString("claimed_by") != null && "OPEN".equals(rs.getString("status")) ? "Claimed"
				: TriageRequest.Status.valueOf(rs.getString("status")).label();
		return new QueueRow(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getString("family_name").toUpperCase(java.util.Locale.UK) + ", " + rs.getString("given_name"),
				rs.getInt("age_years"), problem.label(),
				Disposition.valueOf(rs.getString("suggested_disposition")).label(), urgency, rs.getBoolean("red_flag"),
				received, waiting, waiting > targetMinutes(urgency), rs.getString("claimed_by"),
				status, rs.getString("supervision_reason"),
				TriageRequest.Channel.valueOf(rs.getString("channel")).label(), rs.getString("site_code"), problem,
				"NOT_VERIFIED".equals(rs.getString("identity")), rs.getObject("chased_by_request_id") != null,
				hubNames.getOrDefault(rs.getString("site_code"), rs.getString("site_code")),
				rs.getString("nhs_number") == null ? null : new NhsNumber(rs.getString("nhs_number")));
	}

}
