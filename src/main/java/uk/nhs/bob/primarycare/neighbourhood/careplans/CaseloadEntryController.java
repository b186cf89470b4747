package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms.DischargeForm;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms.KeyworkerForm;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms.ReviewForm;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarePlanForms.StatusForm;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;
import uk.nhs.bob.primarycare.neighbourhood.support.PathIds;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;

/**
 * The plan page's small changes to a person's caseload entry: its status, a completed review, the keyworker,
 * discharge and acknowledging alerts. Members of the person's team who edit, through {@link CarePlanEditing}.
 */
@Controller
@RequestMapping("/neighbourhood/care-plans/{entryId}")
class CaseloadEntryController implements NeighbourhoodPage {

	static final String STALE_MESSAGE = "Someone else changed this plan after you opened it, so your change was not "
			+ "saved. This is the current version: check it and make your change again if it is still needed.";

	private final CarePlanEditing editing;

	private final StaffUsers staffUsers;

	CaseloadEntryController(CarePlanEditing editing, StaffUsers staffUsers) {
		this.editing = editing;
		this.staffUsers = staffUsers;
	}

	@PostMapping("/status")
	String changeStatus(@PathVariable String entryId, @Valid @ModelAttribute("statusForm") StatusForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(PathIds.uuid(entryId), errors, model, redirect, response,
				id -> editing.changeStatus(id, form, staffUsers.currentUser()),
				() -> "Status changed to " + form.chosen().label());
	}

	@PostMapping("/review")
	String recordReview(@PathVariable String entryId, @Valid @ModelAttribute("reviewForm") ReviewForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(PathIds.uuid(entryId), errors, model, redirect, response,
				id -> editing.recordReview(id, form, staffUsers.currentUser()),
				() -> "Review recorded; next review " + PlanText.date(form.next()));
	}

	@PostMapping("/keyworker")
	String assignKeyworker(@PathVariable String entryId, @Valid @ModelAttribute("keyworkerForm") KeyworkerForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(PathIds.uuid(entryId), errors, model, redirect, response,
				id -> editing.assignKeyworker(id, form, staffUsers.currentUser()), () -> "Keyworker changed");
	}

	@PostMapping("/discharge")
	String discharge(@PathVariable String entryId, @Valid @ModelAttribute("dischargeForm") DischargeForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(PathIds.uuid(entryId), errors, model, redirect, response,
				id -> editing.discharge(id, form, staffUsers.currentUser()), () -> "Discharged from the caseload");
	}

	@PostMapping("/alerts/{alertId}/acknowledge")
	String acknowledge(@PathVariable String entryId, @PathVariable long alertId, RedirectAttributes redirect) {
		UUID id = PathIds.uuid(entryId);
		if (!editing.acknowledgeAlert(id, alertId, staffUsers.currentUser())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"There is no open alert with that number on this plan: nothing was acknowledged");
		}
		redirect.addFlashAttribute("saved", "Alert acknowledged");
		return "redirect:/neighbourhood/care-plans/" + id;
	}

	/**
	 * One of the plan page's small forms: when it passed its constraints, the change; then back to the plan with
	 * {@code done}, or to the plan page with the form's errors (400), or with the current version when someone changed
	 * the plan meanwhile (409).
	 */
	private String change(UUID id, BindingResult errors, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Consumer<UUID> change,
			Supplier<String> done) {
		if (!errors.hasErrors()) {
			try {
				change.accept(id);
				redirect.addFlashAttribute("saved", done.get());
				return "redirect:/neighbourhood/care-plans/" + id;
			}
			catch (Caseload.StalePlan ex) {
				model.addAttribute("stale", STALE_MESSAGE);
				response.setStatus(HttpStatus.CONFLICT.value());
				model.asMap().keySet().removeIf(k -> k.endsWith("Form") || k.startsWith(BindingResult.MODEL_KEY_PREFIX));
			}
			catch (FieldRefused ex) {
				ex.into(errors);
			}
			catch (Caseload.PlanRuleBroken ex) {
				errors.reject("rule", ex.getMessage());
			}
		}
		if (response.getStatus() < 400) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		CarePlans.PlanView view = editing.viewForEditor(id, staffUsers.currentUser());
		CarePlanController.fill(view, model);
		return CarePlanController.VIEW_PLAN;
	}

}
