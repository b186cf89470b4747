package uk.nhs.bob.primarycare.identity;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/** User management, sign-in mappings and API clients: administrators, under the platform's administration area. */
@Component
class IdentityModulePages implements ModulePages {

	private static final Set<Role> ADMIN = Set.of(Role.ICB_ADMIN);

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("users", "/admin/users", "Users", 80, ADMIN));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(
				new HomeCard("/admin/users", "Users", "Create and disable users, reset passwords, set roles and scope.",
						80, ADMIN),
				new HomeCard("/admin/sign-in-mappings", "Sign-in mappings",
						"Which roles and scope a sign-in with NHS CIS2 (or another identity provider) gives.", 100, ADMIN),
				new HomeCard("/admin/api-clients", "API clients",
						"Systems that call the APIs: their secrets or keys and their scopes.", 110, ADMIN));
	}

}
