package uk.nhs.bob.primarycare.messaging;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach GOV.UK Notify ({@code primarycare.notify.*}). Without an API key nothing is sent: messages are kept in
 * the outbox, marked not sent. Template ids are keyed by the template names in docs/messaging.md.
 *
 * @param callbackBearerToken the token Notify sends with delivery receipts; without one every receipt is refused
 * @param maxAttempts attempts before a message that keeps meeting network errors or 5xx is given up as failed
 * @param firstRetryDelay the wait before the second attempt; each later wait doubles, up to {@code maxRetryDelay}
 * @param pollInterval how often the sender looks for messages due (new ones are also sent as soon as they commit)
 * @param maxPerMinute the most calls to Notify a minute from this instance: Notify allows 3,000 a minute per API key,
 * so with several instances give each its share
 */
@ConfigurationProperties("primarycare.notify")
record NotifyProperties(@Nullable String apiKey,
		@DefaultValue("https://api.notifications.service.gov.uk") String baseUrl,
		@Nullable String callbackBearerToken, @Nullable Map<String, String> templates,
		@DefaultValue("PT10S") Duration connectTimeout, @DefaultValue("PT30S") Duration readTimeout,
		@DefaultValue("8") int maxAttempts, @DefaultValue("PT30S") Duration firstRetryDelay,
		@DefaultValue("PT1H") Duration maxRetryDelay, @DefaultValue("PT5S") Duration pollInterval,
		@DefaultValue("4") int senderThreads, @DefaultValue("3000") int maxPerMinute) {

	/** A Notify API key ends with the service id and the secret, two UUIDs of 36 characters joined by a hyphen. */
	private static final java.util.regex.Pattern API_KEY = java.util.regex.Pattern
		.compile("^.*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

	NotifyProperties {
		templates = templates == null ? Map.of() : Map.copyOf(templates);
		if (apiKey != null && !apiKey.isBlank() && !API_KEY.matcher(apiKey.trim()).matches()) {
			throw new IllegalArgumentException("primarycare.notify.api-key is not a GOV.UK Notify API key (it ends with "
					+ "the service id and the secret key, two UUIDs): copy the whole key from Notify's API integration page");
		}
		if (maxAttempts < 1 || senderThreads < 1 || maxPerMinute < 1) {
			throw new IllegalArgumentException(
					"primarycare.notify.max-attempts, sender-threads and max-per-minute must be 1 or more");
		}
	}

	boolean configured() {
		return apiKey != null && !apiKey.isBlank();
	}

	boolean receiptsConfigured() {
		return callbackBearerToken != null && !callbackBearerToken.isBlank();
	}

	@Nullable String templateId(NotifyTemplate template) {
		String id = templates().get(template.propertyName());
		return id == null || id.isBlank() ? null : id.trim();
	}

	/** The wait before attempt {@code attempt + 1} after {@code attempt} failed attempts: doubling, capped. */
	Duration retryDelay(int attempt) {
		Duration delay = firstRetryDelay;
		for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
	}

}
