package uk.nhs.bob.primarycare.cvd;

import java.util.List;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * CVD prevention: the dashboard is aggregate (every member of staff); worklists and the calculator are for roles that
 * work with records.
 */
@Component
class CvdModulePages implements ModulePages {

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("cvd", "/cvd", "CVD prevention", 40, Role.recordRoles()));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(new HomeCard("/cvd", "CVD prevention",
				"Worklists of people at risk, QRISK3, outreach and indicators.", 40, Role.recordRoles()));
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
