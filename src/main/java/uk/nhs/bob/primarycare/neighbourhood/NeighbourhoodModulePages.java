package uk.nhs.bob.primarycare.neighbourhood;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Integrated Neighbourhood Teams: every member of staff may reach the pages, and the team's member list decides who
 * works a caseload (whatever their clinical role); Place delivery teams and administrators set teams up; clinicians
 * refer people to a team; anyone else reaches a care plan only to ask for break-glass access.
 */
@Component
class NeighbourhoodModulePages implements ModulePages {

	/** Who is shown the way in: team members, clinicians who refer (and may be on a team list), and team set-up. */
	private static final Set<Role> TEAMS = Set.of(Role.INT_MEMBER, Role.CARE_COORDINATOR, Role.CLINICAL_SUPERVISOR,
			Role.PLACE_DELIVERY, Role.ICB_ADMIN);

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("neighbourhood", "/neighbourhood", "Neighbourhood teams", 30, TEAMS));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(new HomeCard("/neighbourhood", "Neighbourhood teams",
				"Find people with complex needs or refer them, hold a caseload and share one care plan.", 30, TEAMS));
	}

	@Override
	public List<PageRule> pageRules() {
		return List.of(PageRule.of(Role.anyStaff(), "/neighbourhood", "/neighbourhood/**"));
	}

	@Override
	public List<String> stylesheets() {
		return List.of("/css/neighbourhood.css");
	}

}
