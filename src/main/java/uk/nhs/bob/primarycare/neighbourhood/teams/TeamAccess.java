package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Who may do what with a team and the people on its caseload (the URL rules only say who may open /neighbourhood):
 * <ul>
 * <li>Members: users on the team's member list (signed in as the member's username). Keyworkers and members see the
 * candidates, the caseload and the plans, and change them; read-only members see them. Role and site alone give no
 * access: a user who is not on the list is not a member.</li>
 * <li>The person's practice: users whose scope is the PCN of the person's registered practice (the narrowest scope
 * that contains the practice) read that person's plan.</li>
 * <li>Set-up: ICB administrators (any team) and Place delivery users (teams of their Place) create teams and manage
 * members; they, members, and clinical supervisors whose scope covers the site see the team page with counts only.
 * </li>
 * <li>Break-glass: clinical staff (INT members, clinical supervisors and care coordinators) whose organisation
 * scope covers the person's registered practice may read a plan through audited break-glass access, on a screen
 * only (never through an API). Administrators and Place delivery teams never may.</li>
 * </ul>
 */
@Component
public class TeamAccess {

	private final Directory directory;

	private final JdbcClient jdbc;

	private final TeamMemberRepository members;

	TeamAccess(Directory directory, JdbcClient jdbc, TeamMemberRepository members) {
		this.directory = directory;
		this.jdbc = jdbc;
		this.members = members;
	}

	/** The user's place on the team's member list, if they are on it. */
	public Optional<TeamMember> membership(StaffUser user, Team team) {
		if (user.hasRole(Role.API_CLIENT)) {
			return Optional.empty();
		}
		return members.findFirstByTeamIdAndActiveTrueAndUsernameIgnoreCase(team.getId(), user.username());
	}

	/**
	 * The user's place on a member list the caller has already read (the team's whole list, past members too), so
	 * that a page that shows the list as well reads it once.
	 */
	public static Optional<TeamMember> membership(StaffUser user, List<TeamMember> teamList) {
		if (user.hasRole(Role.API_CLIENT)) {
			return Optional.empty();
		}
		return teamList.stream().filter(m -> m.is(user.username())).findFirst();
	}

	/** {@link #canEdit(StaffUser, Team)} on a member list already read. */
	public static boolean canEdit(StaffUser user, List<TeamMember> teamList) {
		return membership(user, teamList).map(m -> m.getTeamRole().edits()).orElse(false);
	}

	/** The user's place on a member list read as a projection ({@link #membership(StaffUser, List)}'s rule). */
	public static Optional<MemberSummary> listedAs(StaffUser user, List<MemberSummary> teamList) {
		if (user.hasRole(Role.API_CLIENT)) {
			return Optional.empty();
		}
		return teamList.stream().filter(m -> m.is(user.username())).findFirst();
	}

	/** Whether a member in this team role changes plans (keyworkers and members) or only reads them. */
	public static boolean edits(@Nullable TeamRole role) {
		return role != null && role.edits();
	}

	/** Whether the user is on the team's member list (in any team role). */
	boolean isMember(StaffUser user, Team team) {
		return membership(user, team).isPresent();
	}

	boolean canManage(StaffUser user, Team team) {
		return canManageSite(user, team.getSiteCode());
	}

	boolean canManageSite(StaffUser user, String siteCode) {
		if (user.hasRole(Role.ICB_ADMIN)) {
			return true;
		}
		Optional<SiteSummary> site = directory.site(siteCode);
		return user.hasRole(Role.PLACE_DELIVERY) && site.isPresent()
				&& user.scope().coversPlace(site.get().placeCode());
	}

	boolean canSeeTeam(StaffUser user, Team team) {
		if (isMember(user, team) || canManage(user, team)) {
			return true;
		}
		Optional<SiteSummary> site = directory.site(team.getSiteCode());
		return user.hasRole(Role.CLINICAL_SUPERVISOR) && site.isPresent()
				&& user.scope().coversSite(site.get().code(), site.get().placeCode());
	}

	/** Whether the user may change the team's cohort definitions: its members and those who set it up. */
	public boolean canConfigure(StaffUser user, Team team) {
		return isMember(user, team) || canManage(user, team);
	}

	/** Whether the user's scope is the PCN of the person's practice. */
	boolean isPersonsPractice(StaffUser user, OdsCode personsPractice) {
		if (user.scope().level() != OrganisationScope.Level.PCN) {
			return false;
		}
		Optional<PracticeSummary> practice = directory.practice(personsPractice);
		return practice.isPresent() && user.canSee(practice.get());
	}

	/** How the user may read this person's plan, and whether through break-glass. */
	public record Access(String purpose, boolean breakGlass) {
	}

	/**
	 * How the user may read this person's plan, if at all. Break-glass counts only where {@code onScreen} (a page,
	 * never an API) and only while the user may still use it (a grant made before a change of role or scope lapses).
	 */
	public Optional<Access> readAccess(StaffUser user, Team team, CaseloadEntry entry, boolean onScreen) {
		return readAccess(user, entry, onScreen, members.findByTeamIdOrderByName(team.getId()));
	}

