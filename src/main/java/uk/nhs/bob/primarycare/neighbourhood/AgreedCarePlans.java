package uk.nhs.bob.primarycare.neighbourhood;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.neighbourhood.careplans.PersonalisedCare;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanDocuments;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The neighbourhood module's read API for sending a person a copy of their plan after {@link CarePlanAgreed}: one
 * plan by its care plan id. It checks no user: callers that show the result to staff check scope and audit.
 */
@NamedInterface("care-plans")
@Component
@Transactional(readOnly = true)
public class AgreedCarePlans {

	private final CaseloadEntryRepository entries;

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final PlanDocuments documents;

	AgreedCarePlans(CaseloadEntryRepository entries, TeamRepository teams, TeamMemberRepository members,
			PlanDocuments documents) {
		this.entries = entries;
		this.teams = teams;
		this.members = members;
		this.documents = documents;
	}

	public Optional<AgreedCarePlan> find(UUID carePlanId) {
		return entries.findByCarePlanId(carePlanId).map(entry -> {
			Team team = teams.findById(entry.getTeamId()).orElseThrow();
			Map<UUID, TeamMember> teamMembers = members.findAll()
				.stream()
				.filter(m -> m.getTeamId().equals(team.getId()))
				.collect(Collectors.toMap(TeamMember::getId, Function.identity()));
			PlanContent plan = documents.content(entry);
			TeamMember keyworker = entry.getKeyworkerId() == null ? null : teamMembers.get(entry.getKeyworkerId());
			return new AgreedCarePlan(entry.getCarePlanId(), entry.getNhsNumber(), team.getName(),
					entry.getSiteCode(), entry.getAgreedOn(), plan.whatMatters(),
					plan.goals()
						.stream()
						.map(g -> new AgreedCarePlan.Goal(g.description(), g.targetDate(), g.status().label()))
						.toList(),
					plan.actions().stream().map(a -> {
						TeamMember owner = a.ownerMemberId() == null ? null : teamMembers.get(a.ownerMemberId());
						String ownerName = owner != null ? owner.describe()
								: a.ownerOrganisation() == null ? "" : a.ownerOrganisation();
						return new AgreedCarePlan.Action(a.description(), ownerName, a.dueDate(), a.status().label());
					}).toList(), plan.contingencyPlan(), plan.nextReviewDate(),
					keyworker == null ? null : keyworker.describe(), about(plan.care()));
		});
	}

	private static AgreedCarePlan.AboutThePlan about(PersonalisedCare care) {
		return new AgreedCarePlan.AboutThePlan(care.consent().describe(),
				care.agreement() == null ? null : care.agreement().describe(),
				care.carers().stream().map(PersonalisedCare.Carer::describe).toList(),
				care.advanceCarePlan().describe(),
				care.frailtyScale() == null ? null : care.frailtyScale().describe());
	}

}
