package uk.nhs.bob.primarycare.audit;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Records views of identifiable records. {@link Propagation#MANDATORY} makes the caller's read and this entry one
 * transaction: if the entry cannot be written, the read fails too.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void recordView(String username, NhsNumber person, String page, String purpose) {
		jdbc.sql("""
				INSERT INTO audit.record_view (viewed_at, username, nhs_number, page, purpose)
				VALUES (?, ?, ?, ?, ?)""")
			.params(java.sql.Timestamp.from(Instant.now()), username, person.value(), truncate(page),
					truncate(purpose))
			.update();
	}

	private static String truncate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200);
	}

}
