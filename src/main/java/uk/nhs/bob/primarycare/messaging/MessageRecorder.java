package uk.nhs.bob.primarycare.messaging;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a draft into a stored message with its first status: not sent (with the reason) when it has nowhere to go or
 * no template, in the outbox when no Notify API key is configured, otherwise queued, and then sent once the
 * transaction commits. A draft whose reference was seen before records nothing.
 */
@Component
class MessageRecorder {

	static final String NO_API_KEY = "No GOV.UK Notify API key is configured, so nothing is sent: this is what would "
			+ "have been sent";

	private final Messages messages;

	private final TemplateTexts texts;

	private final NotifyProperties properties;

	private final NotifySender sender;

	MessageRecorder(Messages messages, TemplateTexts texts, NotifyProperties properties, NotifySender sender) {
		this.messages = messages;
		this.texts = texts;
		this.properties = properties;
		this.sender = sender;
	}

	/** The stored message's id; empty when a message with the draft's reference already existed. */
	@Transactional
	Optional<UUID> record(Draft draft) {
		NotifyTemplate template = draft.template();
		TemplateTexts.Rendered rendered = template == null ? null : texts.render(template, draft.personalisation());
		String templateId = draft.route().channel() == Channel.LETTER || template == null ? null
				: properties.templateId(template);
		MessageStatus status;
		String reason = null;
		if (draft.route().isBlocked()) {
			status = draft.route().outOfDate() ? MessageStatus.OUT_OF_DATE : MessageStatus.NOT_SENT;
			reason = draft.route().blockedReason();
		}
		else if (!properties.configured()) {
			status = MessageStatus.OUTBOX;
			reason = NO_API_KEY;
		}
		else if (draft.route().channel() != Channel.LETTER && templateId == null) {
			status = MessageStatus.NOT_SENT;
			reason = "No GOV.UK Notify template id is configured for " + describe(template)
					+ ": set primarycare.notify.templates." + describe(template);
		}
		else {
			status = MessageStatus.QUEUED;
		}
		Optional<UUID> id = messages.insert(draft, status, reason, templateId, rendered);
		if (id.isPresent() && status == MessageStatus.QUEUED) {
			sendAfterCommit();
		}
		return id;
	}

	private static String describe(@Nullable NotifyTemplate template) {
		return template == null ? "letters" : template.propertyName();
	}

	private void sendAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sender.nudge();
				}
			});
		}
		else {
			sender.nudge();
		}
	}

}
