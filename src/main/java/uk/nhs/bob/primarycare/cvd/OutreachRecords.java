package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * CVD's read API for modules that act on outreach after its event (messages to patients): one outreach by id, and a
 * person's outreach since a date. It checks no user: callers that show the result to staff check scope and audit.
 */
@NamedInterface("outreach")
@Component
@Transactional(readOnly = true)
public class OutreachRecords {

	private static final String SELECT = """
			SELECT id, nhs_number, practice_code, site_code, type, outcome, outcome_date, recorded_at
			FROM cvd.outreach""";

	private final JdbcClient jdbc;

	OutreachRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OutreachRecord> find(UUID outreachId) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(outreachId).query(OutreachRecords::row).optional();
	}

	/** The person's outreach with an outcome date on or after {@code since}, oldest first. */
	public List<OutreachRecord> since(NhsNumber nhsNumber, LocalDate since) {
		return jdbc.sql(SELECT + " WHERE nhs_number = ? AND outcome_date >= ? ORDER BY outcome_date, recorded_at")
			.params(nhsNumber.value(), since)
			.query(OutreachRecords::row)
			.list();
	}

	private static OutreachRecord row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new OutreachRecord(rs.getObject("id", UUID.class), new NhsNumber(rs.getString("nhs_number")),
				rs.getString("practice_code"), rs.getString("site_code"), OutreachType.valueOf(rs.getString("type")),
				OutreachOutcome.valueOf(rs.getString("outcome")), rs.getObject("outcome_date", LocalDate.class),
				rs.getTimestamp("recorded_at").toInstant());
	}

}
