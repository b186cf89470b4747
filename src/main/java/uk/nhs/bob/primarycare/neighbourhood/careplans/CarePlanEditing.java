package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.population.PersonSummary;

/**
 * Changing a person's care plan and caseload entry, for members of their team who edit: each change checks the user
 * may make it, then applies it through {@link Caseload} (which keeps the version, history and events) in one
 * transaction. An entry that does not exist is a {@link java.util.NoSuchElementException}.
 */
@Component
@Transactional
class CarePlanEditing {

	private final CaseloadEntryRepository entries;

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final TeamAccess access;

	private final Caseload caseload;

	private final CarePlans carePlans;

	private final PlanDocuments documents;

	CarePlanEditing(CaseloadEntryRepository entries, TeamRepository teams, TeamMemberRepository members,
			TeamAccess access, Caseload caseload, CarePlans carePlans, PlanDocuments documents) {
		this.documents = documents;
		this.entries = entries;
		this.teams = teams;
		this.members = members;
		this.access = access;
		this.caseload = caseload;
		this.carePlans = carePlans;
	}

	/** What the plan form shows beside the form: the person (audited), the team's members and the plan's history. */
	record FormPage(CaseloadEntry entry, PlanContent content, Team team, PersonSummary person,
			List<TeamMember> activeMembers,
			List<TeamMember> allMembers, List<Caseload.PlanVersion> history) {
	}

	/** The entry, for a user who may change it; refused for anyone else. */
	@Transactional(readOnly = true)
	CaseloadEntry editable(UUID entryId, StaffUser user) {
		CaseloadEntry entry = entries.findById(entryId).orElseThrow();
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		if (!access.canEdit(user, team)) {
			throw new AccessDeniedException("Only members of " + team.getName() + " change this plan");
		}
		return entry;
	}

	/** The plan page again for an editor whose change was refused (the view is audited like any other). */
	CarePlans.PlanView viewForEditor(UUID entryId, StaffUser user) {
		editable(entryId, user);
		return carePlans.view(entryId, user, "INT care plan", true).orElseThrow();
	}

	FormPage formPage(UUID entryId, StaffUser user) {
		CaseloadEntry entry = editable(entryId, user);
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		PersonSummary person = carePlans.personForEdit(entry, user, "/neighbourhood/care-plans/" + entryId + "/edit");
		return new FormPage(entry, documents.content(entry), team, person, members.findByTeamIdAndActiveTrueOrderByName(team.getId()),
				members.findByTeamIdOrderByName(team.getId()), caseload.history(entryId));
	}

	/** The form page again after the form failed its own checks, with the actions' owners not in the team too. */
	Failed formFailed(UUID entryId, PlanForm form, StaffUser user) {
		FormPage page = formPage(entryId, user);
		return new Failed(page, new FieldRefused(form.unknownOwners(
				page.activeMembers().stream().map(TeamMember::getId).collect(Collectors.toSet()))));
	}

	/** A form page with the problems of the form that only the team's list shows. */
	record Failed(FormPage page, FieldRefused problems) {
	}

	/**
	 * Saves the plan as typed: {@link FieldRefused} when an action's owner is not one of the team's members, otherwise
	 * as {@link Caseload#savePlan(UUID, long, Long, PlanContent, Map, String)} does (merging, or a conflict to choose).
	 */
	Caseload.SaveOutcome savePlan(UUID entryId, PlanForm form, Map<String, PlanMerge.Side> choices, StaffUser user) {
		CaseloadEntry entry = editable(entryId, user);
		Set<UUID> memberIds = members.findByTeamIdAndActiveTrueOrderByName(entry.getTeamId())
			.stream()
			.map(TeamMember::getId)
			.collect(Collectors.toSet());
		Map<String, String> unknown = form.unknownOwners(memberIds);
		if (!unknown.isEmpty()) {
			throw new FieldRefused(unknown);
		}
		return caseload.savePlan(entryId, form.expectedVersion(), form.againstVersion(), form.content(), choices,
				user.username());
	}

	void changeStatus(UUID entryId, CarePlanForms.StatusForm form, StaffUser user) {
		editable(entryId, user);
		caseload.changeStatus(entryId, PlanForm.parseVersion(form.version()), form.chosen(), user.username());
	}

	void recordReview(UUID entryId, CarePlanForms.ReviewForm form, StaffUser user) {
		editable(entryId, user);
		caseload.recordReview(entryId, PlanForm.parseVersion(form.version()), form.next(), user.username());
	}

	/** Assigns one of the team's keyworkers; {@link FieldRefused} for anyone else. */
	void assignKeyworker(UUID entryId, CarePlanForms.KeyworkerForm form, StaffUser user) {
		CaseloadEntry entry = editable(entryId, user);
		UUID keyworker = keyworker(entry.getTeamId(), form.keyworkerId())
			.orElseThrow(() -> new FieldRefused("keyworkerId", CarePlanForms.KEYWORKER));
		caseload.assignKeyworker(entryId, PlanForm.parseVersion(form.version()), keyworker, user.username());
	}

	void discharge(UUID entryId, CarePlanForms.DischargeForm form, StaffUser user) {
		editable(entryId, user);
		caseload.discharge(entryId, PlanForm.parseVersion(form.version()), form.reason().trim(), user.username());
	}

	/** Acknowledges an open alert on the plan; false when the plan has no such open alert. */
	boolean acknowledgeAlert(UUID entryId, long alertId, StaffUser user) {
		editable(entryId, user);
		return carePlans.acknowledgeAlert(entryId, alertId, user.username());
	}

	/** The id of an active keyworker of the team, from a form's text; empty for any other text. */
	@Transactional(readOnly = true)
	java.util.Optional<UUID> keyworker(UUID teamId, @org.jspecify.annotations.Nullable String memberId) {
		try {
			return memberId == null || memberId.isBlank() ? java.util.Optional.empty()
					: members.findById(UUID.fromString(memberId.trim()))
						.filter(m -> m.getTeamId().equals(teamId) && m.isKeyworker())
						.map(TeamMember::getId);
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

}
