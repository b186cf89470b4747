package uk.nhs.bob.primarycare.neighbourhood.candidates;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.support.TrimmedLength;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Pagination;

/**
 * The team's ranked candidates and the decision on each, for its members: add to the caseload with a reason and a
 * keyworker, or dismiss with a reason (the person comes back when their qualifying data change). Each person shown is
 * audited; a team that is not there is a {@link java.util.NoSuchElementException}.
 */
@Component
@Transactional
class CandidateDecisions {

	static final int PAGE_SIZE = 25;

	static final String NOT_A_CANDIDATE = "Not a candidate of this team (already added or dismissed?)";

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final TeamAccess access;

	private final Candidates candidates;

	private final Caseload caseload;

	private final Population population;

	CandidateDecisions(TeamRepository teams, TeamMemberRepository members, TeamAccess access, Candidates candidates,
			Caseload caseload, Population population) {
		this.teams = teams;
		this.members = members;
		this.access = access;
		this.candidates = candidates;
		this.caseload = caseload;
		this.population = population;
	}

	/** Adding a candidate: why, and their keyworker (one of the team's, which {@link #add} checks). */
	record AddForm(@NotBlank(message = "Enter why the person is being added to the caseload") @TrimmedLength(max = 500,
			message = CarePlanForms.REASON_LONG) @Nullable String reason,
			@NotBlank(message = "Choose the keyworker") @Nullable String keyworkerId) {
	}

	/** Dismissing a candidate. */
	record DismissForm(@NotBlank(message = "Enter why the person does not need the team now") @TrimmedLength(max = 500,
			message = CarePlanForms.REASON_LONG) @Nullable String dismissReason) {
	}

	/** One page of the list. */
	record ListPage(Team team, List<Candidates.Shown> rows, Pagination pagination, int total) {
	}

	/** A candidate's decision page. */
	record DecisionPage(Team team, Candidates.Candidate candidate, PersonSummary person, List<TeamMember> keyworkers) {
	}

	ListPage list(String siteCode, @Nullable String page, StaffUser user) {
		Team team = team(siteCode, user, false);
		List<Candidates.Candidate> all = candidates.candidates(team);
		String url = "/neighbourhood/teams/" + siteCode + "/candidates";
		Pagination pagination = Pagination.of(Pagination.pageNumber(page), all.size(), PAGE_SIZE, p -> url + "?page=" + p);
		return new ListPage(team, candidates.shown(pagination.itemsOf(all), user.username(), url), pagination,
				all.size());
	}

	/** The decision page ({@code editing}: for one who edits, as it is shown again after a refused decision). */
	DecisionPage decision(String siteCode, NhsNumber nhsNumber, StaffUser user, boolean editing) {
		Team team = team(siteCode, user, editing);
		Candidates.Candidate candidate = candidates.review(team, nhsNumber, user.username())
			.orElseThrow(() -> new java.util.NoSuchElementException(NOT_A_CANDIDATE));
		return new DecisionPage(team, candidate, population.find(nhsNumber).orElseThrow(),
				members.findByTeamIdAndActiveTrueOrderByName(team.getId())
					.stream()
					.filter(TeamMember::isKeyworker)
					.toList());
	}

	/**
	 * Adds the candidate to the caseload: {@link FieldRefused} for a keyworker who is not one of the team's,
	 * {@link Caseload.AlreadyOnCaseload} (nothing changed) when they are on it already.
	 */
	CaseloadEntry add(String siteCode, NhsNumber nhsNumber, AddForm form, StaffUser user) {
		Team team = team(siteCode, user, true);
		UUID keyworker = keyworker(team, form.keyworkerId()).orElseThrow(() -> new FieldRefused(addProblems(team, form)));
		Candidates.Profile profile = candidates.profile(team, nhsNumber)
			.orElseThrow(() -> new java.util.NoSuchElementException(NOT_A_CANDIDATE));
		return caseload.add(team, nhsNumber, profile.practiceCode(), form.reason().trim(), keyworker,
				user.username());
	}

	/** The decision page again after the add form failed its own checks, with what the team's list says of it too. */
	Failed addFailed(String siteCode, NhsNumber nhsNumber, AddForm form, StaffUser user) {
		DecisionPage page = decision(siteCode, nhsNumber, user, true);
		return new Failed(page, new FieldRefused(addProblems(page.team(), form)));
	}

	/** A decision page with the problems of a form that only the team's lists show. */
	record Failed(DecisionPage page, FieldRefused problems) {
	}

	private java.util.Map<String, String> addProblems(Team team, AddForm form) {
		return TeamForms.blank(form.keyworkerId()) || keyworker(team, form.keyworkerId()).isPresent() ? java.util.Map.of()
				: java.util.Map.of("keyworkerId", "Choose a keyworker from the team's keyworkers");
	}

	void dismiss(String siteCode, NhsNumber nhsNumber, DismissForm form, StaffUser user) {
		Team team = team(siteCode, user, true);
		Candidates.Profile profile = candidates.profile(team, nhsNumber)
			.orElseThrow(() -> new java.util.NoSuchElementException(NOT_A_CANDIDATE));
		candidates.dismiss(team, profile, form.dismissReason().trim(), user.username());
	}

	private Optional<UUID> keyworker(Team team, @Nullable String id) {
		try {
			return id == null ? Optional.empty()
					: members.findById(UUID.fromString(id.trim()))
						.filter(m -> m.getTeamId().equals(team.getId()) && m.isKeyworker())
						.map(TeamMember::getId);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private Team team(String siteCode, StaffUser user, boolean editing) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow();
		access.requireMember(user, team);
		if (editing) {
			access.requireEditor(user, team);
		}
		return team;
	}

}
