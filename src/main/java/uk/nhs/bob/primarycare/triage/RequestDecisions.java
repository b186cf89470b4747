package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.triage.TriageRequest.Status;

/**
 * A coordinator's decision and a supervisor's supervision, from the form as typed: its checks, the rules only the
 * server can apply (a reason to override the request's suggestion; a service in the person's Place), the referral
 * with the pathway's defaults, and the change itself in {@link TriageRequests}, which owns the transaction and the
 * event. Not transactional itself: a refused change rolls back there, and is answered here.
 */
@Component
class RequestDecisions {

	/** What a decision came to. */
	sealed interface Outcome {

		/** Recorded: a message for the page the user goes on to. */
		record Done(String redirect, String message) implements Outcome {
		}

		/** Refused: the reasons are in the form's binding result, and the page is shown again. */
		record Refused() implements Outcome {
		}

		/** Someone else changed the request since the form was drawn. */
		record Conflict() implements Outcome {
		}

	}

	private final TriageRequests requests;

	private final SmartValidator validator;

	RequestDecisions(TriageRequests requests, SmartValidator validator) {
		this.requests = requests;
		this.validator = validator;
	}

	Outcome decide(UUID id, StaffUser user, DecisionForm form, BindingResult errors) {
		TriageRequest request = requests.inScope(id, user);
		validator.validate(form, errors);
		Disposition disposition = disposition(form, errors);
		// whether a reason is needed depends on the request's suggestion, which only the server knows
		if (disposition != null && disposition != request.suggestedDisposition()
				&& RequestForms.blank(form.overrideReason())) {
			errors.rejectValue("overrideReason", "overrideReason.blank",
					"Enter why you are not following the suggestion");
		}
		Referral referral = referral(form, disposition, request.placeCode(), errors);
		long version = version(form, errors);
		if (errors.hasErrors() || referral == null) {
			return new Outcome.Refused();
		}
		try {
			TriageRequest decided = requests.decide(request.id(), version, user, disposition,
					RequestForms.trimmed(form.overrideReason()), referral);
			return new Outcome.Done("/triage?site=" + decided.siteCode(), decided.status() == Status.COMPLETED
					? "Request completed" : "Decision recorded: waiting for a clinical supervisor");
		}
		catch (TriageRequests.StaleRequestException ex) {
			return new Outcome.Conflict();
		}
		catch (TriageRequests.WrongStateException ex) {
			errors.reject("state", ex.getMessage());
			return new Outcome.Refused();
		}
	}

	Outcome supervise(UUID id, StaffUser user, DecisionForm form, BindingResult errors) {
		if (!TriageRoles.supervises(user)) {
			throw new AccessDeniedException("Only clinical supervisors approve requests");
		}
		TriageRequest request = requests.inScope(id, user);
		validator.validate(form, errors, Default.class, DecisionForm.Supervision.class);
		Disposition disposition = disposition(form, errors);
		Referral referral = referral(form, disposition, request.placeCode(), errors);
		long version = version(form, errors);
		if (errors.hasErrors() || referral == null) {
			return new Outcome.Refused();
		}
		try {
			requests.supervise(request.id(), version, user, disposition, form.note().trim(), referral);
			return new Outcome.Done("/triage/supervision", "Supervised and completed " + request.reference());
		}
		catch (TriageRequests.StaleRequestException ex) {
			return new Outcome.Conflict();
		}
		catch (TriageRequests.WrongStateException ex) {
			errors.reject("state", ex.getMessage());
			return new Outcome.Refused();
		}
	}

	private static @Nullable Disposition disposition(DecisionForm form, BindingResult errors) {
		return errors.hasFieldErrors("disposition") ? null : Disposition.valueOf(form.disposition());
	}

	private static long version(DecisionForm form, BindingResult errors) {
		try {
			return Long.parseLong(form.version() == null ? "" : form.version());
		}
		catch (NumberFormatException ex) {
			errors.reject("version", "The form is out of date: open the request again");
			return -1;
		}
	}

	/** The referral: the chosen service, and the safety net and follow-up date typed or the pathway's defaults. */
	private @Nullable Referral referral(DecisionForm form, @Nullable Disposition disposition, String placeCode,
			BindingResult errors) {
		if (disposition == null || errors.hasErrors()) {
			return null;
		}
		Long serviceId = RequestForms.blank(form.serviceId()) ? null : Long.valueOf(form.serviceId().trim());
		LocalDate followUp = form.date().orElse(null);
		Referral defaults = requests.defaultReferral(disposition, serviceId, LocalDate.now(ServiceDirectory.UK_TIME),
				placeCode);
		// a service exists only in the directory, and must be one of the person's Place
		if (serviceId != null && defaults.serviceId() == null) {
			errors.rejectValue("serviceId", "serviceId.unknown", "Choose a service in the Place of the person from the list");
			return null;
		}
		return new Referral(defaults.serviceId(), defaults.serviceName(),
				RequestForms.blank(form.safetyNet()) ? defaults.safetyNet() : form.safetyNet().trim(),
				followUp == null ? defaults.followUpDate() : followUp);
	}

}
