package uk.nhs.bob.primarycare.triage;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.IdentityMatch;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A care coordinator records a request for a caller or walk-in: finding the person among the people registered in
 * their scope (each shown audited), and recording the request for them or for someone typed in, with the identity
 * rule applied to a number typed and the hub chosen when the person is not matched. The change itself is
 * {@link TriageRequests#record}'s, in its transaction with its events.
 */
@Component
class TriageIntake {

	static final String PAGE = "/triage/requests/new";

	static final String PURPOSE = "Direct care: recording a same-day request";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	/** A person a search found, as the find-a-person page lists them. */
	public record Found(NhsNumber nhsNumber, String name, java.time.LocalDate dateOfBirth, String practiceName) {
	}

	/**
	 * What recording came to: the answer when recorded; otherwise the form's problems are in its binding result, and
	 * the person found (when one was) is shown again beside it.
	 */
	record Outcome(@Nullable ActionAnswer recorded, TriagePeople.@Nullable PersonInScope person) {
	}

	/** The person a request is for, and whether the identity rule matched them to the record (their hub decides). */
	private record Identified(@Nullable RequestedPerson person, boolean matched,
			TriagePeople.@Nullable PersonInScope found) {
	}

	private final TriageRequests requests;

	private final TriagePeople people;

	private final Population population;

	private final TriageOptions options;

	private final Directory directory;

	private final SmartValidator validator;

	TriageIntake(TriageRequests requests, TriagePeople people, Population population, TriageOptions options,
			Directory directory, SmartValidator validator) {
		this.requests = requests;
		this.people = people;
		this.population = population;
		this.options = options;
		this.directory = directory;
		this.validator = validator;
	}

	/** The people in the user's scope the search finds (the living only, at most 20), each shown audited. */
	List<Found> find(PersonLookupForm form, BindingResult errors, StaffUser user) {
		return people.shown(() -> lookUp(form, errors), user, 20, PAGE, PURPOSE)
			.stream()
			.map(p -> new Found(p.person().nhsNumber(), p.person().displayName(), p.person().dateOfBirth(),
					p.practice().name()))
			.toList();
	}

	private List<PersonSummary> lookUp(PersonLookupForm form, BindingResult errors) {
		validator.validate(form, errors);
		if (errors.hasErrors()) {
			return List.of();
		}
		List<PersonSummary> found = NhsNumber.parse(form.nhsNumber())
			.map(population::find)
			.map(person -> person.stream().toList())
			.orElseGet(() -> population.search(form.familyName(), form.date().orElseThrow(), 100));
		return found.stream().filter(p -> !p.deceased()).toList();
	}

	/** The person in the user's scope to record a request for, audited; empty when gone or outside the scope. */
	Optional<TriagePeople.PersonInScope> person(NhsNumber number, StaffUser user) {
		return people.view(number, user, PAGE, PURPOSE);
	}

	/** A new, empty form for someone not registered: at the user's hub when they have only one. */
	RequestForm unregisteredForm(StaffUser user) {
		List<String> sites = options.sitesFor(user).stream().map(s -> s.code()).toList();
		return RequestForm.empty(UUID.randomUUID().toString(), null, sites.size() == 1 ? sites.get(0) : null);
	}

	Outcome record(RequestForm form, BindingResult errors, StaffUser user) {
		Identified identified = form.registered() ? registered(form, errors, user) : typed(form, errors, user);
		if (!identified.matched()) {
			validator.validate(form, errors, RequestForm.Unmatched.class);
		}
		validator.validate(form, errors, RequestForm.Details.class);
		RequestedPerson person = identified.person();
		if (errors.hasErrors() || person == null) {
			return new Outcome(null, identified.found());
		}
		String token = RequestForms.blank(form.formToken()) ? UUID.randomUUID().toString() : form.formToken();
		TriageRequests.Recorded recorded = requests.record(new NewRequest(TriageRequest.Channel.COORDINATOR,
				"staff:" + token, user.username(), person, null, identified.matched() ? null : form.siteCode(),
				RequestForms.details(form)));
		if (options.sitesFor(user).stream().noneMatch(s -> s.code().equals(recorded.siteCode()))) {
			// matched to someone registered with another hub: it is in that hub's queue, which this user cannot open
			return new Outcome(ActionAnswer.done("/triage", "Request " + recorded.reference() + " recorded. The "
					+ "person is registered with a practice of " + directory.site(recorded.siteCode())
						.map(s -> s.name())
						.orElse(recorded.siteCode())
					+ " hub, outside your scope, so it is in that hub's queue."), null);
		}
		return new Outcome(new ActionAnswer("/triage/requests/" + recorded.id(),
				java.util.Map.of("recorded", recorded.reference())), null);
	}

	/** The person found by search, read again: gone or out of scope since is a form error, never a 403 or 404. */
	private Identified registered(RequestForm form, BindingResult errors, StaffUser user) {
		Optional<TriagePeople.PersonInScope> found = NhsNumber.parse(form.nhsNumber())
			.flatMap(number -> person(number, user));
		if (found.isEmpty()) {
			errors.reject("person.gone", "This person is no longer registered at a practice in your scope. Find them "
					+ "again, or record the request for someone not registered.");
			return new Identified(null, true, null);
		}
		return new Identified(TriageRequests.fromRecord(found.get().person()), true, found.get());
	}

	/**
	 * The details as typed, with the identity rule applied to an NHS number: a match records the request for the
	 * person on the record, a number held for nobody is kept as given, and a mismatch is an error on the NHS number
	 * that says what the record holds (when the person is in the user's scope) and keeps everything typed.
	 */
	private Identified typed(RequestForm form, BindingResult errors, StaffUser user) {
		validator.validate(form, errors, RequestForm.TypedPerson.class);
		if (errors.hasErrors()) {
			return new Identified(null, false, null);
		}
		RequestedPerson person = RequestForms.person(form);
		if (person.nhsNumber() == null) {
			return new Identified(person, false, null);
		}
		TriagePeople.StaffIdentity identity = people.identify(person.nhsNumber(), person, user, PAGE, PURPOSE);
		IdentityMatch match = identity.match();
		if (match.result() == IdentityMatch.Result.NOT_FOUND) {
			return new Identified(person, false, null);
		}
		String problem = problem(match, identity.inScope());
		if (problem != null) {
			// the identity rule decides, never a constraint: it needs the record
			errors.rejectValue("nhsNumber", "nhsNumber.mismatch", problem);
			return new Identified(null, false, null);
		}
		return new Identified(person, true, null);
	}

	/** Why the number typed cannot be used for these details, saying what the record holds only when in scope. */
	private static @Nullable String problem(IdentityMatch match, boolean inScope) {
		String number = match.nhsNumber().formatted();
		PersonSummary held = match.person().orElseThrow();
		if (!inScope) {
			return match.matched() && !held.deceased() ? null : "NHS number " + number + " belongs to someone "
					+ "registered outside your scope whose details are different. Check the number with the caller, "
					+ "or leave it blank to record the request without it.";
		}
		if (held.deceased()) {
			return "The record for NHS number " + number + " says this person died on "
					+ DATE.format(held.dateOfDeath()) + ". Check the number with the caller.";
		}
		if (!match.matched()) {
			return "The record for NHS number " + number + " holds " + held.givenName() + " " + held.familyName()
					+ ", born " + DATE.format(held.dateOfBirth()) + " (different " + TriageRequests.differences(match)
					+ "). Check the details with the caller and correct them, or leave the NHS number blank.";
		}
		return null;
	}

}
