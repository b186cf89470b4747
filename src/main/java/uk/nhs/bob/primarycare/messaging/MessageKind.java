package uk.nhs.bob.primarycare.messaging;

import org.jspecify.annotations.Nullable;

/** What a message is about; each kind has a Notify template per channel it can go by (letters are precompiled PDFs). */
enum MessageKind {

	FORM_CONFIRMATION("Online request confirmation", "form-confirmation", NotifyTemplate.FORM_CONFIRMATION_SMS,
			NotifyTemplate.FORM_CONFIRMATION_EMAIL),
	TRIAGE_OUTCOME("Triage outcome: where to go", "triage-outcome", NotifyTemplate.TRIAGE_OUTCOME_SMS,
			NotifyTemplate.TRIAGE_OUTCOME_EMAIL),
	CVD_INVITATION("CVD prevention invitation", "cvd-invitation", NotifyTemplate.CVD_INVITATION_SMS,
			NotifyTemplate.CVD_INVITATION_EMAIL),
	CVD_REMINDER("CVD prevention reminder", "cvd-reminder", NotifyTemplate.CVD_REMINDER_SMS,
			NotifyTemplate.CVD_REMINDER_EMAIL),
	CARE_PLAN("Copy of the agreed care plan", "care-plan", NotifyTemplate.CARE_PLAN_SMS,
			NotifyTemplate.CARE_PLAN_EMAIL),
	CARE_PLAN_COPY("Copy of the care plan, sent on request", "care-plan-copy", NotifyTemplate.CARE_PLAN_SMS,
			NotifyTemplate.CARE_PLAN_EMAIL),
	FREE_TEXT("Text message from a coordinator", "free-text", NotifyTemplate.FREE_TEXT_SMS, null);

	private final String label;

	private final String referencePrefix;

	private final NotifyTemplate sms;

	private final @Nullable NotifyTemplate email;

	MessageKind(String label, String referencePrefix, NotifyTemplate sms, @Nullable NotifyTemplate email) {
		this.label = label;
		this.referencePrefix = referencePrefix;
		this.sms = sms;
		this.email = email;
	}

	public String label() {
		return label;
	}

	/**
	 * The Notify reference of this kind of message for the id its event carries: one message per event and kind,
	 * because the reference is unique. It holds no personal data (Notify shows references in its own logs).
	 */
	String reference(Object eventId) {
		return referencePrefix + ":" + eventId;
	}

	/** The template for a channel; empty for letters, which are sent as precompiled PDFs. */
	@Nullable NotifyTemplate template(Channel channel) {
		return switch (channel) {
			case SMS -> sms;
			case EMAIL -> email;
			case LETTER -> null;
		};
	}

}
