package uk.nhs.bob.primarycare.population;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Finding a person and their record (roles that work with identifiable records) and importing records (administrators,
 * under the platform's administration area).
 */
@Component
class PopulationModulePages implements ModulePages {

	private static final Set<Role> ADMIN = Set.of(Role.ICB_ADMIN);

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("people", "/population/people", "Find a person", 10, Role.recordRoles()),
				new MenuEntry("import", "/admin/population/import", "Import", 120, ADMIN));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(
				new HomeCard("/population/people", "Find a person",
						"Search by NHS number, or name and date of birth, and open their record.", 10,
						Role.recordRoles()),
				new HomeCard("/admin/population/import", "Import records",
						"Load people and their coded records from a FHIR R4 bundle.", 120, ADMIN));
	}

	@Override
	public List<PageRule> pageRules() {
		return List.of(PageRule.of(Role.recordRoles(), "/population/**"));
	}

}
