package uk.nhs.bob.primarycare.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * One entry of the audit log: a user saw (or was refused) a person's identifiable record on a page, for a purpose.
 * The person is named by NHS number, or by the reference of a request that has none; a refused page may name
 * neither.
 */
record RecordView(long id, Instant viewedAt, String username, @Nullable NhsNumber nhsNumber,
		@Nullable String requestReference, String page, String purpose, Outcome outcome) {
}
