package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.cvd.CvdHighRiskFound;
import uk.nhs.bob.primarycare.triage.TriageRequestReceived;

/**
 * What the team hears from the other modules, for people on an open caseload (anyone else is ignored): a same-day
 * request alerts the keyworker (shown on the caseload and the plan), a new high CVD risk finding becomes an item on
 * the next MDT agenda. Asynchronous, after the other module's commit, in its own transaction; a redelivered event
 * changes nothing twice.
 */
@Component
class CaseloadEventListeners {

	private final JdbcClient jdbc;

	CaseloadEventListeners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(TriageRequestReceived event) {
		jdbc.sql("""
				INSERT INTO neighbourhood.keyworker_alert (caseload_entry_id, request_id, problem, red_flag,
				  received_at, reference)
				SELECT id, ?, ?, ?, ?, ? FROM neighbourhood.caseload_entry
				WHERE nhs_number = ? AND status <> 'DISCHARGED'
				ON CONFLICT (caseload_entry_id, request_id) DO NOTHING""")
			.params(event.requestId(), truncate(event.problem()), event.redFlag(),
					Timestamp.from(event.receivedAt()), event.reference(), event.nhsNumber().value())
			.update();
	}

	@ApplicationModuleListener
	void on(CvdHighRiskFound event) {
		jdbc.sql("""
				INSERT INTO neighbourhood.cvd_risk_flag (caseload_entry_id, qrisk3_score, on_lipid_lowering, found_on,
				  received_at)
				SELECT e.id, ?, ?, ?, now() FROM neighbourhood.caseload_entry e
				WHERE e.nhs_number = ? AND e.status <> 'DISCHARGED'
				  AND NOT EXISTS (SELECT 1 FROM neighbourhood.cvd_risk_flag f
				                  WHERE f.caseload_entry_id = e.id AND f.found_on = ?)""")
			.params(BigDecimal.valueOf(event.qrisk3Score()).setScale(2, RoundingMode.HALF_UP),
					event.onLipidLoweringTherapy(), event.foundOn(), event.nhsNumber().value(), event.foundOn())
			.update();
	}

	private static String truncate(String text) {
		return text.length() <= 500 ? text : text.substring(0, 500);
	}

}
