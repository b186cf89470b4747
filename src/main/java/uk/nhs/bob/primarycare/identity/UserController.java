package uk.nhs.bob.primarycare.identity;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
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

import uk.nhs.bob.primarycare.identity.UserAdministration.NewUser;
import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;
import uk.nhs.bob.primarycare.identity.UserAdministration.StaleChange;
import uk.nhs.bob.primarycare.identity.UserAdministration.UserChange;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * User management pages for ICB administrators (platform security limits {@code /admin/**} to them): the list,
 * creating a user and changing one. The forms are checked by Bean Validation ({@link UserFormChecks}) and again by
 * {@link UserAdministration} in its transaction. Disabling, unlocking and password resets are
 * {@link UserAccountController}'s.
 */
@Controller
@RequestMapping("/admin/users")
class UserController {

	static final String VIEW_LIST = "identity/users";

	static final String VIEW_NEW = "identity/user-new";

	static final String VIEW_USER = "identity/user";

	static final String STALE_MESSAGE = "Someone else changed this user while you were editing. Nothing has been "
			+ "saved. Their changes are shown under 'Current details'; check your changes below and save again to "
			+ "replace them.";

	static final String TAKEN_MESSAGE = "A user with this username already exists; choose another";

	private final UserAdministration users;

	UserController(UserAdministration users) {
		this.users = users;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String scope, Model model) {
		UserAdministration.Listing listing = users.list(q, role, scope);
		model.addAttribute("users", listing.users());
		model.addAttribute("q", listing.text());
		model.addAttribute("role", listing.role() == null ? "" : listing.role().name());
		model.addAttribute("scope", listing.scope() == null ? "" : listing.scope());
		model.addAttribute("roleOptions", roleOptions());
		model.addAttribute("scopeOptions", listing.scopeOptions());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", NewUserForm.empty());
		addFormOptions(model);
		return VIEW_NEW;
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result, Principal principal,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = users.create(new NewUser(form.trimmedUsername(), Objects.requireNonNull(form.displayName()),
						Objects.requireNonNull(form.password()), form.roleSet(), scope(form), form.email()),
						principal.getName());
				redirect.addFlashAttribute("done", "User " + form.trimmedUsername() + " created");
				return "redirect:/admin/users/" + id;
			}
			catch (RejectedChange ex) {
				ex.rejectOn(result);
			}
			catch (DataIntegrityViolationException ex) {
				// another administrator created the same username a moment ago
				result.rejectValue("username", "taken", TAKEN_MESSAGE);
			}
		}
		addFormOptions(model);
		return VIEW_NEW;
	}

	@GetMapping("/{id}")
	String user(@PathVariable long id, Model model) {
		ManagedUser user = users.user(id);
		model.addAttribute("form", EditUserForm.from(user));
		return showUser(user, user.version(), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") EditUserForm form, BindingResult result,
			Principal principal, Model model, RedirectAttributes redirect) {
		ManagedUser current = users.user(id);
		Long version = form.versionNumber();
		if (result.hasErrors() || version == null) {
			return showUser(current, version == null ? current.version() : version, model);
		}
		try {
			users.update(id, new UserChange(version, Objects.requireNonNull(form.displayName()), form.roleSet(), scope(form),
					form.enabledTicked(), form.adminPassword(), form.email()), principal.getName());
			redirect.addFlashAttribute("done", "Changes to " + current.username() + " saved");
			return "redirect:/admin/users/" + id;
		}
		catch (RejectedChange ex) {
			ex.rejectOn(result);
			return showUser(current, version, model);
		}
		catch (StaleChange | OptimisticLockingFailureException ex) {
			result.reject("stale", STALE_MESSAGE);
			// the page now shows the newer details, so a second save is a deliberate choice to replace them
			ManagedUser latest = users.user(id);
			return showUser(latest, latest.version(), model);
		}
	}

	private String showUser(ManagedUser user, long version, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("version", version);
		addFormOptions(model);
		return VIEW_USER;
	}

	/** The scope chosen (its level is known: {@link UserFormChecks.RolesAndScope} checked it). */
	private static OrganisationScope scope(ScopeFields form) {
		return new OrganisationScope(form.level(), form.scopeCode());
	}

	private void addFormOptions(Model model) {
		model.addAttribute("allRoles", Role.staffRoles());
		model.addAttribute("scopeLevels", scopeLevels());
		model.addAttribute("placeOptions", users.placeOptions());
		model.addAttribute("siteOptions", users.siteOptions());
		model.addAttribute("pcnOptions", users.pcnOptions());
	}

	private static Map<String, String> roleOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (Role role : Role.staffRoles()) {
			options.put(role.name(), role.label());
		}
		return options;
	}

	private static Map<OrganisationScope.Level, String> scopeLevels() {
		Map<OrganisationScope.Level, String> levels = new LinkedHashMap<>();
		levels.put(OrganisationScope.Level.ICB, "The whole ICB");
		levels.put(OrganisationScope.Level.PLACE, "A Place");
		levels.put(OrganisationScope.Level.SITE, "A neighbourhood site");
		levels.put(OrganisationScope.Level.PCN, "A Primary Care Network (PCN)");
		return levels;
	}

}
