package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.IdentityMatch;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * What closes the loop on a request, from the forms as typed: settling an identity not verified, recording a call to
 * the person, recording the follow-up. Each form's checks come first; the change itself is made by
 * {@link IdentityResolution} or {@link FollowUps}, which own the transaction, the scope check and the event. Each
 * answers on the request page, a problem explained there with what was typed kept.
 */
@Component
class RequestActions {

	private static final String STALE = "Someone else changed this request meanwhile: check it again";

	private final IdentityResolution identities;

	private final FollowUps followUps;

	private final Validator validator;

	RequestActions(IdentityResolution identities, FollowUps followUps, Validator validator) {
		this.identities = identities;
		this.followUps = followUps;
		this.validator = validator;
	}

	/** It is the person the record holds under the NHS number sent. */
	ActionAnswer confirmIdentity(UUID id, StaffUser user, IdentityForm form) {
		Optional<String> problem = firstProblem(form, List.of("note"));
		if (problem.isPresent()) {
			return identityProblem(id, form, problem.get());
		}
		try {
			identities.confirm(id, identityVersion(form), user, form.note().trim());
			return ActionAnswer.done(page(id, ""), "Identity confirmed: the request is linked to the person on the record");
		}
		catch (TriageRequests.StaleRequestException ex) {
			return identityProblem(id, form, STALE);
		}
		catch (TriageRequests.WrongStateException ex) {
			return identityProblem(id, form, ex.getMessage());
		}
	}

	/** The details as corrected, through the identity rule again; a mismatch says what the record holds. */
	ActionAnswer correctIdentity(UUID id, StaffUser user, IdentityForm form) {
		Optional<String> problem = firstProblem(form, List.of("nhsNumber", "givenName", "familyName", "day", "note"),
				IdentityForm.Correction.class);
		if (problem.isPresent()) {
			return identityProblem(id, form, problem.get());
		}
		NhsNumber nhsNumber = NhsNumber.parse(form.nhsNumber()).orElse(null);
		LocalDate dateOfBirth = form.date().orElseThrow();
		try {
			IdentityResolution.Outcome outcome = identities.correct(id, identityVersion(form), user, nhsNumber,
					form.givenName().trim(), form.familyName().trim(), dateOfBirth, form.note().trim());
			if (outcome instanceof IdentityResolution.Outcome.StillMismatched mismatch) {
				return identityProblem(id, form, stillMismatched(mismatch.match()));
			}
			return ActionAnswer.done(page(id, ""), ((IdentityResolution.Outcome.Settled) outcome)
				.identity() == TriageRequest.Identity.MATCHED ? "Identity settled: linked to the person on the record"
						: "Identity settled: recorded as someone not registered in BOB");
		}
		catch (TriageRequests.StaleRequestException ex) {
			return identityProblem(id, form, STALE);
		}
		catch (TriageRequests.WrongStateException ex) {
			return identityProblem(id, form, ex.getMessage());
		}
	}

	ActionAnswer recordCall(UUID id, StaffUser user, CallForm form) {
		Optional<String> problem = firstProblem(form, List.of("outcome", "callNote"));
		if (problem.isPresent()) {
			return ActionAnswer.problem(page(id, "#calls"), problem.get(), "callNoteTyped", form.callNote());
		}
		CallOutcome outcome = CallOutcome.valueOf(form.outcome());
		followUps.recordCall(id, user, outcome, RequestForms.trimmed(form.callNote()));
		return ActionAnswer.done(page(id, "#calls"), "Call recorded: " + outcome.label());
	}

	ActionAnswer recordFollowUp(UUID id, StaffUser user, FollowUpForm form) {
		String page = page(id, "#follow-up");
		Optional<String> problem = firstProblem(form, List.of("followUpNote"));
		if (problem.isPresent()) {
			return ActionAnswer.problem(page, problem.get(), "followUpNoteTyped", form.followUpNote());
		}
		try {
			long expected = Long.parseLong(form.version() == null ? "" : form.version());
			return ActionAnswer.done(page, followUps.followedUp(id, expected, user, form.followUpNote().trim())
					? "Follow-up recorded" : "Someone else already recorded the follow-up");
		}
		catch (NumberFormatException | TriageRequests.StaleRequestException ex) {
			return ActionAnswer.problem(page, STALE, "followUpNoteTyped", form.followUpNote());
		}
		catch (TriageRequests.WrongStateException ex) {
			return ActionAnswer.problem(page, ex.getMessage());
		}
	}

	private static String stillMismatched(IdentityMatch match) {
		PersonSummary held = match.person().orElseThrow();
		return "The record for NHS number " + match.nhsNumber().formatted() + " holds " + held.givenName() + " "
				+ held.familyName() + ", born " + held.dateOfBirth()
				+ (held.deceased() ? ", and says this person has died" : "") + " (different "
				+ TriageRequests.differences(match) + "). Check the details, or leave the NHS number blank.";
	}

	private static ActionAnswer identityProblem(UUID id, IdentityForm form, String problem) {
		return ActionAnswer.problem(page(id, "#identity"), problem, "identityTyped", form);
	}

	private static String page(UUID id, String fragment) {
		return "/triage/requests/" + id + fragment;
	}

	private static long identityVersion(IdentityForm form) {
		try {
			return Long.parseLong(form.version() == null ? "" : form.version());
		}
		catch (NumberFormatException ex) {
			throw new TriageRequests.StaleRequestException();
		}
	}

	/** The first problem of the form's checks in the order of the page's fields, shown as one message. */
	private Optional<String> firstProblem(Object form, List<String> order, Class<?>... groups) {
		Class<?>[] all = Stream.concat(Stream.of(Default.class), Arrays.stream(groups)).toArray(Class<?>[]::new);
		return validator.validate(form, all)
			.stream()
			.min(Comparator.comparingInt(v -> order.indexOf(v.getPropertyPath().toString())))
			.map(ConstraintViolation::getMessage);
	}

}
