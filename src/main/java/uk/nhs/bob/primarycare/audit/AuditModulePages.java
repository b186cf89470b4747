package uk.nhs.bob.primarycare.audit;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/** The audit log's place in the menu and on the start page: administrators only. */
@Component
class AuditModulePages implements ModulePages {

	private static final Set<Role> ADMIN = Set.of(Role.ICB_ADMIN);

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("audit", "/audit", "Audit log", 90, ADMIN));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(new HomeCard("/audit", "Audit log", "Who looked at whose record, when and why.", 90, ADMIN));
	}

	@Override
	public List<PageRule> pageRules() {
		return List.of(PageRule.of(ADMIN, "/audit", "/audit/**"));
	}

}
