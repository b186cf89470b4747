package uk.nhs.bob.primarycare.messaging;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a message is. The first six are the platform's own; the rest are GOV.UK Notify's statuses (its API names
 * them in lower case with hyphens: {@code permanent-failure}), set from the send response and delivery receipts.
 */
enum MessageStatus {

	NOT_SENT("Not sent", Group.NOT_SENT),
	OUT_OF_DATE("Not sent: out of date", Group.OUT_OF_DATE),
	OUTBOX("In the outbox: not sent", Group.OUTBOX),
	QUEUED("Waiting to send", Group.IN_PROGRESS),
	REJECTED("Failed: refused by GOV.UK Notify", Group.FAILED),
	GAVE_UP("Failed: GOV.UK Notify could not be reached", Group.FAILED),
	CREATED("Accepted by GOV.UK Notify", Group.IN_PROGRESS),
	SENDING("Sending", Group.IN_PROGRESS),
	PENDING("Sending", Group.IN_PROGRESS),
	SENT("Sent to an international number", Group.DELIVERED),
	DELIVERED("Delivered", Group.DELIVERED),
	PERMANENT_FAILURE("Failed: not delivered", Group.FAILED),
	TEMPORARY_FAILURE("Failed: phone or inbox not accepting messages", Group.FAILED),
	TECHNICAL_FAILURE("Failed: technical failure at GOV.UK Notify", Group.FAILED),
	PENDING_VIRUS_CHECK("Letter being checked", Group.IN_PROGRESS),
	VIRUS_SCAN_FAILED("Failed: letter failed the virus check", Group.FAILED),
	VALIDATION_FAILED("Failed: letter does not meet the letter specification", Group.FAILED),
	ACCEPTED("Letter accepted for printing", Group.IN_PROGRESS),
	RECEIVED("Letter printed and posted", Group.DELIVERED),
	CANCELLED("Failed: letter cancelled", Group.FAILED);

	/** How lists group statuses. */
	enum Group {

		NOT_SENT, OUT_OF_DATE, OUTBOX, IN_PROGRESS, DELIVERED, FAILED

	}

	private static final Set<MessageStatus> FINAL = EnumSet.of(REJECTED, GAVE_UP, SENT, DELIVERED, PERMANENT_FAILURE,
			TEMPORARY_FAILURE, TECHNICAL_FAILURE, VIRUS_SCAN_FAILED, VALIDATION_FAILED, RECEIVED, CANCELLED);

	private final String label;

	private final Group group;

	MessageStatus(String label, Group group) {
		this.label = label;
		this.group = group;
	}

	public String label() {
		return label;
	}

	public Group group() {
		return group;
	}

	/** The NHS.UK tag colour lists show it in. */
	public String tagClass() {
		return switch (group) {
			case NOT_SENT -> "nhsuk-tag--orange";
			case OUT_OF_DATE -> "nhsuk-tag--grey";
			case OUTBOX -> "nhsuk-tag--yellow";
			case IN_PROGRESS -> "nhsuk-tag--blue";
			case DELIVERED -> "nhsuk-tag--green";
			case FAILED -> "nhsuk-tag--red";
		};
	}

	/** Never handed to Notify: nowhere to go, too late, or no API key. */
	public boolean notSent() {
		return group == Group.NOT_SENT || group == Group.OUT_OF_DATE || group == Group.OUTBOX;
	}

	public boolean failed() {
		return group == Group.FAILED;
	}

	/** No later status follows (a late or repeated receipt never moves a message back). */
	boolean isFinal() {
		return FINAL.contains(this);
	}

	/** A status as Notify's API names it ({@code temporary-failure}); empty for anything else. */
	static Optional<MessageStatus> fromNotify(String status) {
		String name = status.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(values())
			.filter(s -> s.ordinal() >= CREATED.ordinal() && s.name().equals(name))
			.findFirst();
	}

	static Set<MessageStatus> of(Group group) {
		EnumSet<MessageStatus> statuses = EnumSet.noneOf(MessageStatus.class);
		Arrays.stream(values()).filter(s -> s.group == group).forEach(statuses::add);
		return statuses;
	}

}
