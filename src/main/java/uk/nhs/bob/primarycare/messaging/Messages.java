package uk.nhs.bob.primarycare.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The messaging.message table. Status changes are single statements guarded by the status they expect, so the sender,
 * a second instance and a delivery receipt arriving at the same moment never undo each other.
 */
@Component
@Transactional
class Messages {

	private static final String COLUMNS = """
			id, reference, kind, channel, nhs_number, request_id, request_reference, site_code, place_code,
			practice_code, recipient, basis, template_name, template_id, personalisation::text AS personalisation,
			subject, body, letter_pdf IS NOT NULL AS has_letter, status, status_reason, notify_id, attempts,
			next_attempt_at, created_at, created_by, sent_at, status_at, completed_at""";

	private static final TypeReference<LinkedHashMap<String, String>> PERSONALISATION = new TypeReference<>() {
	};

	/** One line of a message's history. */
	record Event(Instant at, String what) {

		public LocalDateTime atUk() {
			return LocalDateTime.ofInstant(at, ServiceDirectory.UK_TIME);
		}

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Messages(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records a message unless one with its reference exists: the unique reference decides between two deliveries of
	 * the same event, even concurrent ones. Empty when the message already existed.
	 */
	Optional<UUID> insert(Draft draft, MessageStatus status, @Nullable String reason, @Nullable String templateId,
			TemplateTexts.@Nullable Rendered rendered) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		NotifyTemplate template = draft.template();
		String body = draft.letterText() != null && draft.route().channel() == Channel.LETTER ? draft.letterText()
				: rendered == null ? "" : rendered.body();
		Optional<UUID> inserted = jdbc.sql("""
				INSERT INTO messaging.message (id, reference, kind, channel, nhs_number, request_id, request_reference,
				    site_code, place_code, practice_code, recipient, basis, template_name, template_id, personalisation,
				    subject, body, letter_pdf, status, status_reason, next_attempt_at, created_at, created_by, status_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (reference) DO NOTHING RETURNING id""")
			.params(id, draft.reference(), draft.kind().name(),
					draft.route().channel() == null ? null : draft.route().channel().name(),
					draft.nhsNumber() == null ? null : draft.nhsNumber().value(),
					draft.requestId(), draft.requestReference(), draft.siteCode(), draft.placeCode(),
					draft.practiceCode(), draft.route().to(), draft.route().basis(),
					draft.route().channel() == Channel.LETTER || template == null ? null : template.propertyName(),
					templateId, json.writeValueAsString(draft.personalisation()),
					rendered == null ? null : rendered.subject(), body, draft.letterPdf(), status.name(),
					truncate(reason), status == MessageStatus.QUEUED ? now : null, now, draft.createdBy(), now)
			.query(UUID.class)
			.optional();
		inserted.ifPresent(m -> event(m, status.label() + (reason == null ? "" : ": " + reason)));
		return inserted;
	}

	/**
	 * Takes up to {@code limit} messages due to be sent and leases them for {@code lease}: a message another thread
	 * or instance holds is skipped (SKIP LOCKED), and one whose sender died is taken again when its lease ends.
	 */
	List<MessageRecord> claimDue(int limit, Duration lease) {
		return jdbc.sql("""
				UPDATE messaging.message m SET claimed_until = now() + make_interval(secs => ?),
				    attempts = m.attempts + 1
				WHERE m.id IN (SELECT id FROM messaging.message
				               WHERE status = 'QUEUED' AND next_attempt_at <= now()
				                 AND (claimed_until IS NULL OR claimed_until < now())
				               ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING """ + " " + COLUMNS)
			.params(lease.toSeconds(), limit)
			.query(this::row)
			.list();
	}

	byte @Nullable [] letterPdf(UUID id) {
		return jdbc.sql("SELECT letter_pdf FROM messaging.message WHERE id = ?")
			.param(id)
			.query((rs, i) -> rs.getBytes(1))
			.optional()
			.orElse(null);
	}

	/** Notify accepted the message: keep its id, and the body Notify rendered when it returned one. */
	void accepted(UUID id, UUID notifyId, MessageStatus status, @Nullable String body, String what) {
		int updated = jdbc.sql("""
				UPDATE messaging.message SET notify_id = coalesce(notify_id, ?), sent_at = now(), claimed_until = NULL,
				    next_attempt_at = NULL, body = coalesce(?, body), status_reason = NULL,
				    status = CASE WHEN status = 'QUEUED' THEN ? ELSE status END,
				    status_at = CASE WHEN status = 'QUEUED' THEN now() ELSE status_at END
				WHERE id = ?""")
			.params(notifyId, body, status.name(), id)
			.update();
		if (updated == 1) {
			event(id, what);
		}
	}

	void retryLater(UUID id, Instant next, String what) {
		jdbc.sql("""
				UPDATE messaging.message SET next_attempt_at = ?, claimed_until = NULL, status_reason = ?
				WHERE id = ? AND status = 'QUEUED'""")
			.params(Timestamp.from(next), truncate(what), id)
			.update();
		event(id, what);
	}

	void failed(UUID id, MessageStatus status, String reason) {
		jdbc.sql("""
				UPDATE messaging.message SET status = ?, status_reason = ?, status_at = now(), claimed_until = NULL,
				    next_attempt_at = NULL
				WHERE id = ? AND status = 'QUEUED'""")
			.params(status.name(), truncate(reason), id)
			.update();
		event(id, status.label() + ": " + reason);
	}

