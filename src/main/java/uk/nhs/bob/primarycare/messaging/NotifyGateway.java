package uk.nhs.bob.primarycare.messaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.service.notify.LetterResponse;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;
import uk.gov.service.notify.SendEmailResponse;
import uk.gov.service.notify.SendSmsResponse;
import uk.gov.service.notify.TimeLimitedNotificationClient;

import org.springframework.stereotype.Component;

/**
 * GOV.UK Notify through its own Java client: sends a stored message, finds one by reference, and sorts what went
 * wrong into a failure worth retrying (no answer, a 5xx, or 429 when Notify asks us to slow down) or a refusal (any
 * other 4xx, with Notify's own words). Without an API key there is no client and nothing is ever sent.
 */
@Component
class NotifyGateway {

	/** The message was accepted: Notify's id, the status it starts in and the text it rendered, if any. */
	record Accepted(UUID notificationId, MessageStatus status, @Nullable String body) {
	}

	/** Notify did not accept the message. */
	static class NotifyFailure extends Exception {

		private final int httpStatus;

		NotifyFailure(int httpStatus, String reason, @Nullable Throwable cause) {
			super(reason, cause);
			this.httpStatus = httpStatus;
		}

		/** 0 when there was no answer (a network error or a timeout). */
		int httpStatus() {
			return httpStatus;
		}

		boolean retryable() {
			return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500;
		}

		String describe() {
			return (httpStatus == 0 ? "No answer from GOV.UK Notify" : "GOV.UK Notify answered " + httpStatus) + ": "
					+ getMessage();
		}

	}

	private final @Nullable NotificationClient client;

	private final NotifyProperties properties;

	private final JsonMapper json;

	NotifyGateway(NotifyProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.client = properties.configured() ? new TimeLimitedNotificationClient(properties.apiKey().trim(),
				properties.baseUrl(), properties.connectTimeout(), properties.readTimeout()) : null;
	}

	boolean configured() {
		return client != null;
	}

	Accepted send(MessageRecord message, byte @Nullable [] letterPdf) throws NotifyFailure {
		NotificationClient notify = requireClient();
		Channel channel = message.channel();
		try {
			if (channel == Channel.LETTER) {
				if (letterPdf == null) {
					throw new NotifyFailure(400, "The letter has no PDF", null);
				}
				LetterResponse response = notify.sendPrecompiledLetterWithInputStream(message.reference(),
						new ByteArrayInputStream(letterPdf));
				return new Accepted(response.getNotificationId(), MessageStatus.PENDING_VIRUS_CHECK, null);
			}
			String templateId = message.templateId();
			if (templateId == null || message.recipient() == null) {
				throw new NotifyFailure(400, "No template id or recipient", null);
			}
			if (channel == Channel.EMAIL) {
				SendEmailResponse response = notify.sendEmail(templateId, message.recipient(),
						message.personalisation(), message.reference());
				return new Accepted(response.getNotificationId(), MessageStatus.CREATED, response.getBody());
			}
			SendSmsResponse response = notify.sendSms(templateId, message.recipient(), message.personalisation(),
					message.reference());
			return new Accepted(response.getNotificationId(), MessageStatus.CREATED, response.getBody());
		}
		catch (NotificationClientException ex) {
			throw failure(ex);
		}
	}

	/**
	 * The notification Notify already holds with this reference, if any: asked before sending again, because a send
	 * whose answer was lost may have reached Notify (which does not refuse a repeated reference).
	 */
	Optional<Accepted> findByReference(MessageRecord message) throws NotifyFailure {
		NotificationClient notify = requireClient();
		try {
			NotificationList list = notify.getNotifications(null,
					message.channel() == null ? null : message.channel().notifyType(), message.reference(), null);
			for (Notification notification : list.getNotifications()) {
				if (message.reference().equals(notification.getReference().orElse(null))) {
					MessageStatus status = MessageStatus.fromNotify(notification.getStatus())
						.orElse(MessageStatus.CREATED);
					return Optional.of(new Accepted(notification.getId(), status, notification.getBody()));
				}
			}
			return Optional.empty();
		}
		catch (NotificationClientException ex) {
			throw failure(ex);
		}
		catch (RuntimeException ex) {
			// an answer the client could not read: treat as no answer and ask again later
			throw new NotifyFailure(0, "Could not read GOV.UK Notify's answer: " + ex.getMessage(), ex);
		}
	}

	private NotificationClient requireClient() {
		if (client == null) {
			throw new IllegalStateException("No GOV.UK Notify API key is configured");
		}
		return client;
	}

	/** Notify's answer as a failure: its status and its own error messages, or the network error. */
	private NotifyFailure failure(NotificationClientException ex) {
		int status = ex.getHttpResult();
		if (status == 0 || ex.getCause() instanceof IOException) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			return new NotifyFailure(0, String.valueOf(cause.getMessage() == null ? cause.getClass().getSimpleName()
					: cause.getClass().getSimpleName() + ": " + cause.getMessage()), ex);
		}
		return new NotifyFailure(status, reason(ex.getMessage()), ex);
	}

	/** The client reports "Status code: 400 {json}"; Notify's JSON lists its errors with a message each. */
	private String reason(@Nullable String message) {
		if (message == null) {
			return "No reason given";
		}
		int start = message.indexOf('{');
		if (start < 0) {
			return message;
		}
		try {
			JsonNode errors = json.readTree(message.substring(start)).path("errors");
			List<String> reasons = new ArrayList<>();
			for (JsonNode error : errors) {
				String text = error.path("message").asString("");
				String type = error.path("error").asString("");
				reasons.add(type.isEmpty() ? text : type + ": " + text);
			}
			return reasons.isEmpty() ? message.substring(start) : String.join("; ", reasons);
		}
		catch (RuntimeException ex) {
			return message;
		}
	}

	NotifyProperties properties() {
		return properties;
	}

}
