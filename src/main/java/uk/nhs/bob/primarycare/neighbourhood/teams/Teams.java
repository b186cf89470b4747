package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms.MemberForm;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms.TeamForm;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Setting teams up and keeping their member lists, and what the teams pages show of them: counts only, as people are
 * on the member-only pages. Each change checks the user may make it; a team that is not there is a
 * {@link java.util.NoSuchElementException}.
 */
@Component
@Transactional
class Teams {

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final CohortDefinitionRepository definitions;

	private final TeamAccess access;

	private final TeamMembers teamMembers;

	private final Directory directory;

	private final JdbcClient jdbc;

	Teams(TeamRepository teams, TeamMemberRepository members, CohortDefinitionRepository definitions,
			TeamAccess access, TeamMembers teamMembers, Directory directory, JdbcClient jdbc) {
		this.teams = teams;
		this.members = members;
		this.definitions = definitions;
		this.access = access;
		this.teamMembers = teamMembers;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	/** One row of the overview: a site the user can see, its team (if set up) and counts. */
	record SiteRow(SiteSummary site, @Nullable Team team, long members, long onCaseload, boolean canSetUp) {
	}

	/** The overview, or the user's one team when they belong to one and oversee none. */
	record Overview(Optional<String> ownTeam, List<SiteRow> rows) {
	}

	/** Everything a team's page shows; the pick lists only for those who manage the members. */
	record TeamPage(Team team, @Nullable SiteSummary site, List<TeamMember> members, Set<String> awaiting,
			Map<String, String> staffOptions, Map<String, String> organisations, List<CohortDefinition> definitions,
			boolean isMember, boolean canManage, boolean canConfigure, Map<CaseloadStatus, Long> counts,
			@Nullable CaseloadCounted lastCount) {
	}

	@Transactional(readOnly = true)
	Overview overview(StaffUser user) {
		Set<String> memberOf = access.memberSites(user);
		if (memberOf.size() == 1 && !user.hasAnyRole(Role.ICB_ADMIN, Role.PLACE_DELIVERY, Role.CLINICAL_SUPERVISOR)) {
			return new Overview(Optional.of(memberOf.iterator().next()), List.of());
		}
		return new Overview(Optional.empty(), access.visibleSites(user).stream().map(site -> {
			Team team = teams.findBySiteCode(site.code()).orElse(null);
			long memberCount = team == null ? 0 : members.findByTeamIdAndActiveTrueOrderByName(team.getId()).size();
			long onCaseload = team == null ? 0 : openCaseload(team);
			return new SiteRow(site, team, memberCount, onCaseload, team == null && access.canManageSite(user, site.code()));
		}).toList());
	}

	private long openCaseload(Team team) {
		return jdbc.sql("SELECT count(*) FROM neighbourhood.caseload_entry WHERE team_id = ? AND status <> 'DISCHARGED'")
			.param(team.getId())
			.query(Long.class)
			.single();
	}

	/** The sites without a team that the user may set one up for; refused to anyone who sets up no teams. */
	@Transactional(readOnly = true)
	List<SiteSummary> sitesToSetUp(StaffUser user) {
		if (!user.hasAnyRole(Role.ICB_ADMIN, Role.PLACE_DELIVERY)) {
			throw new AccessDeniedException("Only ICB administrators and Place delivery teams set up teams");
		}
		return directory.sites()
			.stream()
			.filter(s -> access.canManageSite(user, s.code()) && teams.findBySiteCode(s.code()).isEmpty())
			.toList();
	}

	/** Sets a team up; {@link FieldRefused} for a site that is not in the directory, not the user's or taken. */
	Team create(TeamForm form, StaffUser user) {
		sitesToSetUp(user);
		String siteCode = form.siteCode().trim();
		if (directory.site(siteCode).isEmpty()) {
			throw new FieldRefused("siteCode", "Choose a neighbourhood site from the list");
		}
		if (!access.canManageSite(user, siteCode)) {
			throw new FieldRefused("siteCode", "You can only set up teams in your own Place");
		}
		if (teams.findBySiteCode(siteCode).isPresent()) {
			throw new FieldRefused("siteCode", "This neighbourhood site already has a team");
		}
		return teams.save(new Team(siteCode, form.name().trim(), user.username()));
	}

	/** A team's page, for those who may see the team. */
	@Transactional(readOnly = true)
	TeamPage page(String siteCode, StaffUser user) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow();
		if (!access.canSeeTeam(user, team)) {
			throw new AccessDeniedException("Not your team");
		}
		List<TeamMember> listed = members.findByTeamIdAndActiveTrueOrderByName(team.getId());
		boolean manages = access.canManage(user, team);
		return new TeamPage(team, directory.site(team.getSiteCode()).orElse(null), listed,
				teamMembers.awaitingAdministrator(listed), manages ? teamMembers.candidates(team) : Map.of(),
				manages ? teamMembers.organisations(team) : Map.of(),
				definitions.findByTeamIdAndActiveTrueOrderByName(team.getId()), access.isMember(user, team), manages,
				access.canConfigure(user, team), counts(team), lastCount(team));
	}