	/** What a delivery receipt did. */
	enum ReceiptOutcome {

		UPDATED, IGNORED_AS_LATE, NO_SUCH_MESSAGE

	}

	/**
	 * A delivery receipt: the message is found by Notify's id, or by the reference when the receipt overtook the send
	 * response. A final status is never replaced by a later non-final one (receipts can arrive out of order).
	 */
	ReceiptOutcome receipt(UUID notifyId, @Nullable String reference, MessageStatus status,
			@Nullable Instant completedAt, @Nullable String reason) {
		Optional<Map<String, Object>> found = jdbc.sql("""
				SELECT id, status FROM messaging.message
				WHERE (notify_id = ? OR (notify_id IS NULL AND reference = ?))
				  AND status NOT IN ('NOT_SENT', 'OUT_OF_DATE', 'OUTBOX')""")
			.params(notifyId, reference)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (found.isEmpty()) {
			return ReceiptOutcome.NO_SUCH_MESSAGE;
		}
		UUID id = (UUID) found.get().get("id");
		MessageStatus current = MessageStatus.valueOf(found.get().get("status").toString());
		if (current.isFinal() && !status.isFinal()) {
			event(id, "Late receipt from GOV.UK Notify ignored: " + status.label() + " after " + current.label());
			return ReceiptOutcome.IGNORED_AS_LATE;
		}
		jdbc.sql("""
				UPDATE messaging.message SET notify_id = coalesce(notify_id, ?), status = ?, status_at = now(),
				    completed_at = coalesce(?, completed_at), status_reason = ?, claimed_until = NULL,
				    next_attempt_at = NULL
				WHERE id = ?""")
			.params(notifyId, status.name(), completedAt == null ? null : Timestamp.from(completedAt),
					truncate(reason), id)
			.update();
		event(id, "Receipt from GOV.UK Notify: " + status.label() + (reason == null ? "" : " (" + reason + ")"));
		return ReceiptOutcome.UPDATED;
	}

	Optional<MessageRecord> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM messaging.message WHERE id = ?").param(id).query(this::row).optional();
	}

	Optional<MessageRecord> findByReference(String reference) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM messaging.message WHERE reference = ?")
			.param(reference)
			.query(this::row)
			.optional();
	}

	List<MessageRecord> ofPerson(NhsNumber nhsNumber) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM messaging.message WHERE nhs_number = ? ORDER BY created_at DESC")
			.param(nhsNumber.value())
			.query(this::row)
			.list();
	}

	List<MessageRecord> ofRequest(UUID requestId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM messaging.message WHERE request_id = ? ORDER BY created_at DESC")
			.param(requestId)
			.query(this::row)
			.list();
	}

	/** A page of messages with these statuses in the scope, newest first; with the total. */
	List<MessageRecord> page(Collection<MessageStatus> statuses, StaffScope scope, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(statuses, scope, params);
		params.add(limit);
		params.add(offset);
		return jdbc.sql("SELECT " + COLUMNS + " FROM messaging.message WHERE " + where
				+ " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
			.params(params)
			.query(this::row)
			.list();
	}

	long count(Collection<MessageStatus> statuses, StaffScope scope) {
		List<Object> params = new ArrayList<>();
		String where = where(statuses, scope, params);
		return jdbc.sql("SELECT count(*) FROM messaging.message WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	private static String where(Collection<MessageStatus> statuses, StaffScope scope, List<Object> params) {
		List<String> names = statuses.stream().map(Enum::name).toList();
		StringBuilder where = new StringBuilder("status IN (" + String.join(", ", names.stream().map(n -> "?").toList())
				+ ")");
		params.addAll(names);
		where.append(" AND ").append(scope.condition(params));
		return where.toString();
	}

	List<Event> events(UUID id) {
		return jdbc.sql("SELECT at, what FROM messaging.message_event WHERE message_id = ? ORDER BY at, id")
			.param(id)
			.query((rs, i) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2)))
			.list();
	}

	void event(UUID id, String what) {
		jdbc.sql("INSERT INTO messaging.message_event (message_id, at, what) VALUES (?, ?, ?)")
			.params(id, Timestamp.from(Instant.now()), truncate(what))
			.update();
	}

	private static @Nullable NhsNumber nhsNumber(@Nullable String digits) {
		return digits == null ? null : new NhsNumber(digits);
	}

	private MessageRecord row(ResultSet rs, int row) throws SQLException {
		String channel = rs.getString("channel");
		Map<String, String> personalisation = json.readValue(rs.getString("personalisation"), PERSONALISATION);
		return new MessageRecord(rs.getObject("id", UUID.class), rs.getString("reference"),
				MessageKind.valueOf(rs.getString("kind")), channel == null ? null : Channel.valueOf(channel),
				nhsNumber(rs.getString("nhs_number")), rs.getObject("request_id", UUID.class),
				rs.getString("request_reference"), rs.getString("site_code"), rs.getString("place_code"),
				rs.getString("practice_code"), rs.getString("recipient"), rs.getString("basis"),
				rs.getString("template_name"), rs.getString("template_id"), personalisation,
				rs.getString("subject"), rs.getString("body"), rs.getBoolean("has_letter"),
				MessageStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				rs.getObject("notify_id", UUID.class), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), instant(rs, "sent_at"),
				rs.getTimestamp("status_at").toInstant(), instant(rs, "completed_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable String truncate(@Nullable String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
	}

}
