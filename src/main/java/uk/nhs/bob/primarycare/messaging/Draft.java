package uk.nhs.bob.primarycare.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A message composed from an event, before it is recorded: what it is, the Notify reference, who it is about, where
 * it goes and the personalisation (or, for a letter, the PDF). {@code siteCode}, {@code placeCode} and
 * {@code practiceCode} decide which staff see it in lists.
 */
record Draft(MessageKind kind, String reference, @Nullable NhsNumber nhsNumber, @Nullable UUID requestId,
		@Nullable String requestReference, String siteCode, String placeCode, @Nullable String practiceCode,
		Route route, Map<String, String> personalisation, byte @Nullable [] letterPdf, @Nullable String letterText,
		@Nullable String createdBy) {

	Draft {
		personalisation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(personalisation));
	}

	/** The template the message goes by; a message that cannot be sent is shown as its text message would read. */
	@Nullable NotifyTemplate template() {
		return kind.template(route.channel() == null ? Channel.SMS : route.channel());
	}

}
