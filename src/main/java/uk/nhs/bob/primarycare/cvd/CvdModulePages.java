package uk.nhs.bob.primarycare.cvd;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * CVD prevention: the dashboard is aggregate (every member of staff); worklists and the calculator are for roles that
 * work with records.
 */
@Component
class CvdModulePages implements ModulePages {

	private static final Set<Role> PLACE_DELIVERY = Set.of(Role.PLACE_DELIVERY);

	@Override
	public List<MenuEntry> menu() {
		// the dashboard is aggregate: Place delivery teams, who may not open the worklists, still reach it
		return List.of(new MenuEntry("cvd", "/cvd", "CVD prevention", 40, Role.recordRoles()),
				new MenuEntry("cvd", "/cvd/dashboard", "CVD dashboard", 41, PLACE_DELIVERY));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(
				new HomeCard("/cvd", "CVD prevention", "Worklists of people at risk, QRISK3, outreach and indicators.",
						40, Role.recordRoles()),
				new HomeCard("/cvd/dashboard", "CVD dashboard",
						"CVD prevention indicators per Place, PCN and practice, trends and the impact scenario "
								+ "(no one identifiable).",
						41, PLACE_DELIVERY));
	}

	@Override
	public List<PageRule> pageRules() {
		return List.of(PageRule.of(Role.anyStaff(), "/cvd/dashboard", "/cvd/dashboard/**"),
				PageRule.of(Role.recordRoles(), "/cvd", "/cvd/**"));
	}

	@Override
	public List<String> stylesheets() {
		return List.of("/css/cvd.css");
	}

}
