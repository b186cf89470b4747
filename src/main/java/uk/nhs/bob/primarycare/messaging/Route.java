package uk.nhs.bob.primarycare.messaging;

import org.jspecify.annotations.Nullable;

/**
 * Where a message goes, or why it cannot go anywhere. {@code to} is the mobile number, the email address or, for a
 * letter, the address on one line; {@code basis} says what allows the message (the consent or the request it answers).
 * A blocked route says why the message cannot go.
 */
record Route(@Nullable Channel channel, @Nullable String to, @Nullable String basis, @Nullable String blockedReason,
		boolean outOfDate) {

	static Route to(Channel channel, String to, String basis) {
		return new Route(channel, to, basis, null, false);
	}

	/** Not sent for a reason staff can act on (consent, contact details, a red flag to phone about). */
	static Route blocked(String reason) {
		return new Route(null, null, null, reason, false);
	}

	/** Not sent because it would come too late to help: kept in the log, left off the list of messages to act on. */
	static Route outOfDate(String reason) {
		return new Route(null, null, null, reason, true);
	}

	boolean isBlocked() {
		return blockedReason != null;
	}

}
