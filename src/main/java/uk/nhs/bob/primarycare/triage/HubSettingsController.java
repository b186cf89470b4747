package uk.nhs.bob.primarycare.triage;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/** A hub's choice of problems that always go to a clinical supervisor, set by supervisors and administrators. */
@Controller
class HubSettingsController {

	static final String VIEW = "triage/hub-settings";

	private final TriageRequests requests;

	private final TriageOptions options;

	private final StaffUsers staffUsers;

	HubSettingsController(TriageRequests requests, TriageOptions options, StaffUsers staffUsers) {
		this.requests = requests;
		this.options = options;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/triage/hub-settings")
	String settings(@RequestParam(name = "site", required = false) @Nullable String site, Model model) {
		SiteSummary hub = hub(site);
		model.addAttribute("hub", hub);
		model.addAttribute("problems", List.of(PresentingProblem.values()));
		model.addAttribute("supervised", requests.supervisedProblems(hub.code()));
		return VIEW;
	}

	@PostMapping("/triage/hub-settings")
	String save(@RequestParam(name = "site", required = false) @Nullable String site,
			@RequestParam(name = "problems", required = false) @Nullable List<String> problems,
			RedirectAttributes redirect) {
		SiteSummary hub = hub(site);
		Set<PresentingProblem> chosen = EnumSet.noneOf(PresentingProblem.class);
		if (problems != null) {
			for (String code : problems) {
				for (PresentingProblem problem : PresentingProblem.values()) {
					if (problem.name().equals(code)) {
						chosen.add(problem);
					}
				}
			}
		}
		requests.setSupervisedProblems(hub.code(), chosen, staffUsers.currentUser().username());
		redirect.addFlashAttribute("message", "Saved: new requests for these problems go to a clinical supervisor");
		return "redirect:/triage/hub-settings?site=" + hub.code();
	}

	private SiteSummary hub(@Nullable String site) {
		StaffUser user = staffUsers.currentUser();
		if (!TriageQueueController.isSupervisor(user)) {
			throw new AccessDeniedException("Only clinical supervisors and administrators change hub settings");
		}
		List<SiteSummary> sites = options.sitesFor(user);
		return sites.stream()
			.filter(s -> s.code().equals(site))
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("Choose a hub in your scope"));
	}

}
