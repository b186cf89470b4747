package uk.nhs.bob.primarycare.neighbourhood.candidates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyCategory;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodOptions;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms.CohortForm;
import uk.nhs.bob.primarycare.population.Register;

/**
 * A team's cohort definitions (which pick its candidates) and counting its caseload now, for its members and those
 * who set it up, through {@link CohortDefinitions}.
 */
@Controller
@RequestMapping("/neighbourhood")
class CohortDefinitionController implements NeighbourhoodPage {

	static final String VIEW_COHORT_FORM = "neighbourhood/cohort-form";

	static final String COHORT_CONFLICT = "Someone else saved this cohort definition after you opened it, so your "
			+ "changes have not been saved. Your changes are still in the form: check the definition on the team "
			+ "page, then save again if yours should replace it.";

	private final CohortDefinitions cohorts;

	private final StaffUsers staffUsers;

	CohortDefinitionController(CohortDefinitions cohorts, StaffUsers staffUsers) {
		this.cohorts = cohorts;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/teams/{siteCode}/cohorts/new")
	String newCohort(@PathVariable String siteCode, Model model) {
		Team team = cohorts.configurable(siteCode, staffUsers.currentUser());
		model.addAttribute("form", CohortForm.empty());
		return cohortForm(team, null, model);
	}

	@PostMapping("/teams/{siteCode}/cohorts")
	String addCohort(@PathVariable String siteCode, @Valid @ModelAttribute("form") CohortForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return cohortForm(cohorts.configurable(siteCode, staffUsers.currentUser()), null, model);
		}
		CohortCriteria added = cohorts.add(siteCode, form, staffUsers.currentUser());
		redirect.addFlashAttribute("saved", "Cohort definition added: " + added.name());
		return "redirect:/neighbourhood/teams/" + siteCode + "#cohorts";
	}

	@GetMapping("/teams/{siteCode}/cohorts/{id}/edit")
	String editCohort(@PathVariable String siteCode, @PathVariable UUID id, Model model) {
		CohortDefinition definition = cohorts.definition(siteCode, id, staffUsers.currentUser());
		model.addAttribute("form", CohortForm.of(definition));
		return cohortForm(cohorts.configurable(siteCode, staffUsers.currentUser()), definition, model);
	}

	@PostMapping("/teams/{siteCode}/cohorts/{id}")
	String saveCohort(@PathVariable String siteCode, @PathVariable UUID id, @Valid @ModelAttribute("form") CohortForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		StaffUser user = staffUsers.currentUser();
		if (!errors.hasErrors()) {
			try {
				CohortCriteria saved = cohorts.save(siteCode, id, form, user);
				redirect.addFlashAttribute("saved", "Cohort definition saved: " + saved.name());
				return "redirect:/neighbourhood/teams/" + siteCode + "#cohorts";
			}
			catch (CohortDefinitions.Conflict ex) {
				CohortDefinition latest = cohorts.definition(siteCode, id, user);
				CohortForm kept = form.over(latest.version());
				BindingResult conflict = new BeanPropertyBindingResult(kept, "form");
				conflict.reject("conflict", COHORT_CONFLICT);
				model.addAttribute("form", kept);
				model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", conflict);
				model.addAttribute("current", latest.describe());
				response.setStatus(HttpStatus.CONFLICT.value());
				return cohortForm(cohorts.configurable(siteCode, user), latest, model);
			}
		}
		return cohortForm(cohorts.configurable(siteCode, user), cohorts.definition(siteCode, id, user), model);
	}

	@PostMapping("/teams/{siteCode}/cohorts/{id}/retire")
	String retireCohort(@PathVariable String siteCode, @PathVariable UUID id, RedirectAttributes redirect) {
		CohortCriteria retired = cohorts.retire(siteCode, id, staffUsers.currentUser());
		redirect.addFlashAttribute("saved", "Cohort definition removed: " + retired.name());
		return "redirect:/neighbourhood/teams/" + siteCode + "#cohorts";
	}

	@PostMapping("/teams/{siteCode}/caseload-count")
	String countNow(@PathVariable String siteCode, RedirectAttributes redirect) {
		CaseloadCounted counted = cohorts.countNow(siteCode, staffUsers.currentUser());
		redirect.addFlashAttribute("saved", "Caseload count published for the week starting "
				+ PlanText.date(counted.weekStarting()) + ": " + counted.peopleOnCaseload() + " on the caseload");
		return "redirect:/neighbourhood/teams/" + siteCode;
	}

	private String cohortForm(Team team, @Nullable CohortDefinition definition, Model model) {
		model.addAttribute("team", team);
		model.addAttribute("definition", definition);
		Map<String, String> frailty = new LinkedHashMap<>();
		frailty.put(FrailtyCategory.MILD.name(), "Mild frailty or worse (eFI above 0.12)");
		frailty.put(FrailtyCategory.MODERATE.name(), "Moderate or severe frailty (eFI above 0.24)");
		frailty.put(FrailtyCategory.SEVERE.name(), "Severe frailty (eFI above 0.36)");
		model.addAttribute("frailtyOptions", frailty);
		Map<String, String> quintiles = new LinkedHashMap<>();
		quintiles.put("1", "Most deprived 20% only (quintile 1, Core20)");
		quintiles.put("2", "Most deprived 40% (quintiles 1 and 2)");
		quintiles.put("3", "Most deprived 60% (quintiles 1 to 3)");
		quintiles.put("4", "Most deprived 80% (quintiles 1 to 4)");
		model.addAttribute("quintileOptions", quintiles);
		model.addAttribute("registerOptions",
				NeighbourhoodOptions.of(Register.values(), register -> register.title() + " (" + register.name() + ")"));
		return VIEW_COHORT_FORM;
	}

}
