package uk.nhs.bob.primarycare.identity;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.ApiClientForms.ConfirmForm;
import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Sign-in mappings for ICB administrators (platform security limits {@code /admin/**} to them): which app role and
 * organisation scope each role code at an organisation gives at a sign-in with the identity provider.
 */
@Controller
@RequestMapping("/admin/sign-in-mappings")
class SignInMappingController {

	static final String VIEW_LIST = "identity/sign-in-mappings";

	static final String VIEW_NEW = "identity/sign-in-mapping-new";

	static final String VIEW_REMOVE = "identity/sign-in-mapping-remove";

	private final SignInMappings mappings;

	private final UserAdministration users;

	SignInMappingController(SignInMappings mappings, UserAdministration users) {
		this.mappings = mappings;
		this.users = users;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("mappings", mappings.mappings());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newMapping(Model model) {
		model.addAttribute("form", SignInMappingForm.empty());
		return showNew(model);
	}

	@PostMapping("/new")
	String add(@Valid @ModelAttribute("form") SignInMappingForm form, BindingResult result, Principal principal,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showNew(model);
		}
		try {
			mappings.add(new SignInMappings.NewMapping(String.valueOf(form.roleCode()), String.valueOf(form.orgCode()),
					form.role(), new OrganisationScope(java.util.Objects.requireNonNull(form.level()), form.scopeCode())),
					principal.getName(), form.adminPassword());
			redirect.addFlashAttribute("done", "Mapping of " + form.roleCode().trim().toUpperCase(java.util.Locale.ROOT)
					+ " at " + form.orgCode().trim().toUpperCase(java.util.Locale.ROOT) + " added");
			return "redirect:/admin/sign-in-mappings";
		}
		catch (RejectedChange ex) {
			ex.rejectOn(result);
			return showNew(model);
		}
	}

	@GetMapping("/{id}/remove")
	String confirmRemove(@PathVariable long id, Model model) {
		model.addAttribute("confirmForm", new ConfirmForm(null));
		model.addAttribute("mapping", mapping(id));
		return VIEW_REMOVE;
	}

	@PostMapping("/{id}/remove")
	String remove(@PathVariable long id, @ModelAttribute("confirmForm") ConfirmForm form, BindingResult result,
			Principal principal, Model model, RedirectAttributes redirect) {
		SignInMappings.Mapping mapping = mapping(id);
		try {
			mappings.remove(id, principal.getName(), form.adminPassword());
			redirect.addFlashAttribute("done",
					"Mapping of " + mapping.roleCode() + " at " + mapping.orgCode() + " removed");
			return "redirect:/admin/sign-in-mappings";
		}
		catch (RejectedChange ex) {
			ex.problems().forEach(p -> result.rejectValue("adminPassword", "rejected", p.message()));
			model.addAttribute("mapping", mapping);
			return VIEW_REMOVE;
		}
	}

	private SignInMappings.Mapping mapping(long id) {
		return mappings.mappings()
			.stream()
			.filter(m -> m.id() == id)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mapping"));
	}

	private String showNew(Model model) {
		Map<String, String> roles = new LinkedHashMap<>();
		Role.staffRoles().forEach(role -> roles.put(role.name(), role.label()));
		model.addAttribute("roleOptions", roles);
		Map<OrganisationScope.Level, String> levels = new LinkedHashMap<>();
		levels.put(OrganisationScope.Level.ICB, "The whole ICB");
		levels.put(OrganisationScope.Level.PLACE, "A Place");
		levels.put(OrganisationScope.Level.SITE, "A neighbourhood site");
		levels.put(OrganisationScope.Level.PCN, "A Primary Care Network (PCN)");
		model.addAttribute("scopeLevels", levels);
		model.addAttribute("placeOptions", users.placeOptions());
		model.addAttribute("siteOptions", users.siteOptions());
		model.addAttribute("pcnOptions", users.pcnOptions());
		return VIEW_NEW;
	}

	static @Nullable String upper(@Nullable String value) {
		return value == null ? null : value.trim().toUpperCase(java.util.Locale.ROOT);
	}

}
