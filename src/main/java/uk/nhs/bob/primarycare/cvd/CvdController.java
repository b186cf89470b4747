package uk.nhs.bob.primarycare.cvd;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * The CVD prevention pages for clinical staff: the overview with the rules and the population refresh. The worklists
 * are {@link WorklistController}'s, a person's CVD page {@link CvdPersonController}'s.
 */
@Controller
class CvdController {

	static final String VIEW_OVERVIEW = "cvd/overview";

	static final String VIEW_REFRESH = "cvd/refresh";

	static final String PURPOSE_PERSON = CvdPersonCare.PURPOSE_PERSON;

	private final Worklists worklists;

	private final RefreshJobs jobs;

	private final StaffUsers staffUsers;

	CvdController(Worklists worklists, RefreshJobs jobs, StaffUsers staffUsers) {
		this.worklists = worklists;
		this.jobs = jobs;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/cvd")
	String overview(Model model) {
		StaffUser user = staffUsers.currentUser();
		Worklists.Filter all = Worklists.Filter.all();
		model.addAttribute("user", user);
		model.addAttribute("rules", CaseFindingRule.values());
		model.addAttribute("counts", worklists.countsByRule(user, all));
		model.addAttribute("people", worklists.count(user, all));
		model.addAttribute("lastRefresh", jobs.latestCompleted().orElse(null));
		return VIEW_OVERVIEW;
	}

	// --- Population refresh --------------------------------------------------------------------------------------

	@GetMapping("/cvd/refresh")
	String refresh(Model model) {
		Optional<RefreshJobs.Run> latest = jobs.latest();
		model.addAttribute("run", latest.orElse(null));
		model.addAttribute("announced", latest.map(RefreshJobs.Run::tenths).orElse(0));
		model.addAttribute("announcement", null);
		model.addAttribute("canStart", RefreshJobs.mayStart(staffUsers.currentUser()));
		return VIEW_REFRESH;
	}

	/**
	 * The progress part of the refresh page, polled by htmx while a refresh runs (no page reload). A change of tenth,
	 * or the end, is also said once in the page's polite live region.
	 */
	@GetMapping("/cvd/refresh/progress")
	String refreshProgress(@RequestParam(required = false) @Nullable String announced, Model model) {
		Optional<RefreshJobs.Run> latest = jobs.latest();
		int before = announced != null && announced.matches("\\d{1,3}") ? Integer.parseInt(announced) : -1;
		int now = latest.map(RefreshJobs.Run::tenths).orElse(0);
		model.addAttribute("run", latest.orElse(null));
		model.addAttribute("announced", now);
		model.addAttribute("announcement", now == before ? null : latest.map(RefreshJobs.Run::announcement).orElse(null));
		return VIEW_REFRESH + " :: progress";
	}

	@PostMapping("/cvd/refresh")
	String startRefresh(RedirectAttributes redirect) {
		Optional<Long> started = jobs.startFor(staffUsers.currentUser());
		redirect.addFlashAttribute(started.isPresent() ? "success" : "warning",
				started.isPresent() ? "Refresh started." : "A refresh is already running: its progress is below.");
		return "redirect:/cvd/refresh";
	}

}
