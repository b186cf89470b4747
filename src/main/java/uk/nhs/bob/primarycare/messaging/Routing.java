package uk.nhs.bob.primarycare.messaging;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.TriageRequestSummary;

/**
 * Where a message may go, or why it may not: no message without a contact route and a basis for sending it. For a
 * person that is their recorded consent (an opt-out or a refusal wins, and nobody who has died is messaged). For a
 * same-day request it is the mobile number given on the request to be contacted about it, unless the registered
 * person has opted out or refused; without one, the person's own consented details.
 */
@Component
class Routing {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

	private final Population population;

	private final Contacts contacts;

	Routing(Population population, Contacts contacts) {
		this.population = population;
		this.contacts = contacts;
	}

	/**
	 * The person's preferred channel among {@code channels} when they have it, otherwise the first of
	 * {@code channels} (in the order given) they have.
	 */
	Route forPerson(NhsNumber nhsNumber, List<Channel> channels) {
		Optional<PersonSummary> person = population.find(nhsNumber);
		if (person.isEmpty()) {
			return Route.blocked("The person is not in the population");
		}
		ContactDetails details = contacts.find(nhsNumber);
		Optional<Route> refused = refusal(person.get(), details);
		if (refused.isPresent()) {
			return refused.get();
		}
		if (details.consent() != Consent.GIVEN) {
			return Route.blocked("No consent to messages is recorded: ask the person and record it");
		}
		String basis = "Consent to messages"
				+ (details.consentRecordedOn() == null ? "" : " recorded on " + DAY.format(details.consentRecordedOn()));
		Channel preferred = details.preferredChannel();
		if (preferred != null && channels.contains(preferred) && details.has(preferred)) {
			return Route.to(preferred, details.address(preferred), basis);
		}
		for (Channel channel : channels) {
			if (details.has(channel)) {
				return Route.to(channel, details.address(channel), basis);
			}
		}
		return Route.blocked("No " + channels.stream().map(Routing::what).collect(Collectors.joining(" or "))
				+ " is recorded");
	}

	/** A same-day request: the mobile given on it first, then the registered person's own consented details. */
	Route forRequest(TriageRequestSummary request, List<Channel> channels) {
		NhsNumber nhsNumber = request.nhsNumber();
		if (nhsNumber != null) {
			Optional<PersonSummary> person = population.find(nhsNumber);
			if (person.isPresent()) {
				Optional<Route> refused = refusal(person.get(), contacts.find(nhsNumber));
				if (refused.isPresent()) {
					return refused.get();
				}
			}
		}
		String phone = request.contactPhone();
		Optional<MobileNumber> mobile = phone == null ? Optional.empty() : MobileNumber.parse(phone);
		if (mobile.isPresent() && channels.contains(Channel.SMS)) {
			return Route.to(Channel.SMS, mobile.get().value(),
					"Mobile number given on request " + request.reference() + " to be contacted about it");
		}
		if (nhsNumber != null) {
			Route own = forPerson(nhsNumber, channels);
			if (!own.isBlocked()) {
				return own;
			}
		}
		if (phone != null && !phone.isBlank()) {
			return Route.blocked("The phone number given on the request (" + phone
					+ ") is not a UK mobile number, so no text message can go to it: phone the person");
		}
		return Route.blocked("No mobile number was given on the request, and the person has no consented contact "
				+ "details on record");
	}

	private static Optional<Route> refusal(PersonSummary person, ContactDetails details) {
		if (person.deceased()) {
			return Optional.of(Route.blocked("The person has died"));
		}
		if (details.optedOut()) {
			return Optional.of(Route.blocked("The person opted out of messages"
					+ (details.optedOutOn() == null ? "" : " on " + DAY.format(details.optedOutOn()))));
		}
		if (details.consent() == Consent.REFUSED) {
			return Optional.of(Route.blocked("The person said they do not want messages"));
		}
		return Optional.empty();
	}

	private static String what(Channel channel) {
		return switch (channel) {
			case SMS -> "mobile number";
			case EMAIL -> "email address";
			case LETTER -> "postal address";
		};
	}

}