	private Map<CaseloadStatus, Long> counts(Team team) {
		return jdbc.sql("SELECT status, count(*) FROM neighbourhood.caseload_entry WHERE team_id = ? GROUP BY status")
			.param(team.getId())
			.query((rs, i) -> Map.entry(CaseloadStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private @Nullable CaseloadCounted lastCount(Team team) {
		return jdbc.sql("""
				SELECT week_starting, people_on_caseload, plans_agreed, reviews_overdue, counted_at
				FROM neighbourhood.caseload_count WHERE team_id = ? ORDER BY id DESC LIMIT 1""")
			.param(team.getId())
			.query((rs, i) -> new CaseloadCounted(team.getSiteCode(), rs.getObject(1, LocalDate.class), rs.getInt(2),
					rs.getInt(3), rs.getInt(4), rs.getTimestamp(5).toInstant()))
			.optional()
			.orElse(null);
	}

	/**
	 * Adds a member, a staff user from the list offered or an invitation by email; {@link FieldRefused} for anyone or
	 * any organisation not offered, or someone already on the list.
	 */
	TeamMember addMember(String siteCode, MemberForm form, StaffUser user) {
		Team team = managed(siteCode, user);
		Map<String, String> organisations = teamMembers.organisations(team);
		Map<String, String> problems = memberProblems(team, form, organisations);
		if (!problems.isEmpty()) {
			throw new FieldRefused(problems);
		}
		OdsCode ods = TeamForms.blank(form.organisationOds()) ? null : OdsCode.parse(form.organisationOds()).orElseThrow();
		String organisation = TeamForms.blank(form.organisation()) && ods != null ? organisations.get(ods.value())
				: form.organisation().trim();
		try {
			return teamMembers.add(team, user, form.wanted(organisation, ods));
		}
		catch (TeamMembers.Refused ex) {
			throw new FieldRefused(ex.field(), ex.getMessage());
		}
	}

	/** The team's page again after a member form failed its own checks, with what the lists offered say of it too. */
	@Transactional(readOnly = true)
	MemberFormPage memberFormFailed(String siteCode, MemberForm form, StaffUser user) {
		Team team = managed(siteCode, user);
		return new MemberFormPage(page(siteCode, user),
				new FieldRefused(memberProblems(team, form, teamMembers.organisations(team))));
	}

	/** A team's page with the problems of a member form that only the team's lists show. */
	record MemberFormPage(TeamPage page, FieldRefused problems) {
	}

	/**
	 * What is wrong with a member form against the lists the team offers: a staff user not offered, an organisation
	 * not among the site's practices and PCNs (and then no organisation named at all, when none was typed).
	 */
	private Map<String, String> memberProblems(Team team, MemberForm form, Map<String, String> organisations) {
		Map<String, String> problems = new java.util.LinkedHashMap<>();
		Set<String> staff = teamMembers.candidates(team)
			.keySet()
			.stream()
			.map(u -> u.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		if (!form.invite() && !staff.contains(form.username().trim().toLowerCase(Locale.ROOT))) {
			problems.put("username",
					"Choose a staff user from the list: only clinical staff whose scope covers this team's site");
		}
		boolean known = OdsCode.parse(form.organisationOds() == null ? "" : form.organisationOds())
			.filter(code -> organisations.containsKey(code.value()))
			.isPresent();
		if (!TeamForms.blank(form.organisationOds()) && !known) {
			problems.put("organisationOds",
					"Choose the organisation from the list of this site's practices and PCNs, or leave it as Choose");
			if (TeamForms.blank(form.organisation())) {
				problems.put("organisation",
						"Enter the organisation the member works for, or choose it from the directory");
			}
		}
		return problems;
	}

	/** The member leaves the team; their past actions keep their name. */
	TeamMember removeMember(String siteCode, UUID memberId, StaffUser user) {
		Team team = managed(siteCode, user);
		TeamMember member = members.findById(memberId)
			.filter(m -> m.getTeamId().equals(team.getId()) && m.isActive())
			.orElseThrow();
		member.leave();
		return members.save(member);
	}

	private Team managed(String siteCode, StaffUser user) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow();
		if (!access.canManage(user, team)) {
			throw new AccessDeniedException("Only ICB administrators and the Place's delivery team manage members");
		}
		return team;
	}

}
