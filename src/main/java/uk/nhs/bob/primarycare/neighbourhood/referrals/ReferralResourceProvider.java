package uk.nhs.bob.primarycare.neighbourhood.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.population.PatientSearchParameter;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * {@code ServiceRequest} on the FHIR endpoint: a referral to the INT of the person's practice. Create goes through
 * {@link Referrals#refer} like the referral page (the same checks, audit and queue): the subject by NHS number, the
 * reason from {@code reasonCode} and {@code note}, {@code priority} routine or urgent, the {@code requester} named. A
 * system reads the status of the referrals it made (read by id, search by patient), each audited. The mapping of
 * statuses is in {@link ReferralFhir}.
 */
@Component
class ReferralResourceProvider implements IResourceProvider {

	static final String PAGE = "FHIR API: INT referral";

	private final Referrals referrals;

	private final StaffUsers staffUsers;

	ReferralResourceProvider(Referrals referrals, StaffUsers staffUsers) {
		this.referrals = referrals;
		this.staffUsers = staffUsers;
	}

	@Override
	public Class<ServiceRequest> getResourceType() {
		return ServiceRequest.class;
	}

	@Create
	public MethodOutcome create(@ResourceParam ServiceRequest request) {
		List<String> problems = new ArrayList<>();
		NhsNumber nhsNumber = subject(request.getSubject(), problems);
		ReferralUrgency urgency = urgency(request, problems);
		String reason = reason(request);
		if (reason.isBlank()) {
			problems.add("ServiceRequest.reasonCode (its text) or a note must give the reason for the referral");
		}
		else if (reason.length() > 1000) {
			problems.add("The reason (reasonCode text and notes) must be 1000 characters or fewer");
		}
		String requester = request.getRequester().getDisplay();
		if (requester == null || requester.isBlank()) {
			problems.add("ServiceRequest.requester.display must name who refers (the clinician and organisation)");
		}
		else if (requester.length() > 150) {
			problems.add("ServiceRequest.requester.display must be 150 characters or fewer");
		}
		if (request.hasStatus() && request.getStatus() != ServiceRequest.ServiceRequestStatus.ACTIVE) {
			problems.add("A new referral's status is active");
		}
		if (!problems.isEmpty() || nhsNumber == null || urgency == null || requester == null) {
			throw unprocessable("The referral was not made", problems);
		}
		StaffUser system = staffUsers.currentUser();
		// the referral names the clinician who refers, and the system that sent it on their behalf
		StaffUser referrer = new StaffUser(system.username(), requester.trim() + " (via " + system.displayName() + ")",
				system.roles(), system.scope(), system.scopeName());
		Referrals.Referral referral;
		try {
			referral = referrals.refer(new Referrals.ReferralRequest(nhsNumber, reason, urgency), referrer);
		}
		catch (Referrals.ReferralRefused ex) {
			throw unprocessable(ex.getMessage(), List.of(ex.getMessage()));
		}
		catch (AccessDeniedException ex) {
			throw new ForbiddenOperationException(ex.getMessage());
		}
		MethodOutcome outcome = new MethodOutcome(new IdType("ServiceRequest", referral.id().toString()), true);
		outcome.setResource(ReferralFhir.build(referral));
		return outcome;
	}

	@Read
	public ServiceRequest read(@IdParam IdType id) {
		UUID referralId;
		try {
			referralId = UUID.fromString(id.getIdPart());
		}
		catch (IllegalArgumentException ex) {
			throw new ResourceNotFoundException(id);
		}
		return referrals.ownReferral(referralId, staffUsers.currentUser(), PAGE)
			.map(ReferralFhir::build)
			.orElseThrow(() -> new ResourceNotFoundException(id));
	}

	/** The referrals this system made of a person ({@code patient} or {@code patient.identifier}), newest first. */
	@Search
	public List<ServiceRequest> search(@RequiredParam(name = ServiceRequest.SP_PATIENT,
			chainWhitelist = { "", Patient.SP_IDENTIFIER }, targetTypes = Patient.class) ReferenceParam patient) {
		NhsNumber nhsNumber = PatientSearchParameter.nhsNumber(patient);
		return referrals.madeBy(staffUsers.currentUser(), nhsNumber, PAGE).stream().map(ReferralFhir::build).toList();
	}

	private static @Nullable NhsNumber subject(Reference subject, List<String> problems) {
		String value = null;
		if (subject.hasIdentifier()) {
			if (!ReferralFhir.NHS_NUMBER_SYSTEM.equals(subject.getIdentifier().getSystem())) {
				problems.add("ServiceRequest.subject.identifier must be an NHS number (" + ReferralFhir.NHS_NUMBER_SYSTEM
						+ ")");
				return null;
			}
			value = subject.getIdentifier().getValue();
		}
		else if (subject.hasReference() && "Patient".equals(subject.getReferenceElement().getResourceType())) {
			value = subject.getReferenceElement().getIdPart();
		}
		if (value == null) {
			problems.add("ServiceRequest.subject must name the person: an NHS number identifier or Patient/<NHS number>");
			return null;
		}
		String sent = value;
		return NhsNumber.parse(value).orElseGet(() -> {
			problems.add("'" + sent + "' is not a valid NHS number");
			return null;
		});
	}

	/**
	 * Routine or urgent, as the referral page offers; no priority is routine. asap and stat ask for a same-day
	 * response an INT does not give: such a referral belongs with urgent care, so it is refused, not downgraded.
	 */
	private static @Nullable ReferralUrgency urgency(ServiceRequest request, List<String> problems) {
		if (!request.hasPriorityElement() || request.getPriorityElement().isEmpty()) {
			return ReferralUrgency.ROUTINE;
		}
		ServiceRequest.ServiceRequestPriority priority = request.getPriority();
		if (priority == null) {
			throw new InvalidRequestException("'" + request.getPriorityElement().getValueAsString()
					+ "' is not a ServiceRequest priority: send routine or urgent");
		}
		return switch (priority) {
			case ROUTINE -> ReferralUrgency.ROUTINE;
			case URGENT -> ReferralUrgency.URGENT;
			default -> {
				problems.add("An INT takes routine or urgent referrals, not " + priority.toCode()
						+ ": for a same-day need use urgent care");
				yield null;
			}
		};
	}

	/** The reason: the text (or first coding's display) of each reasonCode, then each note, on separate lines. */
	private static String reason(ServiceRequest request) {
		List<String> parts = new ArrayList<>();
		for (CodeableConcept code : request.getReasonCode()) {
			String text = code.hasText() ? code.getText()
					: code.getCodingFirstRep().hasDisplay() ? code.getCodingFirstRep().getDisplay() : null;
			if (text != null && !text.isBlank()) {
				parts.add(text.trim());
			}
		}
		for (Annotation note : request.getNote()) {
			if (note.hasText() && !note.getText().isBlank()) {
				parts.add(note.getText().trim());
			}
		}
		return String.join("\n", parts);
	}

	private static UnprocessableEntityException unprocessable(String message, List<String> problems) {
		OperationOutcome outcome = new OperationOutcome();
		for (String problem : problems) {
			outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.PROCESSING)
				.setDiagnostics(problem);
		}
		return new UnprocessableEntityException(message, outcome);
	}

}
