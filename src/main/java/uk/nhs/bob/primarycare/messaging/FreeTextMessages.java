package uk.nhs.bob.primarycare.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.triage.TriageRequestSummaries;
import uk.nhs.bob.primarycare.triage.TriageRequestSummary;

/**
 * A coordinator's own text message about a same-day request, to the mobile given on it (or the person's consented
 * mobile). Who sent what, to whom and when is kept on the message itself, and the access goes in the audit log.
 */
@Component
class FreeTextMessages {

	/** The request has no mobile the message may go to: the reason says why. */
	static class NoMobileException extends RuntimeException {

		NoMobileException(String reason) {
			super(reason);
		}

	}

	private final TriageRequestSummaries requests;

	private final Routing routing;

	private final MessageRecorder recorder;

	private final Messages messages;

	private final Directory directory;

	private final MessageViews views;

	FreeTextMessages(TriageRequestSummaries requests, Routing routing, MessageRecorder recorder, Messages messages,
			Directory directory, MessageViews views) {
		this.requests = requests;
		this.routing = routing;
		this.recorder = recorder;
		this.messages = messages;
		this.directory = directory;
		this.views = views;
	}

	/** The message's id (the first one's, when the same form was sent twice). */
	@Transactional
	UUID send(UUID requestId, String text, UUID formToken, StaffUser user, String page) {
		TriageRequestSummary request = requests.find(requestId).orElseThrow();
		if (!user.scope().coversSite(request.siteCode(), request.placeCode())) {
			throw new AccessDeniedException("Request outside your scope");
		}
		Route route = routing.forRequest(request, List.of(Channel.SMS));
		if (route.isBlocked()) {
			throw new NoMobileException(route.blockedReason());
		}
		String reference = MessageKind.FREE_TEXT.reference(formToken);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("hub_name", directory.site(request.siteCode()).map(SiteSummary::name).orElse("BOB"));
		fields.put("reference", request.reference());
		fields.put("message", text.strip());
		Optional<UUID> recorded = recorder.record(new Draft(MessageKind.FREE_TEXT, reference, request.nhsNumber(),
				request.id(), request.reference(), request.siteCode(), request.placeCode(), request.practiceCode(),
				route, fields, null, null, user.username()));
		if (recorded.isEmpty()) {
			// the same form sent again: the text was made (and audited) the first time
			return messages.findByReference(reference).orElseThrow().id();
		}
		views.auditRequest(user, request, page, "Sent a text message about request " + request.reference());
		return recorded.get();
	}

}
