package uk.nhs.bob.primarycare.audit;

import java.time.Instant;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/** One entry of the audit log: a user saw a person's identifiable record on a page, for a purpose. */
public record RecordView(long id, Instant viewedAt, String username, NhsNumber nhsNumber, String page,
		String purpose) {
}
