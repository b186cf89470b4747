package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage's read API for modules that act on a request after its events (messages to patients): one request by id.
 * It checks no user: callers that show the result to staff check scope and audit the view themselves.
 */
@Component
@Transactional(readOnly = true)
public class TriageRequestSummaries {

	private final JdbcClient jdbc;

	TriageRequestSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TriageRequestSummary> find(UUID requestId) {
		return jdbc.sql("""
				SELECT id, reference, channel, nhs_number, given_name, family_name, for_someone_else, contact_phone,
				       practice_code, site_code, place_code, problem, red_flag, suggested_disposition, received_at, status,
				       decided_disposition, service_id, service_name, safety_net, follow_up_date, completed_at
				FROM triage.request WHERE id = ?""")
			.param(requestId)
			.query((rs, i) -> {
				String decided = rs.getString("decided_disposition");
				java.sql.Timestamp completedAt = rs.getTimestamp("completed_at");
				return new TriageRequestSummary(rs.getObject("id", UUID.class), rs.getString("reference"),
						rs.getString("channel"), rs.getString("nhs_number"), rs.getString("given_name"),
						rs.getString("family_name"), rs.getBoolean("for_someone_else"), rs.getString("contact_phone"),
						rs.getString("practice_code"), rs.getString("site_code"), rs.getString("place_code"),
						PresentingProblem.valueOf(rs.getString("problem")).label(), rs.getBoolean("red_flag"),
						Disposition.valueOf(rs.getString("suggested_disposition")),
						rs.getTimestamp("received_at").toInstant(), rs.getString("status"),
						decided == null ? null : Disposition.valueOf(decided),
						rs.getObject("service_id", Long.class), rs.getString("service_name"),
						rs.getString("safety_net"), rs.getObject("follow_up_date", LocalDate.class),
						completedAt == null ? null : completedAt.toInstant());
			})
			.optional();
	}

}
