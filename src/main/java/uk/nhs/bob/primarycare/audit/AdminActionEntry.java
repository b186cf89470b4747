package uk.nhs.bob.primarycare.audit;

import java.time.Instant;

/** One administrator action as recorded: who, when, what kind, on what, and the details. */
record AdminActionEntry(long id, Instant actedAt, String username, AdminAction action, String target,
		String detail) {
}
