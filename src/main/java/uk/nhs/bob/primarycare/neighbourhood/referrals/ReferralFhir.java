package uk.nhs.bob.primarycare.neighbourhood.referrals;

import java.util.Date;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanFhir;
import uk.nhs.bob.primarycare.neighbourhood.meetings.Meetings;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;

/**
 * A referral to an INT as a FHIR R4 ServiceRequest. The status says where the request stands: waiting for the team is
 * {@code active}; accepted onto the caseload is {@code completed} (what was asked for has been done: the person is on
 * the caseload, and their care continues as the CarePlan); declined is {@code revoked} (the team will not act on it),
 * with the team's reason as a note. R4 ServiceRequest has no status reason element, so the outcome is a note.
 */
final class ReferralFhir {

	static final String NHS_NUMBER_SYSTEM = CarePlanFhir.NHS_NUMBER_SYSTEM;

	/** What is asked of the team, as text: there is no code set for an INT referral here, and no code is made up. */
	static final String REQUESTED = "Referral to the Integrated Neighbourhood Team";

	private ReferralFhir() {
	}

	static ServiceRequest build(Referrals.Referral referral) {
		ServiceRequest request = new ServiceRequest();
		request.setId(referral.id().toString());
		request.getMeta()
			.setLastUpdated(Date.from(referral.decidedAt() != null ? referral.decidedAt() : referral.referredAt()));
		request.setStatus(status(referral.status()));
		request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.setPriority(referral.urgency() == ReferralUrgency.URGENT ? ServiceRequest.ServiceRequestPriority.URGENT
				: ServiceRequest.ServiceRequestPriority.ROUTINE);
		request.setCode(new CodeableConcept().setText(REQUESTED));
		request.setSubject(new Reference("Patient/" + referral.nhsNumber().value())
			.setIdentifier(new Identifier().setSystem(NHS_NUMBER_SYSTEM).setValue(referral.nhsNumber().value())));
		request.setAuthoredOn(Date.from(referral.referredAt()));
		request.setRequester(new Reference().setDisplay(referral.referrerName()));
		request.addPerformer(new Reference().setDisplay(referral.teamName()));
		request.addReasonCode(new CodeableConcept().setText(referral.reason()));
		if ("ACCEPTED".equals(referral.status())) {
			request.addNote(new Annotation().setText("Accepted onto the caseload of " + referral.teamName() + " by "
					+ referral.decidedBy() + " on " + PlanText.date(ukDate(referral)))
				.setTime(Date.from(referral.decidedAt())));
		}
		else if ("DECLINED".equals(referral.status())) {
			request.addNote(new Annotation().setText("Declined by " + referral.teamName() + ": "
					+ referral.declineReason()).setTime(Date.from(referral.decidedAt())));
		}
		return request;
	}

	static ServiceRequest.ServiceRequestStatus status(String status) {
		return switch (status) {
			case "ACCEPTED" -> ServiceRequest.ServiceRequestStatus.COMPLETED;
			case "DECLINED" -> ServiceRequest.ServiceRequestStatus.REVOKED;
			default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
		};
	}

	private static java.time.LocalDate ukDate(Referrals.Referral referral) {
		return java.util.Objects.requireNonNull(referral.decidedAt()).atZone(Meetings.UK).toLocalDate();
	}

}
