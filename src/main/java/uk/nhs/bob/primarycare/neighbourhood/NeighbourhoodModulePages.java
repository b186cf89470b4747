package uk.nhs.bob.primarycare.neighbourhood;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Integrated Neighbourhood Teams: members work the caseloads, Place delivery teams and administrators set teams up.
 * Care coordinators reach a care plan only to ask for break-glass access (the care plan pages decide).
 */
@Component
class NeighbourhoodModulePages implements ModulePages {

	private static final Set<Role> TEAMS = Set.of(Role.INT_MEMBER, Role.CLINICAL_SUPERVISOR, Role.PLACE_DELIVERY,
			Role.ICB_ADMIN);

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("neighbourhood", "/neighbourhood", "Neighbourhood teams", 30, TEAMS));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(new HomeCard("/neighbourhood", "Neighbourhood teams",
				"Find people with complex needs, hold a caseload and share one care plan.", 30, TEAMS));
	}

	@Override
	public List<PageRule> pageRules() {
		return List.of(PageRule.of(Role.anyStaff(), "/neighbourhood/care-plans/**"),
				PageRule.of(TEAMS, "/neighbourhood", "/neighbourhood/**"));
	}

	@Override
	public List<String> stylesheets() {
		return List.of("/css/neighbourhood.css");
	}

}
