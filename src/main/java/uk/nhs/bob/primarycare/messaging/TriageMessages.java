package uk.nhs.bob.primarycare.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.OpeningHours;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.ServiceSummary;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.triage.Disposition;
import uk.nhs.bob.primarycare.triage.TriageRequestCompleted;
import uk.nhs.bob.primarycare.triage.TriageRequestRecorded;
import uk.nhs.bob.primarycare.triage.TriageRequestSummaries;
import uk.nhs.bob.primarycare.triage.TriageRequestSummary;

/**
 * Messages about same-day requests. A request from the online form is confirmed with its reference, what happens
 * next and by when (the hub's hours), and what to do if it gets worse. A completed request tells the person where to
 * go: the service, its address (the postcode alone when the directory has no street address) and phone, whether it is open now or when it opens, the safety-net advice and the
 * follow-up date. A red-flag outcome is never left to a message: the coordinator phones, and the list of messages
 * not sent says so.
 */
@Component
class TriageMessages {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TriageMessages.class);

	/** A confirmation or outcome made later than this after the fact would confuse more than help. */
	static final Duration TOO_LATE = Duration.ofDays(1);

	static final String IF_WORSE = "If things get worse, call 111, or 999 in an emergency.";

	static final String RED_FLAG = "Red-flag outcome: the coordinator phones the person. An outcome like this is "
			+ "never left to a message alone";

	private final TriageRequestSummaries requests;

	private final Routing routing;

	private final MessageRecorder recorder;

	private final Directory directory;

	private final ServiceDirectory services;

	TriageMessages(TriageRequestSummaries requests, Routing routing, MessageRecorder recorder, Directory directory,
			ServiceDirectory services) {
		this.requests = requests;
		this.routing = routing;
		this.recorder = recorder;
		this.directory = directory;
		this.services = services;
	}

	@ApplicationModuleListener
	void on(TriageRequestRecorded event) {
		if (!event.fromOnlineForm()) {
			return;
		}
		TriageRequestSummary request = requests.find(event.requestId()).orElse(null);
		if (request == null) {
			unknown(event.requestId());
			return;
		}
		Route route = late(request.receivedAt()) ? Route.outOfDate(tooLate("received"))
				: routing.forRequest(request, List.of(Channel.SMS, Channel.EMAIL));
		recorder.record(draft(MessageKind.FORM_CONFIRMATION, request, route, confirmation(request)));
	}

	@ApplicationModuleListener
	void on(TriageRequestCompleted event) {
		TriageRequestSummary request = requests.find(event.requestId()).orElse(null);
		if (request == null) {
			unknown(event.requestId());
			return;
		}
		Disposition disposition = request.decidedDisposition();
		if (disposition == null) {
			return;
		}
		Route route;
		if (request.redFlag() || disposition.urgency() == 1) {
			route = Route.blocked(RED_FLAG);
		}
		else if (late(event.completedAt())) {
			route = Route.outOfDate(tooLate("completed"));
		}
		else {
			route = routing.forRequest(request, List.of(Channel.SMS, Channel.EMAIL));
		}
		recorder.record(draft(MessageKind.TRIAGE_OUTCOME, request, route,
				outcome(request, disposition, LocalDateTime.ofInstant(event.completedAt(), ServiceDirectory.UK_TIME))));
	}

	/**
	 * An event about a request triage does not hold: nothing can be sent, and a retry would fail the same way, so the
	 * event is completed with a warning rather than left to be resubmitted for ever.
	 */
	private static void unknown(java.util.UUID requestId) {
		log.warn("No triage request {} for a triage event: no message made", requestId);
	}

	/** The confirmation's fields: the reference, what happens next and by when, and what to do if it gets worse. */
	Map<String, String> confirmation(TriageRequestSummary request) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("reference", request.reference());
		fields.put("next_steps", nextSteps(request.suggestedDisposition(), requests.hubHours(request.siteCode()),
				LocalDateTime.ofInstant(request.receivedAt(), ServiceDirectory.UK_TIME)));
		fields.put("if_worse", IF_WORSE);
		fields.put("hub_name", directory.site(request.siteCode()).map(SiteSummary::name).orElse("BOB"));
		return fields;
	}

	/**
	 * What happens next, by the urgency of the suggestion and the hub's hours (set on its settings page in triage)
	 * when the request arrived, as the confirmation page said it: emergency advice first; a hub open then looks at it
	 * that day; a closed one when it next opens, with NHS 111 meanwhile.
	 */
	static String nextSteps(Disposition suggestion, OpeningHours hours, LocalDateTime received) {
		if (suggestion.urgency() == 1) {
			String action = switch (suggestion) {
				case EMERGENCY_999 -> "Call 999 now.";
				case EYE_CASUALTY -> "Go to eye casualty now.";
				default -> "Go to A&E now.";
			};
			return "From your answers, you may need emergency care. " + action
					+ " Do not wait for us to contact you.";
		}
		Optional<LocalTime> closes = hours.closesAfter(received);
		if (closes.isPresent()) {
			String open = "The hub is open now, until " + Wording.time(closes.get()) + ". ";
			return open + (suggestion.urgency() == 2 ? "A care coordinator will phone you back today."
					: "A care coordinator will look at your request today and contact you.");
		}
		String meanwhile = " If you need help before then, use NHS 111 online or call 111.";
		Optional<LocalDateTime> opens = hours.nextOpening(received);
		if (opens.isEmpty()) {
			return "The hub has not listed its opening hours, so we cannot say when it will see your request. If you "
					+ "need help soon, use NHS 111 online or call 111.";
		}
		LocalDateTime at = opens.get();
		return "The hub is closed now. A care coordinator will look at your request when it opens, "
				+ Wording.dayFrom(at.toLocalDate(), received.toLocalDate()) + " at " + Wording.time(at.toLocalTime())
				+ ", and contact you." + meanwhile;
	}

	/** The outcome's fields: where to go and how to get there, the safety net and the follow-up date. */
	Map<String, String> outcome(TriageRequestSummary request, Disposition disposition, LocalDateTime now) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("reference", request.reference());
		fields.put("where_to_go", disposition.label());
		Optional<ServiceSummary> service = request.serviceId() == null ? Optional.empty()
				: services.service(request.serviceId());
		fields.put("service", service.map(s -> serviceDetails(s, now)).orElse(noService(disposition)));
		// the address alone too, for a Notify template that lays it out on its own line; never blank, so a template
		// using it has no empty line (the postcode alone when the directory has no street address)
		service.ifPresent(s -> fields.put("service_address", s.addressText()));
		fields.put("safety_net", request.safetyNet() == null || request.safetyNet().isBlank() ? IF_WORSE
				: request.safetyNet());
		fields.put("follow_up_date",
				request.followUpDate() == null ? "the next few days" : Wording.day(request.followUpDate()));
		return fields;
	}

	static String serviceDetails(ServiceSummary service, LocalDateTime now) {
		StringBuilder text = new StringBuilder(service.name()).append(", ").append(service.addressText());
		if (service.phone() != null && !service.phone().isBlank()) {
			text.append(". Phone ").append(service.phone());
		}
		text.append(".\n").append(Wording.openNow(service.openingHours(), now));
		if (!service.openingHours().isEmpty()) {
			text.append(' ').append(Wording.today(service.openingHours(), now.toLocalDate()));
		}
		return text.toString();
	}

	private static String noService(Disposition disposition) {
		return switch (disposition) {
			case GP_ROUTINE, URGENT_GP_SAME_DAY, PRACTICE_NURSE -> "Your GP practice will contact you to arrange it.";
			case SELF_CARE -> "You can look after this yourself: the NHS website (www.nhs.uk) has advice.";
			default -> "Find one near you on the NHS website: www.nhs.uk/service-search.";
		};
	}

	private static boolean late(@Nullable Instant at) {
		return at != null && at.isBefore(Instant.now().minus(TOO_LATE));
	}

	private static String tooLate(String what) {
		return "The request was " + what + " more than a day before this message was made, so it is not sent";
	}

	private static Draft draft(MessageKind kind, TriageRequestSummary request, Route route,
			Map<String, String> personalisation) {
		return new Draft(kind, kind.reference(request.id()), request.nhsNumber(), request.id(), request.reference(),
				request.siteCode(), request.placeCode(), request.practiceCode(), route, personalisation, null, null,
				null);
	}

}