	/** As {@link #readAccess(StaffUser, Team, CaseloadEntry, boolean)}, on the team's member list already read. */
	public Optional<Access> readAccess(StaffUser user, CaseloadEntry entry, boolean onScreen, List<TeamMember> teamList) {
		return readAccess(user, entry.getId(), entry.getPracticeCode(), onScreen,
				membership(user, teamList).map(TeamMember::getTeamRole).orElse(null));
	}

	/**
	 * As {@link #readAccess(StaffUser, Team, CaseloadEntry, boolean)}, for the entry {@code entryId} of a person
	 * registered at {@code personsPractice}, with the user's role on the team's member list already read (none when
	 * they are not on it): for a page that reads the entry and the list as projections, not as entities.
	 */
	public Optional<Access> readAccess(StaffUser user, UUID entryId, OdsCode personsPractice, boolean onScreen,
			@Nullable TeamRole memberRole) {
		if (!onScreen && user.hasRole(Role.API_CLIENT)) {
			// a system with the careplan.read scope (platform security checks it) acts for the whole ICB
			return Optional.of(new Access("System (API client): care plan for direct care", false));
		}
		if (memberRole != null) {
			return Optional.of(new Access("Direct care: INT member (" + memberRole.label() + ")", false));
		}
		if (isPersonsPractice(user, personsPractice)) {
			return Optional.of(new Access("Direct care: registered practice", false));
		}
		if (!onScreen || breakGlassRefusal(user, personsPractice).isPresent()) {
			return Optional.empty();
		}
		return activeBreakGlass(user, entryId).map(reason -> new Access("Break-glass: " + reason, true));
	}

	/** Roles that care for people directly and so may break the glass. */
	static final java.util.Set<Role> BREAK_GLASS_ROLES = java.util.EnumSet.of(Role.INT_MEMBER,
			Role.CLINICAL_SUPERVISOR, Role.CARE_COORDINATOR);

	/** Roles that never may, whatever else the user holds. */
	static final java.util.Set<Role> NEVER_BREAK_GLASS = java.util.EnumSet.of(Role.ICB_ADMIN, Role.PLACE_DELIVERY,
			Role.API_CLIENT);

	/** Why the user may not use break-glass on this person's plan, or empty when they may. */
	public Optional<String> breakGlassRefusal(StaffUser user, CaseloadEntry entry) {
		return breakGlassRefusal(user, entry.getPracticeCode());
	}

	/** Why the user may not use break-glass on the plan of a person registered at {@code personsPractice}. */
	public Optional<String> breakGlassRefusal(StaffUser user, OdsCode personsPractice) {
		if (user.roles().stream().anyMatch(NEVER_BREAK_GLASS::contains)
				|| user.roles().stream().noneMatch(BREAK_GLASS_ROLES::contains)) {
			return Optional.of("Break-glass is only for clinical staff caring for the person (INT members, clinical "
					+ "supervisors and care coordinators). ICB administrators and Place delivery teams cannot use it.");
		}
		Optional<PracticeSummary> practice = directory.practice(personsPractice);
		if (practice.isEmpty() || !user.canSee(practice.get())) {
			return Optional.of("The person is registered at a practice outside your organisation scope, so you "
					+ "cannot use break-glass for them. Ask their INT or practice.");
		}
		return Optional.empty();
	}

	/** Keyworkers and members change plans; read-only members and everyone else do not. */
	public boolean canEdit(StaffUser user, Team team) {
		return membership(user, team).map(m -> m.getTeamRole().edits()).orElse(false);
	}

	public void requireEditor(StaffUser user, Team team) {
		if (!canEdit(user, team)) {
			throw new AccessDeniedException("Only keyworkers and members of " + team.getName() + " may do this");
		}
	}

	public void requireMember(StaffUser user, Team team) {
		if (!isMember(user, team)) {
			throw new AccessDeniedException("Only members of " + team.getName() + " may do this");
		}
	}

	/** The reason of the user's unexpired break-glass access to this entry. */
	Optional<String> activeBreakGlass(StaffUser user, UUID entryId) {
		return jdbc.sql("""
				SELECT reason FROM neighbourhood.break_glass_access
				WHERE caseload_entry_id = ? AND username = ? AND expires_at > ?
				ORDER BY accessed_at DESC LIMIT 1""")
			.params(entryId, user.username(), java.sql.Timestamp.from(Instant.now()))
			.query(String.class)
			.optional();
	}

	/** The sites of the teams whose member list has the user on it. */
	java.util.Set<String> memberSites(StaffUser user) {
		return new java.util.HashSet<>(jdbc.sql("""
				SELECT t.site_code FROM neighbourhood.team_member m JOIN neighbourhood.team t ON t.id = m.team_id
				WHERE m.active AND lower(m.username) = lower(?)""")
			.param(user.username())
			.query(String.class)
			.list());
	}

	/** The sites whose team the user sees on the overview. */
	public List<SiteSummary> visibleSites(StaffUser user) {
		java.util.Set<String> memberSites = memberSites(user);
		return directory.sites()
			.stream()
			.filter(site -> user.hasRole(Role.ICB_ADMIN)
					|| ((user.hasRole(Role.PLACE_DELIVERY) || user.hasRole(Role.CLINICAL_SUPERVISOR))
							&& user.scope().coversSite(site.code(), site.placeCode()))
					|| memberSites.contains(site.code()))
			.toList();
	}

}
