package uk.nhs.bob.primarycare.triage;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.ModulePages;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Same-day requests: coordinators, supervisors and administrators work them; Place delivery teams see the aggregate
 * measures; a keyworker opens a request of someone on their caseload from the alert, read-only. The online request
 * form is public.
 */
@Component
class TriageModulePages implements ModulePages {

	private static final Set<Role> WORKERS = Set.of(Role.CARE_COORDINATOR, Role.CLINICAL_SUPERVISOR, Role.ICB_ADMIN);

	@Override
	public List<MenuEntry> menu() {
		return List.of(new MenuEntry("triage", "/triage", "Same-day requests", 20, WORKERS));
	}

	@Override
	public List<HomeCard> homeCards() {
		return List.of(new HomeCard("/triage", "Same-day requests",
				"Record and triage requests, send each person to the right service first time.", 20, WORKERS));
	}

	@Override
	public List<PageRule> pageRules() {
		return List.of(
				PageRule.of(Set.of(Role.CARE_COORDINATOR, Role.CLINICAL_SUPERVISOR, Role.PLACE_DELIVERY,
						Role.ICB_ADMIN), "/triage/measures", "/triage/measures/**"),
				PageRule.of(HttpMethod.GET, Role.recordRoles(), "/triage/requests/{id:[0-9a-fA-F-]{36}}"),
				PageRule.of(WORKERS, "/triage", "/triage/**"));
	}

	@Override
	public List<String> publicPages() {
		return List.of("/request", "/request/**");
	}

	@Override
	public List<String> stylesheets() {
		return List.of("/css/triage.css");
	}

}
