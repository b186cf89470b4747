package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.OpeningHours;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Triage's read API for modules that act on a request after its events (messages to patients): one request by id, and
 * the working hours of the hub it went to. It checks no user: callers that show the result to staff check scope and
 * audit the view themselves.
 */
@NamedInterface("requests")
@Component
@Transactional(readOnly = true)
public class TriageRequestSummaries {

	private final JdbcClient jdbc;

	private final HubSettings hubs;

	TriageRequestSummaries(JdbcClient jdbc, HubSettings hubs) {
		this.jdbc = jdbc;
		this.hubs = hubs;
	}

	public Optional<TriageRequestSummary> find(UUID requestId) {
		return jdbc.sql("""
				SELECT id, reference, channel, identity, nhs_number, given_name, family_name, for_someone_else,
				       contact_phone, practice_code, site_code, place_code, problem, red_flag, suggested_disposition,
				       received_at, status, decided_disposition, service_id, service_name, safety_net, follow_up_date,
				       completed_at
				FROM triage.request WHERE id = ?""")
			.param(requestId)
			.query((rs, i) -> {
				String decided = rs.getString("decided_disposition");
				java.sql.Timestamp completedAt = rs.getTimestamp("completed_at");
				TriageRequest.Identity identity = TriageRequest.Identity.valueOf(rs.getString("identity"));
				boolean matched = identity == TriageRequest.Identity.MATCHED;
				// the identity rule: a number not verified against the record (or matching nobody) names no one
				return new TriageRequestSummary(rs.getObject("id", UUID.class), rs.getString("reference"),
						rs.getString("channel"), matched, matched ? new NhsNumber(rs.getString("nhs_number")) : null,
						identity == TriageRequest.Identity.NOT_REGISTERED ? rs.getString("nhs_number") : null,
						rs.getString("given_name"), rs.getString("family_name"), rs.getBoolean("for_someone_else"),
						rs.getString("contact_phone"), rs.getString("practice_code"), rs.getString("site_code"),
						rs.getString("place_code"), PresentingProblem.valueOf(rs.getString("problem")).label(),
						rs.getBoolean("red_flag"), Disposition.valueOf(rs.getString("suggested_disposition")),
						rs.getTimestamp("received_at").toInstant(), rs.getString("status"),
						decided == null ? null : Disposition.valueOf(decided),
						rs.getObject("service_id", Long.class), rs.getString("service_name"),
						rs.getString("safety_net"), rs.getObject("follow_up_date", LocalDate.class),
						completedAt == null ? null : completedAt.toInstant());
			})
			.optional();
	}

	/**
	 * The hours the hub works through its queue, as set on its settings page (UK local time); empty when it lists
	 * none. What the public form's confirmation page promises is decided from these, and so must any message.
	 */
	public OpeningHours hubHours(String siteCode) {
		return hubs.hours(siteCode);
	}

}
