package uk.nhs.bob.primarycare.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * The messaging.contact table and its change history. A save names the version it started from: when someone else
 * saved in between, nothing is written and the caller shows the conflict.
 */
@Component
class Contacts {

	/** One change to a person's contact details. */
	record Change(Instant at, String by, String changes) {

		public LocalDateTime atUk() {
			return LocalDateTime.ofInstant(at, ServiceDirectory.UK_TIME);
		}

	}

	/** Someone else saved the person's contact details after the form was opened. */
	static class StaleContactException extends RuntimeException {

		StaleContactException() {
			super("The contact details changed since you opened them");
		}

	}

	private final JdbcClient jdbc;

	Contacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ContactDetails find(NhsNumber nhsNumber) {
		return jdbc.sql("SELECT * FROM messaging.contact WHERE nhs_number = ?")
			.param(nhsNumber.value())
			.query(Contacts::row)
			.optional()
			.orElse(ContactDetails.none(nhsNumber));
	}

	/**
	 * Saves the details if the stored version is still {@code expectedVersion} (-1: none stored yet) and records what
	 * changed; returns the changes (empty when nothing changed).
	 */
	List<String> save(ContactDetails details, long expectedVersion, String username) {
		ContactDetails before = find(details.nhsNumber());
		if (before.version() != expectedVersion) {
			throw new StaleContactException();
		}
		List<String> changes = details.changesFrom(before);
		if (changes.isEmpty()) {
			return changes;
		}
		Timestamp now = Timestamp.from(Instant.now());
		Object[] values = { details.mobile() == null ? null : details.mobile().value(), details.email(),
				details.addressLine1(), details.addressLine2(), details.addressLine3(), details.town(),
				details.postcode() == null ? null : details.postcode().value(),
				details.preferredChannel() == null ? null : details.preferredChannel().name(), details.consent().name(),
				details.consentRecordedOn(), details.optedOut(), details.optedOutOn(), username, now };
		int written;
		if (expectedVersion < 0) {
			written = jdbc.sql("""
					INSERT INTO messaging.contact (mobile, email, address_line_1, address_line_2, address_line_3,
					    address_town, postcode, preferred_channel, consent, consent_recorded_on, opted_out, opted_out_on,
					    updated_by, updated_at, nhs_number, version)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (nhs_number) DO NOTHING""")
				.params(append(values, details.nhsNumber().value()))
				.update();
		}
		else {
			written = jdbc.sql("""
					UPDATE messaging.contact SET mobile = ?, email = ?, address_line_1 = ?, address_line_2 = ?,
					    address_line_3 = ?, address_town = ?, postcode = ?, preferred_channel = ?, consent = ?,
					    consent_recorded_on = ?, opted_out = ?, opted_out_on = ?, updated_by = ?, updated_at = ?,
					    version = version + 1
					WHERE nhs_number = ? AND version = ?""")
				.params(append(append(values, details.nhsNumber().value()), expectedVersion))
				.update();
		}
		if (written != 1) {
			throw new StaleContactException();
		}
		jdbc.sql("INSERT INTO messaging.contact_change (nhs_number, changed_by, changed_at, changes) VALUES (?, ?, ?, ?)")
			.params(details.nhsNumber().value(), username, now, String.join("; ", changes))
			.update();
		return changes;
	}

	List<Change> changes(NhsNumber nhsNumber) {
		return jdbc.sql("""
				SELECT changed_at, changed_by, changes FROM messaging.contact_change WHERE nhs_number = ?
				ORDER BY changed_at DESC, id DESC""")
			.param(nhsNumber.value())
			.query((rs, i) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static Object[] append(Object[] values, @Nullable Object value) {
		Object[] more = java.util.Arrays.copyOf(values, values.length + 1);
		more[values.length] = value;
		return more;
	}

	private static ContactDetails row(ResultSet rs, int row) throws SQLException {
		String mobile = rs.getString("mobile");
		String postcode = rs.getString("postcode");
		String channel = rs.getString("preferred_channel");
		return new ContactDetails(new NhsNumber(rs.getString("nhs_number")),
				mobile == null ? null : MobileNumber.parse(mobile).orElse(null), rs.getString("email"),
				rs.getString("address_line_1"), rs.getString("address_line_2"), rs.getString("address_line_3"),
				rs.getString("address_town"), postcode == null ? null : Postcode.parse(postcode).orElse(null),
				channel == null ? null : Channel.valueOf(channel), Consent.valueOf(rs.getString("consent")),
				rs.getObject("consent_recorded_on", LocalDate.class), rs.getBoolean("opted_out"),
				rs.getObject("opted_out_on", LocalDate.class), rs.getLong("version"), rs.getString("updated_by"),
				rs.getTimestamp("updated_at").toInstant());
	}

	Optional<ContactDetails> stored(NhsNumber nhsNumber) {
		ContactDetails details = find(nhsNumber);
		return details.recorded() ? Optional.of(details) : Optional.empty();
	}

}
