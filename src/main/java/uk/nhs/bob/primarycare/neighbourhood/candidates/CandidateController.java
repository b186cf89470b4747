package uk.nhs.bob.primarycare.neighbourhood.candidates;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CandidateDecisions.AddForm;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CandidateDecisions.DismissForm;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodOptions;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The team's ranked candidates and the decision on each: add to the caseload with a reason, or dismiss with a reason
 * (the person comes back when their qualifying data change). Members of the team only, through
 * {@link CandidateDecisions}.
 */
@Controller
@RequestMapping("/neighbourhood/teams/{siteCode}/candidates")
class CandidateController implements NeighbourhoodPage {

	static final String VIEW_LIST = "neighbourhood/candidates";

	static final String VIEW_DECISION = "neighbourhood/candidate";

	private final CandidateDecisions decisions;

	private final StaffUsers staffUsers;

	CandidateController(CandidateDecisions decisions, StaffUsers staffUsers) {
		this.decisions = decisions;
		this.staffUsers = staffUsers;
	}

	@GetMapping
	String list(@PathVariable String siteCode, @RequestParam(required = false) @Nullable String page, Model model) {
		CandidateDecisions.ListPage list = decisions.list(siteCode, page, staffUsers.currentUser());
		model.addAttribute("team", list.team());
		model.addAttribute("rows", list.rows());
		model.addAttribute("pagination", list.pagination());
		model.addAttribute("total", list.total());
		return VIEW_LIST;
	}

	@GetMapping("/{nhsNumber}")
	String decision(@PathVariable String siteCode, @PathVariable NhsNumber nhsNumber, Model model) {
		return decisionPage(decisions.decision(siteCode, nhsNumber, staffUsers.currentUser(), false), model);
	}

	private String decisionPage(CandidateDecisions.DecisionPage page, Model model) {
		model.addAttribute("team", page.team());
		model.addAttribute("candidate", page.candidate());
		model.addAttribute("person", page.person());
		model.addAttribute("memberOptions", NeighbourhoodOptions.members(page.keyworkers()));
		if (!model.containsAttribute("addForm")) {
			model.addAttribute("addForm", new AddForm("", ""));
		}
		if (!model.containsAttribute("dismissForm")) {
			model.addAttribute("dismissForm", new DismissForm(""));
		}
		return VIEW_DECISION;
	}

	@PostMapping("/{nhsNumber}/add")
	String add(@PathVariable String siteCode, @PathVariable NhsNumber nhsNumber,
			@Valid @ModelAttribute("addForm") AddForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				CaseloadEntry entry = decisions.add(siteCode, nhsNumber, form, staffUsers.currentUser());
				redirect.addFlashAttribute("saved",
						"Added to the caseload. Write their care plan when you have assessed them.");
				return "redirect:/neighbourhood/care-plans/" + entry.getId();
			}
			catch (Caseload.AlreadyOnCaseload ex) {
				redirect.addFlashAttribute("saved", "This person is already on the caseload");
				return "redirect:/neighbourhood/teams/" + siteCode + "/caseload";
			}
			catch (FieldRefused ex) {
				ex.into(errors);
				return decisionPage(decisions.decision(siteCode, nhsNumber, staffUsers.currentUser(), true), model);
			}
		}
		CandidateDecisions.Failed failed = decisions.addFailed(siteCode, nhsNumber, form, staffUsers.currentUser());
		failed.problems().into(errors);
		return decisionPage(failed.page(), model);
	}

	@PostMapping("/{nhsNumber}/dismiss")
	String dismiss(@PathVariable String siteCode, @PathVariable NhsNumber nhsNumber,
			@Valid @ModelAttribute("dismissForm") DismissForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return decisionPage(decisions.decision(siteCode, nhsNumber, staffUsers.currentUser(), true), model);
		}
		decisions.dismiss(siteCode, nhsNumber, form, staffUsers.currentUser());
		redirect.addFlashAttribute("saved", "Dismissed. They will be a candidate again only if their record changes.");
		return "redirect:/neighbourhood/teams/" + siteCode + "/candidates";
	}

}
