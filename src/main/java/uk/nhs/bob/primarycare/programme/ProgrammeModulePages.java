package uk.nhs.bob.primarycare.programme;

import java.util.List;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/** The delivery programme: every member of staff reads it (each change checks who may make it). */
@Component
class ProgrammeModulePages implements ModulePages {

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("programme", "/programme", "Delivery programme", 60, Role.anyStaff()));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(new HomeCard("/programme", "Delivery programme",
				"Cohorts, sites, local action teams, PDSA cycles and SPC charts.", 60, Role.anyStaff()));
	}

	@Override
	public List<PageRule> pageRules() {
		return List.of(PageRule.of(Role.anyStaff(), "/programme", "/programme/**"));
	}

	@Override
	public List<String> stylesheets() {
		return List.of("/css/programme.css");
	}

}
