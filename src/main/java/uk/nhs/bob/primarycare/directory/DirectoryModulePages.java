package uk.nhs.bob.primarycare.directory;

import java.util.List;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/** The directory: every member of staff reads it (administrators edit it, which each page checks). */
@Component
class DirectoryModulePages implements ModulePages {

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("directory", "/directory", "Directory", 70, Role.anyStaff()));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(new HomeCard("/directory", "Directory",
				"Places, neighbourhood sites, PCNs, practices and the services people can be sent to.", 70,
				Role.anyStaff()));
	}

	@Override
	public List<PageRule> pageRules() {
		return List.of(PageRule.of(Role.anyStaff(), "/directory", "/directory/**"));
	}

}
