package uk.nhs.bob.primarycare.messaging;

/** How a message reaches the person. */
enum Channel {

	SMS("Text message", "sms"), EMAIL("Email", "email"), LETTER("Letter", "letter");

	private final String label;

	private final String notifyType;

	Channel(String label, String notifyType) {
		this.label = label;
		this.notifyType = notifyType;
	}

	public String label() {
		return label;
	}

	/** Notify's name for the type, as in its API paths and {@code template_type} filter. */
	String notifyType() {
		return notifyType;
	}

}
