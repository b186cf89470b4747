package uk.nhs.bob.primarycare.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Records views of identifiable records, refused attempts and administrator actions, and lets ICB administrators
 * search them. Views and administrator actions use {@link Propagation#MANDATORY}, which makes the caller's read (or
 * change) and its entry one transaction: if the entry cannot be written, the read fails too. A refusal is written in
 * a transaction of its own, because the refused request's transaction is rolled back.
 */
@Component
public class AuditLog {

	static final int TEXT_LIMIT = 200;

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user saw the person's identifiable record on a page, for a purpose. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordView(String username, NhsNumber person, String page, String purpose) {
		insert(username, person, null, page, purpose, Outcome.VIEWED);
	}

	/** A user saw the details of a person who has no NHS number (yet), named by the reference of their request. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordRequestView(String username, String requestReference, String page, String purpose) {
		insert(username, null, requestReference, page, purpose, Outcome.VIEWED);
	}

	/** A user saw the person's record through break-glass (emergency) access. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordBreakGlassView(String username, NhsNumber person, String page, String purpose) {
		insert(username, person, null, page, purpose, Outcome.BREAK_GLASS);
	}

	/**
	 * A user was refused (403) a page, and the person behind it when known. Written in a new transaction, so it
	 * stays when the refused request's transaction is rolled back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordRefusal(String username, @Nullable NhsNumber person, @Nullable String requestReference,
			String page, String reason) {
		insert(username, person, requestReference, page, reason, Outcome.REFUSED);
	}

	/** An administrator changed something: written in the transaction of the change. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAdminAction(String administrator, AdminAction action, String target, String detail) {
		jdbc.sql("""
				INSERT INTO audit.admin_action (acted_at, username, action, target, detail)
				VALUES (?, ?, ?, ?, ?)""")
			.params(Timestamp.from(Instant.now()), clean(administrator, 60), action.name(), clean(target, TEXT_LIMIT),
					clean(detail, 1000))
			.update();
	}

	private void insert(String username, @Nullable NhsNumber person, @Nullable String requestReference, String page,
			String purpose, Outcome outcome) {
		jdbc.sql("""
				INSERT INTO audit.record_view (viewed_at, username, nhs_number, request_reference, page, purpose,
				  outcome) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(Instant.now()), clean(username, 60), person == null ? null : person.value(),
					requestReference == null ? null : clean(requestReference, 40), clean(page, TEXT_LIMIT),
					clean(purpose, TEXT_LIMIT), outcome.name())
			.update();
	}

	/**
	 * A user saw each of these people on one page (a list: a worklist, a caseload): one entry per person, written
	 * in one statement, so that a list of fifty people costs one round trip to the database rather than fifty.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordViews(String username, Collection<NhsNumber> people, String page, String purpose) {
		recordViews(username, people, List.of(), page, purpose);
	}

	/**
	 * A user saw, on one page, these people and the details of people with no NHS number (yet), named by the
	 * references of their requests (a queue holds both): one entry each, people first, all in one statement, so a
	 * list costs one round trip however many of its rows name nobody by NHS number.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordViews(String username, Collection<NhsNumber> people, Collection<String> requestReferences,
			String page, String purpose) {
		if (people.isEmpty() && requestReferences.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO audit.record_view (viewed_at, username, nhs_number, request_reference, page, purpose,
				  outcome)
				SELECT ?, ?, person, reference, ?, ?, ? FROM (
				  SELECT person, NULL AS reference, n FROM unnest(?::text[]) WITH ORDINALITY AS p(person, n)
				  UNION ALL
				  SELECT NULL, reference, ? + n FROM unnest(?::text[]) WITH ORDINALITY AS r(reference, n)) viewed
				ORDER BY n""")
			.params(Timestamp.from(Instant.now()), clean(username, 60), clean(page, TEXT_LIMIT), clean(purpose, TEXT_LIMIT),
					Outcome.VIEWED.name(), people.stream().map(NhsNumber::value).toArray(String[]::new),
					(long) people.size(), requestReferences.stream().map(r -> clean(r, 40)).toArray(String[]::new))
			.update();
	}

	/** Entries matching the query, newest first. */
	@Transactional(readOnly = true)
	public Page<RecordView> search(AuditQuery query, Pageable pageable) {
		Where where = where(query, "viewed_at");
		if (query.nhsNumber() != null) {
			where.add("nhs_number = ?", query.nhsNumber().value());
		}
		if (query.requestReference() != null && !query.requestReference().isBlank()) {
			where.add("request_reference = ?", query.requestReference().trim());
		}
		long total = jdbc.sql("SELECT count(*) FROM audit.record_view" + where.sql())
			.params(where.params)
			.query(Long.class)
			.single();
		List<RecordView> entries = jdbc.sql("""
				SELECT id, viewed_at, username, nhs_number, request_reference, page, purpose, outcome
				FROM audit.record_view""" + where.sql() + " ORDER BY viewed_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(where.withPage(pageable))
			.query((rs, row) -> recordView(rs))
			.list();
		return new PageImpl<>(entries, pageable, total);
	}

	/** Administrator actions matching the query (its user and dates), newest first. */
	@Transactional(readOnly = true)
	public Page<AdminActionEntry> adminActions(AuditQuery query, Pageable pageable) {
		Where where = where(query, "acted_at");
		long total = jdbc.sql("SELECT count(*) FROM audit.admin_action" + where.sql())
			.params(where.params)
			.query(Long.class)
			.single();
		List<AdminActionEntry> entries = jdbc.sql("""
				SELECT id, acted_at, username, action, target, detail FROM audit.admin_action""" + where.sql()
				+ " ORDER BY acted_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(where.withPage(pageable))
			.query((rs, row) -> new AdminActionEntry(rs.getLong("id"), rs.getTimestamp("acted_at").toInstant(),
					rs.getString("username"), AdminAction.valueOf(rs.getString("action")), rs.getString("target"),
					rs.getString("detail")))
			.list();
		return new PageImpl<>(entries, pageable, total);
	}

	private static RecordView recordView(ResultSet rs) throws SQLException {
		String nhsNumber = rs.getString("nhs_number");
		return new RecordView(rs.getLong("id"), rs.getTimestamp("viewed_at").toInstant(), rs.getString("username"),
				nhsNumber == null ? null : new NhsNumber(nhsNumber), rs.getString("request_reference"),
				rs.getString("page"), rs.getString("purpose"), Outcome.valueOf(rs.getString("outcome")));
	}

	private static Where where(AuditQuery query, String timeColumn) {
		Where where = new Where();
		if (query.username() != null && !query.username().isBlank()) {
			where.add("lower(username) = lower(?)", query.username().trim());
		}
		if (query.from() != null) {
			where.add(timeColumn + " >= ?", Timestamp.from(query.from()));
		}
		if (query.until() != null) {
			where.add(timeColumn + " < ?", Timestamp.from(query.until()));
		}
		return where;
	}

	/** Conditions joined with AND, and their parameters in order. */
	private static final class Where {

		private final List<String> conditions = new ArrayList<>();

		private final List<Object> params = new ArrayList<>();

		void add(String condition, Object param) {
			conditions.add(condition);
			params.add(param);
		}

		String sql() {
			return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		}

		List<Object> withPage(Pageable pageable) {
			List<Object> all = new ArrayList<>(params);
			all.add(pageable.getPageSize());
			all.add(pageable.getOffset());
			return all;
		}

	}

	/**
	 * Text fit for the log: control characters (which PostgreSQL refuses in text, in the case of NUL) shown as
	 * {@code ?}, and cut to the column's length.
	 */
	static String clean(String text, int limit) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return printable.length() <= limit ? printable : printable.substring(0, limit);
	}

}
