package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodOptions;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;
import uk.nhs.bob.primarycare.neighbourhood.support.PathIds;

/**
 * Editing a person's care plan, with conflict detection and merging. Members of the person's team who edit, through
 * {@link CarePlanEditing}; the plan page's small changes are {@link CaseloadEntryController}'s.
 */
@Controller
@RequestMapping("/neighbourhood/care-plans/{entryId}")
class CarePlanEditController implements NeighbourhoodPage {

	static final String VIEW_PLAN_FORM = "neighbourhood/care-plan-form";

	static final String CONFLICT_MESSAGE = "Someone else saved this care plan after you opened it and changed some of "
			+ "the same things you did, so nothing has been saved yet. For each of those below, choose which to keep. "
			+ "Everything else either of you changed is kept as it is.";

	private final CarePlanEditing editing;

	private final StaffUsers staffUsers;

	CarePlanEditController(CarePlanEditing editing, StaffUsers staffUsers) {
		this.editing = editing;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/edit")
	String editPlan(@PathVariable String entryId, Model model) {
		CarePlanEditing.FormPage page = editing.formPage(PathIds.uuid(entryId), staffUsers.currentUser());
		model.addAttribute("form", PlanForm.of(page.content(), page.entry().getVersion()));
		return planForm(page, model);
	}

	@PostMapping
	String savePlan(@PathVariable String entryId, @Valid @ModelAttribute("form") PlanForm form, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		UUID id = PathIds.uuid(entryId);
		Map<String, PlanMerge.Side> choices = choices(params);
		model.addAttribute("choices", choices);
		if (errors.hasErrors()) {
			CarePlanEditing.Failed failed = editing.formFailed(id, form, staffUsers.currentUser());
			failed.problems().into(errors);
			return planForm(failed.page(), model);
		}
		try {
			Caseload.SaveOutcome saved = editing.savePlan(id, form, choices, staffUsers.currentUser());
			redirect.addFlashAttribute("saved", saved.merged().isEmpty() ? "Care plan saved"
					: "Care plan saved. Changes others saved while you were editing were kept: "
							+ String.join("; ", saved.merged()));
			return "redirect:/neighbourhood/care-plans/" + id;
		}
		catch (Caseload.MergeConflict ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return conflict(id, form, ex, model);
		}
		catch (FieldRefused ex) {
			ex.into(errors);
		}
		catch (Caseload.PlanRuleBroken ex) {
			errors.reject("rule", ex.getMessage());
		}
		return planForm(editing.formPage(id, staffUsers.currentUser()), model);
	}

	/** The form again with what the user typed, the current version's entry and each field to choose. */
	private String conflict(UUID id, PlanForm form, Caseload.MergeConflict ex, Model model) {
		CarePlanEditing.FormPage page = editing.formPage(id, staffUsers.currentUser());
		PlanForm kept = form.against(ex.currentVersion()).withEmptyRows();
		BindingResult conflict = new BeanPropertyBindingResult(kept, "form");
		conflict.reject("conflict", CONFLICT_MESSAGE);
		model.addAttribute("form", kept);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", conflict);
		model.addAttribute("conflict", true);
		model.addAttribute("conflicts", ex.conflicts());
		model.addAttribute("currentEntry", page.entry());
		model.addAttribute("changesSince",
				page.history().stream().filter(v -> v.number() > form.expectedVersion() + 1).toList());
		return planForm(page, model);
	}

	/** The per-field choices of a conflict page: {@code choice.<field>} = MINE or THEIRS; anything else is no choice. */
	private static Map<String, PlanMerge.Side> choices(MultiValueMap<String, String> params) {
		Map<String, PlanMerge.Side> choices = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith("choice.") && values.size() == 1) {
				for (PlanMerge.Side side : PlanMerge.Side.values()) {
					if (side.name().equals(values.get(0))) {
						choices.put(name.substring("choice.".length()), side);
					}
				}
			}
		});
		return choices;
	}

	private String planForm(CarePlanEditing.FormPage page, Model model) {
		model.addAttribute("entry", page.entry());
		model.addAttribute("team", page.team());
		model.addAttribute("person", page.person());
		model.addAttribute("memberOptions", NeighbourhoodOptions.members(page.activeMembers()));
		model.addAttribute("memberNames", NeighbourhoodOptions.members(page.allMembers()));
		model.addAttribute("goalStatuses", NeighbourhoodOptions.of(GoalStatus.values(), GoalStatus::label));
		model.addAttribute("actionStatuses", NeighbourhoodOptions.of(ActionStatus.values(), ActionStatus::label));
		model.addAttribute("yesNoOptions", NeighbourhoodOptions.recorded(YesNo.values(), YesNo::label));
		model.addAttribute("consentOptions",
				NeighbourhoodOptions.recorded(ConsentToShare.values(), ConsentToShare::label));
		model.addAttribute("agreedWithOptions", NeighbourhoodOptions.recorded(AgreedWith.values(), AgreedWith::label));
		model.addAttribute("carerRoles", NeighbourhoodOptions.recorded(CarerRole.values(), CarerRole::label));
		model.addAttribute("frailtyScores", NeighbourhoodOptions.frailtyScores());
		return VIEW_PLAN_FORM;
	}

}
