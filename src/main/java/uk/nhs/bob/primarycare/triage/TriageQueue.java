package uk.nhs.bob.primarycare.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.identity.OrganisationScope;

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
			String siteCode) {

		/** '2 h 05 min' or '12 min'. */
		public String waiting() {
			return waitingMinutes >= 60 ? (waitingMinutes / 60) + " h " + String.format("%02d", waitingMinutes % 60)
					+ " min" : waitingMinutes + " min";
		}

	}

	private static final String SELECT = """
			SELECT id, reference, given_name, family_name, age_years, problem, suggested_disposition, urgency,
			       red_flag, received_at, claimed_by, status, supervision_reason, channel, site_code
			FROM triage.request
			""";

	private final JdbcClient jdbc;

	TriageQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
				TriageRequest.Channel.valueOf(rs.getString("channel")).label(), rs.getString("site_code"));
	}

}
