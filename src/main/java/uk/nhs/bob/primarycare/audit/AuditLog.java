package uk.nhs.bob.primarycare.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Records views of identifiable records and lets ICB administrators search them. {@link Propagation#MANDATORY} makes
 * the caller's read and its entry one transaction: if the entry cannot be written, the read fails too.
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
			.params(Timestamp.from(Instant.now()), username, person.value(), truncate(page),
					truncate(purpose))
			.update();
	}

	/**
	 * Records the views of everyone on one page of a list (a worklist, a caseload) in one statement, so that a list
	 * of fifty people costs one round trip to the database rather than fifty.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordViews(String username, Collection<NhsNumber> people, String page, String purpose) {
		if (people.isEmpty()) {
			return;
		}
		// NHS numbers are ten digits, so a comma-separated list of them is unambiguous
		String numbers = people.stream().map(NhsNumber::value).collect(Collectors.joining(","));
		jdbc.sql("""
				INSERT INTO audit.record_view (viewed_at, username, nhs_number, page, purpose)
				SELECT ?, ?, person, ?, ? FROM unnest(string_to_array(?, ',')) WITH ORDINALITY AS viewed(person, n)
				ORDER BY n""")
			.params(Timestamp.from(Instant.now()), username, truncate(page), truncate(purpose), numbers)
			.update();
	}

	/** Entries matching the query, newest first. */
	@Transactional(readOnly = true)
	public Page<RecordView> search(AuditQuery query, Pageable pageable) {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (query.username() != null && !query.username().isBlank()) {
			conditions.add("lower(username) = lower(?)");
			params.add(query.username().trim());
		}
		if (query.nhsNumber() != null) {
			conditions.add("nhs_number = ?");
			params.add(query.nhsNumber().value());
		}
		if (query.from() != null) {
			conditions.add("viewed_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.until() != null) {
			conditions.add("viewed_at < ?");
			params.add(Timestamp.from(query.until()));
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		long total = jdbc.sql("SELECT count(*) FROM audit.record_view" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<RecordView> entries = jdbc
			.sql("SELECT id, viewed_at, username, nhs_number, page, purpose FROM audit.record_view" + where
					+ " ORDER BY viewed_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query((rs, row) -> new RecordView(rs.getLong("id"), rs.getTimestamp("viewed_at").toInstant(),
					rs.getString("username"), new NhsNumber(rs.getString("nhs_number")), rs.getString("page"),
					rs.getString("purpose")))
			.list();
		return new PageImpl<>(entries, pageable, total);
	}

	private static String truncate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200);
	}

}
