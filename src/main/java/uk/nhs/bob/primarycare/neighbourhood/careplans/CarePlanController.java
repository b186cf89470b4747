package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms.BreakGlassForm;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms.DischargeForm;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms.KeyworkerForm;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms.ReviewForm;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms.StatusForm;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodOptions;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;
import uk.nhs.bob.primarycare.neighbourhood.support.PathIds;

/**
 * Reading a person's care plan (audited, access-checked, break-glass for others), the person's own copy, and the
 * plan's stored versions. Changes are {@link CarePlanEditController}'s.
 */
@Controller
@RequestMapping("/neighbourhood/care-plans/{entryId}")
class CarePlanController implements NeighbourhoodPage {

	static final String VIEW_PLAN = "neighbourhood/care-plan";

	static final String VIEW_NO_ACCESS = "neighbourhood/no-access";

	static final String VIEW_VERSION = "neighbourhood/care-plan-version";

	static final String VIEW_COMPARE = "neighbourhood/care-plan-compare";

	static final String VIEW_COPY = "neighbourhood/care-plan-copy";

	private final CarePlans carePlans;

	private final CarePlanCopies copies;

	private final StaffUsers staffUsers;

	private final KeptCarePlanPages pages;

	CarePlanController(CarePlans carePlans, CarePlanCopies copies, StaffUsers staffUsers, KeptCarePlanPages pages) {
		this.carePlans = carePlans;
		this.copies = copies;
		this.staffUsers = staffUsers;
		this.pages = pages;
	}

	@GetMapping
	ModelAndView plan(@PathVariable String entryId, Model model, HttpServletResponse response) {
		UUID id = PathIds.uuid(entryId);
		StaffUser user = staffUsers.currentUser();
		try {
			CarePlans.PlanView view = carePlans.view(id, user, "INT care plan", true).orElseThrow();
			fill(view, model);
			return new ModelAndView(pages.page(view, model.asMap()));
		}
		catch (AccessDeniedException ex) {
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", new BreakGlassForm("", ""));
			}
			return new ModelAndView(noAccess(id, user, model, response));
		}
	}

	/**
	 * The plan page's model: the plan and its action forms, each as posted back when it was refused (with its errors),
	 * or starting from the entry as it is.
	 */
	static void fill(CarePlans.PlanView view, Model model) {
		String version = Long.toString(view.entry().version());
		model.addAttribute("view", view);
		model.addAttribute("statusOptions", NeighbourhoodOptions.of(CaseloadStatus.values(), CaseloadStatus::label,
				s -> s.open() && s != view.entry().status()));
		model.addAttribute("keyworkerOptions", NeighbourhoodOptions.keyworkers(view.members().values()));
		UUID keyworker = view.entry().keyworkerId();
		model.addAttribute("statusForm", model.getAttribute("statusForm") instanceof StatusForm form ? form
				: new StatusForm(version, ""));
		model.addAttribute("reviewForm", model.getAttribute("reviewForm") instanceof ReviewForm form ? form
				: new ReviewForm(version, ""));
		model.addAttribute("keyworkerForm", model.getAttribute("keyworkerForm") instanceof KeyworkerForm form ? form
				: new KeyworkerForm(version, keyworker == null ? "" : keyworker.toString()));
		model.addAttribute("dischargeForm", model.getAttribute("dischargeForm") instanceof DischargeForm form ? form
				: new DischargeForm(version, ""));
	}

	/** The 403 page: break-glass for those who may use it, and why not for the others. */
	private String noAccess(UUID id, StaffUser user, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("entryId", id);
		model.addAttribute("breakGlassRefusal", carePlans.breakGlassRefusal(id, user).orElse(null));
		model.addAttribute("reasonOptions", NeighbourhoodOptions.of(BreakGlassReason.values(), BreakGlassReason::label));
		model.addAttribute("hours", CarePlans.BREAK_GLASS_HOURS);
		return VIEW_NO_ACCESS;
	}

	@PostMapping("/break-glass")
	String breakGlass(@PathVariable String entryId, @Valid @ModelAttribute("form") BreakGlassForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		UUID id = PathIds.uuid(entryId);
		StaffUser user = staffUsers.currentUser();
		if (errors.hasErrors()) {
			return noAccess(id, user, model, response);
		}
		try {
			carePlans.breakGlass(id, user, form.code(), form.reason().trim());
		}
		catch (AccessDeniedException ex) {
			return noAccess(id, user, model, response);
		}
		return "redirect:/neighbourhood/care-plans/" + id;
	}

	/** The person's own copy: the plan on a plain page to print and give them, audited like the plan. */
	@GetMapping("/copy")
	String copy(@PathVariable String entryId, Model model) {
		model.addAttribute("view", carePlans.view(PathIds.uuid(entryId), staffUsers.currentUser(),
				"INT care plan: the person's copy", true).orElseThrow());
		return VIEW_COPY;
	}

	@PostMapping("/send-copy")
	String sendCopy(@PathVariable String entryId, RedirectAttributes redirect) {
		UUID id = PathIds.uuid(entryId);
		try {
			copies.send(id, staffUsers.currentUser());
			redirect.addFlashAttribute("saved", "A copy of the plan will be sent to the person by email or letter, as "
					+ "their contact details and consent allow. Their messages page shows what was sent.");
		}
		catch (Caseload.PlanRuleBroken ex) {
			redirect.addFlashAttribute("stale", ex.getMessage());
		}
		return "redirect:/neighbourhood/care-plans/" + id;
	}

	@GetMapping("/versions/{number}")
	String version(@PathVariable String entryId, @PathVariable String number, Model model) {
		CarePlans.VersionPage page = carePlans
			.version(PathIds.uuid(entryId), PathIds.version(number), staffUsers.currentUser())
			.orElseThrow();
		model.addAttribute("view", page.view());
		model.addAttribute("stored", page.stored());
		model.addAttribute("latest", page.view().entry().version() + 1);
		model.addAttribute("proposedDiff", page.proposedDiff());
		return VIEW_VERSION;
	}

	@GetMapping("/compare")
	String compare(@PathVariable String entryId, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model) {
		CarePlans.ComparePage page = carePlans
			.compare(PathIds.uuid(entryId), PathIds.version(from), PathIds.version(to), staffUsers.currentUser())
			.orElseThrow();
		model.addAttribute("view", page.view());
		model.addAttribute("older", page.older());
		model.addAttribute("newer", page.newer());
		model.addAttribute("rows", page.rows());
		return VIEW_COMPARE;
	}

}
