package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffInvitations;
import uk.nhs.bob.primarycare.identity.StaffUser;

/**
 * A team's member list, which is its access rule: members are picked from the clinical staff whose scope covers the
 * team's site, or invited by email (a disabled account an ICB administrator completes). Only those who set teams up
 * (ICB administrators, the Place's delivery team) change the list.
 */
@Component
class TeamMembers {

	/** The member is already on the list, or the invited address already has an account. */
	static final class Refused extends RuntimeException {

		private final String field;

		Refused(String field, String message) {
			super(message, null, false, false);
			this.field = field;
		}

		String field() {
			return field;
		}

	}

	private final TeamMemberRepository members;

	private final TeamAccess access;

	private final StaffInvitations invitations;

	private final Directory directory;

	TeamMembers(TeamMemberRepository members, TeamAccess access, StaffInvitations invitations, Directory directory) {
		this.members = members;
		this.access = access;
		this.invitations = invitations;
		this.directory = directory;
	}

	/** Staff the team may add (username to name and scope), not already on its list. */
	@Transactional(readOnly = true)
	Map<String, String> candidates(Team team) {
		SiteSummary site = directory.site(team.getSiteCode()).orElseThrow();
		Set<String> listed = members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.filter(m -> m.getUsername() != null)
			.map(m -> m.getUsername().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		Map<String, String> options = new LinkedHashMap<>();
		for (StaffUser user : invitations.clinicalStaffCovering(site.code(), site.placeCode())) {
			if (!listed.contains(user.username().toLowerCase(Locale.ROOT))) {
				options.put(user.username(), user.displayName() + " (" + user.username() + ", " + user.scopeName() + ")");
			}
		}
		return options;
	}

	/**
	 * The directory's organisations at the team's site a member may work for, by ODS code: its PCNs and their
	 * practices, each with its name.
	 */
	Map<String, String> organisations(Team team) {
		Map<String, String> organisations = new LinkedHashMap<>();
		directory.pcns()
			.stream()
			.filter(pcn -> pcn.siteCode().equals(team.getSiteCode()))
			.forEach(pcn -> organisations.put(pcn.odsCode(), pcn.name()));
		directory.practices()
			.stream()
			.filter(practice -> practice.siteCode().equals(team.getSiteCode()))
			.forEach(practice -> organisations.put(practice.odsCode().value(), practice.name()));
		return organisations;
	}

	@Transactional
	TeamMember add(Team team, StaffUser by, TeamForms.NewMember wanted) {
		if (!access.canManage(by, team)) {
			throw new AccessDeniedException("Only ICB administrators and the Place's delivery team change members");
		}
		if (wanted.username() != null) {
			SiteSummary site = directory.site(team.getSiteCode()).orElseThrow();
			StaffUser user = invitations.clinicalStaffCovering(site.code(), site.placeCode())
				.stream()
				.filter(u -> u.username().equalsIgnoreCase(wanted.username()))
				.findFirst()
				.orElseThrow(() -> new Refused("username", "Choose a staff user from the list"));
			if (members.findFirstByTeamIdAndActiveTrueAndUsernameIgnoreCase(team.getId(), user.username()).isPresent()) {
				throw new Refused("username", user.displayName() + " is already a member of this team");
			}
			return members.save(new TeamMember(team.getId(), user.displayName(), wanted.organisation(),
					wanted.organisationOds(), wanted.discipline(), user.username(), wanted.role()));
		}
		String email = java.util.Objects.requireNonNull(wanted.email());
		if (invitations.taken(email)) {
			throw new Refused("email", "An account already uses this email address: choose that user from the list "
					+ "(an administrator may need to give them a clinical role in this team's area first)");
		}
		String username = invitations.invite(email, java.util.Objects.requireNonNull(wanted.name()),
				team.getSiteCode(), by.username(), team.getName());
		return members.save(new TeamMember(team.getId(), wanted.name(), wanted.organisation(),
				wanted.organisationOds(), wanted.discipline(), username, wanted.role()));
	}

	/** Usernames whose accounts exist but cannot sign in yet (invitations an administrator has not completed). */
	@Transactional(readOnly = true)
	Set<String> awaitingAdministrator(List<TeamMember> list) {
		return list.stream()
			.map(TeamMember::getUsername)
			.filter(u -> u != null && invitations.awaitingAdministrator(u))
			.collect(Collectors.toSet());
	}

}
