package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.IdentityMatch;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.TriageRequest.Identity;
import uk.nhs.bob.primarycare.triage.TriageRequest.Status;

/**
 * A coordinator settles a request recorded as identity not verified: confirms it is the person on the record (after
 * checking with them), or corrects the details, which go through the identity rule again. Only then is the request
 * linked to the person's history (repeats within 7 days, the keyworker's alert).
 */
@Component
class IdentityResolution {

	/** What a correction came to: settled, or the corrected details still do not match the record. */
	sealed interface Outcome {

		record Settled(Identity identity) implements Outcome {
		}

		record StillMismatched(IdentityMatch match) implements Outcome {
		}

	}

	private final TriageRequestRepository requests;

	private final TriageRequests triage;

	private final Population population;

	private final NavigationEngine engine;

	private final JsonMapper json;

	IdentityResolution(TriageRequestRepository requests, TriageRequests triage, Population population,
			NavigationEngine engine, JsonMapper json) {
		this.requests = requests;
		this.triage = triage;
		this.population = population;
		this.engine = engine;
		this.json = json;
	}

	/** It is the person the record holds under the NHS number sent: the record's details replace those sent. */
	@Transactional
	Outcome confirm(UUID id, long version, StaffUser user, String note) {
		TriageRequest request = load(id, version, user);
		PersonSummary held = java.util.Optional.ofNullable(request.sentNhsNumber())
			.flatMap(population::find)
			.filter(p -> !p.deceased())
			.orElseThrow(() -> new TriageRequests.WrongStateException(
					"The record for this NHS number is no longer there, or says the person has died: correct the details instead"));
		link(request, TriageRequests.fromRecord(held), user, note);
		return new Outcome.Settled(Identity.MATCHED);
	}

	/**
	 * The details as corrected (an NHS number, or none). A number and details the rule matches link the request to
	 * that person; a number held for nobody, or no number, leaves it as someone not registered; a number held for
	 * someone else is still a mismatch and nothing changes.
	 */
	@Transactional
	Outcome correct(UUID id, long version, StaffUser user, @Nullable NhsNumber nhsNumber, String givenName,
			String familyName, LocalDate dateOfBirth, String note) {
		TriageRequest request = load(id, version, user);
		NavigationInput.Sex sex = NavigationInput.Sex.valueOf(request.sex().toUpperCase(java.util.Locale.ROOT));
		if (nhsNumber == null) {
			keepAsGiven(request, new RequestedPerson(null, givenName, familyName, dateOfBirth, sex, request.postcode()),
					user, note);
			return new Outcome.Settled(Identity.NOT_REGISTERED);
		}
		IdentityMatch match = population.matchIdentity(nhsNumber, dateOfBirth, givenName, familyName);
		if (match.result() == IdentityMatch.Result.NOT_FOUND) {
			keepAsGiven(request, new RequestedPerson(nhsNumber, givenName, familyName, dateOfBirth, sex,
					request.postcode()), user, note);
			return new Outcome.Settled(Identity.NOT_REGISTERED);
		}
		if (!match.matched() || match.person().orElseThrow().deceased()) {
			return new Outcome.StillMismatched(match);
		}
		link(request, TriageRequests.fromRecord(match.person().orElseThrow()), user, note);
		return new Outcome.Settled(Identity.MATCHED);
	}

	private void keepAsGiven(TriageRequest request, RequestedPerson person, StaffUser user, String note) {
		request.resolveIdentity(person, Identity.NOT_REGISTERED, age(person), null, null, user.username(),
				Instant.now(), note);
		requests.flush();
	}

	/** Links the request to the person: the record's details, navigation again while open, repeats, the event. */
	private void link(TriageRequest request, RequestedPerson person, StaffUser user, String note) {
		int age = age(person);
		Navigation navigation = null;
		if (request.status() == Status.OPEN && request.decidedDisposition() == null) {
			navigation = engine.navigate(new NavigationInput(age, person.sex(), request.problem(),
					request.redFlagSet(), request.pregnant(), request.immunosuppressed(), request.urinaryCatheter(),
					request.symptomDays(), request.episodesLast6Months(), request.episodesLast12Months(),
					request.feverPainScore(), request.rashOnsetDays()));
		}
		request.resolveIdentity(person, Identity.MATCHED, age, navigation,
				navigation == null ? null : json.writeValueAsString(navigation), user.username(), Instant.now(), note);
		List<TriageRequest> earlier = requests.findByNhsNumberAndDateOfBirthAndReceivedAtBeforeOrderByReceivedAtDesc(
				person.nhsNumber(), person.dateOfBirth(), request.receivedAt());
		earlier.stream()
			.filter(e -> e.receivedAt().isAfter(request.receivedAt().minus(TriageRequests.REPEAT_WINDOW)))
			.findFirst()
			.ifPresent(e -> triage.linkRepeat(e, request));
		requests.flush();
		triage.publishReceived(request);
	}

	private static int age(RequestedPerson person) {
		return Math.max(0, PersonSummary.ageOn(person.dateOfBirth(), LocalDate.now(ServiceDirectory.UK_TIME)));
	}

	private TriageRequest load(UUID id, long version, StaffUser user) {
		TriageRequest request = requests.findById(id)
			.orElseThrow(() -> new TriageRequests.WrongStateException("No such request"));
		if (!TriageRequests.canSee(user, request)) {
			throw new AccessDeniedException("Request outside your scope");
		}
		if (request.version() != version) {
			throw new TriageRequests.StaleRequestException();
		}
		if (!request.identityNotVerified()) {
			throw new TriageRequests.WrongStateException("The identity of this request is already settled");
		}
		return request;
	}

}
