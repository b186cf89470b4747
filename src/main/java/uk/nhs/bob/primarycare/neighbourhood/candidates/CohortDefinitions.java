package uk.nhs.bob.primarycare.neighbourhood.candidates;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadCounting;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms.CohortForm;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;

/**
 * A team's cohort definitions, which pick its candidates: kept by the team's members and those who set it up. A team
 * or definition that is not there is a {@link java.util.NoSuchElementException}.
 */
@Component
@Transactional
class CohortDefinitions {

	private final TeamRepository teams;

	private final CohortDefinitionRepository definitions;

	private final TeamAccess access;

	private final CaseloadCounting counting;

	CohortDefinitions(TeamRepository teams, CohortDefinitionRepository definitions, TeamAccess access,
			CaseloadCounting counting) {
		this.teams = teams;
		this.definitions = definitions;
		this.access = access;
		this.counting = counting;
	}

	/** Someone else saved the definition since the user opened it: nothing was saved. */
	static final class Conflict extends RuntimeException {

		Conflict() {
			super("The cohort definition changed", null, false, false);
		}

	}

	/** The team, for a user who may change its cohorts. */
	@Transactional(readOnly = true)
	Team configurable(String siteCode, StaffUser user) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow();
		if (!access.canConfigure(user, team)) {
			throw new AccessDeniedException("Only the team's members and those who set it up change its cohorts");
		}
		return team;
	}

	/** An active definition of the team, for a user who may change it. */
	@Transactional(readOnly = true)
	CohortDefinition definition(String siteCode, UUID id, StaffUser user) {
		Team team = configurable(siteCode, user);
		return definitions.findById(id).filter(d -> d.getTeamId().equals(team.getId()) && d.isActive()).orElseThrow();
	}

	CohortCriteria add(String siteCode, CohortForm form, StaffUser user) {
		Team team = configurable(siteCode, user);
		CohortCriteria criteria = form.criteria();
		definitions.save(new CohortDefinition(team.getId(), criteria));
		return criteria;
	}

	/** Saves the definition over the version the user started from; {@link Conflict} when that is not current. */
	CohortCriteria save(String siteCode, UUID id, CohortForm form, StaffUser user) {
		CohortDefinition definition = definition(siteCode, id, user);
		if (definition.version() != form.expectedVersion()) {
			throw new Conflict();
		}
		CohortCriteria criteria = form.criteria();
		definition.apply(criteria);
		try {
			definitions.saveAndFlush(definition);
		}
		catch (org.springframework.orm.ObjectOptimisticLockingFailureException ex) {
			throw new Conflict();
		}
		return criteria;
	}

	CohortCriteria retire(String siteCode, UUID id, StaffUser user) {
		CohortDefinition definition = definition(siteCode, id, user);
		definition.retire();
		definitions.save(definition);
		return definition.criteria();
	}

	/** Counts the team's caseload now and publishes the count, as the weekly job does. */
	CaseloadCounted countNow(String siteCode, StaffUser user) {
		return counting.count(configurable(siteCode, user));
	}

}
