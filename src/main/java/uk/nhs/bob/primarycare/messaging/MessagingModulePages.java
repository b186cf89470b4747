package uk.nhs.bob.primarycare.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/** Messages name the people they went to: roles that work with records only; each page checks the scope. */
@Component
class MessagingModulePages implements ModulePages {

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("messaging", "/messaging", "Messages", 50, Role.recordRoles()));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(new HomeCard("/messaging", "Messages to patients",
				"Texts, emails and letters sent through GOV.UK Notify; what was not sent or failed, and why.", 50,
				Role.recordRoles()));
	}

	@Override
	public List<PageRule> pageRules() {
		return List.of(PageRule.of(Role.recordRoles(), "/messaging", "/messaging/**"));
	}

	@Override
	public List<String> stylesheets() {
		return List.of("/css/messaging.css");
	}

}
