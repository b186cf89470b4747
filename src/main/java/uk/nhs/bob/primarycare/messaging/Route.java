package uk.nhs.bob.primarycare.messaging;

import org.jspecify.annotations.Nullable;

/**
 * Where a message goes, or why it cannot go anywhere. {@code to} is the mobile number, the email address or, for a
 * letter, the address on one line; {@code basis} says what allows the message (the consent or the request it answers).
 */
record Route(@Nullable Channel channel, @Nullable String to, @Nullable String basis, @Nullable String blockedReason) {

	static Route to(Channel channel, String to, String basis) {
		return new Route(channel, to, basis, null);
	}

	static Route blocked(String reason) {
		return new Route(null, null, null, reason);
	}

	boolean isBlocked() {
		return blockedReason != null;
	}

}
