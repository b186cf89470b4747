package uk.nhs.bob.primarycare.messaging;

/**
 * The Notify templates the platform uses. Each has its id in {@code primarycare.notify.templates.<name>} and its
 * text, in Notify's markup, in {@code messaging/templates/<name>.txt} (the same text docs/messaging.md gives to paste
 * into Notify): the outbox renders what would have been sent from it.
 */
enum NotifyTemplate {

	FORM_CONFIRMATION_SMS, FORM_CONFIRMATION_EMAIL, TRIAGE_OUTCOME_SMS, TRIAGE_OUTCOME_EMAIL, CVD_INVITATION_SMS,
	CVD_INVITATION_EMAIL, CVD_REMINDER_SMS, CVD_REMINDER_EMAIL, CARE_PLAN_SMS, CARE_PLAN_EMAIL, FREE_TEXT_SMS;

	/** The name used in configuration and docs: {@code form-confirmation-sms}. */
	String propertyName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	Channel channel() {
		return name().endsWith("_EMAIL") ? Channel.EMAIL : Channel.SMS;
	}

}
