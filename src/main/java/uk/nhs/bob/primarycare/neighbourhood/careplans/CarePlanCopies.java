package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.CarePlanCopyRequested;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Sending the person a copy of their agreed plan: a team member who may change the plan asks, the request is audited
 * and {@link CarePlanCopyRequested} goes to the messaging module, which chooses the channel by the person's contact
 * details and consent to be messaged.
 */
@Component
class CarePlanCopies {

	private final CaseloadEntryRepository entries;

	private final TeamRepository teams;

	private final TeamAccess access;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	CarePlanCopies(CaseloadEntryRepository entries, TeamRepository teams, TeamAccess access, AuditLog auditLog,
			ApplicationEventPublisher events) {
		this.entries = entries;
		this.teams = teams;
		this.access = access;
		this.auditLog = auditLog;
		this.events = events;
	}

	/** Asks for a copy to be sent; {@link Caseload.PlanRuleBroken} when the plan has not been agreed yet. */
	@Transactional
	void send(UUID entryId, StaffUser user) {
		CaseloadEntry entry = entries.findById(entryId).orElseThrow();
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		NhsNumber nhsNumber = entry.getNhsNumber();
		if (!access.canEdit(user, team)) {
			auditLog.recordRefusal(user.username(), nhsNumber, null, "INT care plan: send a copy to the person",
					"Refused: not a member of " + team.getName() + " who changes plans");
			throw new RefusedAccess("Only members of " + team.getName() + " send a copy of this plan", nhsNumber);
		}
		if (entry.getAgreedOn() == null) {
			throw new Caseload.PlanRuleBroken("Agree the plan with the person before sending them a copy");
		}
		auditLog.recordView(user.username(), nhsNumber, "INT care plan: send a copy to the person",
				"Direct care: copy of the plan sent to the person");
		events.publishEvent(new CarePlanCopyRequested(UUID.randomUUID(), entry.getCarePlanId(), user.username()));
	}

}
