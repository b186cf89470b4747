package uk.nhs.bob.primarycare.identity;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
import uk.nhs.bob.primarycare.identity.UserAdministration.Problem;
import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;
import uk.nhs.bob.primarycare.identity.UserAdministration.StaleChange;
import uk.nhs.bob.primarycare.identity.UserAdministration.UserChange;
import uk.nhs.bob.primarycare.shared.Role;

/** User management pages for ICB administrators (platform security limits {@code /admin/**} to them). */
@Controller
@RequestMapping("/admin/users")
class UserController {

	static final String VIEW_LIST = "identity/users";

	static final String VIEW_NEW = "identity/user-new";

	static final String VIEW_USER = "identity/user";

	static final String VIEW_PASSWORD = "identity/user-password";

	static final String STALE_MESSAGE = "Someone else changed this user while you were editing. Nothing has been "
			+ "saved. Their changes are shown under 'Current details'; check your changes below and save again to "
			+ "replace them.";

	private final UserAdministration users;

	UserController(UserAdministration users) {
		this.users = users;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String scope, Model model) {
		// an unknown role or scope (a hand-edited address) filters nothing rather than failing
		Role wantedRole = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
		Map<String, Map<String, String>> scopeOptions = users.scopeFilterOptions();
		String wantedScope = scope != null && scopeOptions.values().stream().anyMatch(group -> group.containsKey(scope))
				? scope : null;
		model.addAttribute("users",
				users.users().stream().filter(u -> UserAdministration.matches(u, wantedRole, wantedScope, q)).toList());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("role", wantedRole == null ? "" : wantedRole.name());
		model.addAttribute("scope", wantedScope == null ? "" : wantedScope);
		model.addAttribute("roleOptions", roleOptions());
		model.addAttribute("scopeOptions", scopeOptions);
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
		String username = form.username() == null ? "" : form.username().trim();
		if (!result.hasFieldErrors("username") && users.usernameTaken(username)) {
			result.rejectValue("username", "taken", "A user with this username already exists; choose another");
		}
		UserAdministration.passwordProblem(username, form.password())
			.ifPresent(message -> result.rejectValue("password", "password", message));
		checkRolesAndScope(form.roleSet(), form, result);
		if (result.hasErrors()) {
			addFormOptions(model);
			return VIEW_NEW;
		}
		try {
			long id = users.create(new NewUser(username, nonNull(form.displayName()), nonNull(form.password()),
					form.roleSet(), scope(form), form.email()), principal.getName());
			redirect.addFlashAttribute("done", "User " + username + " created");
			return "redirect:/admin/users/" + id;
		}
		catch (RejectedChange ex) {
			addProblems(ex, result);
		}
		catch (DataIntegrityViolationException ex) {
			// another administrator created the same username a moment ago
			result.rejectValue("username", "taken", "A user with this username already exists; choose another");
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
		if (version == null) {
			result.reject("version", "This form is out of date: open the user again");
		}
		checkRolesAndScope(form.roleSet(), form, result);
		if (result.hasErrors() || version == null) {
			return showUser(current, version == null ? current.version() : version, model);
		}
		try {
			users.update(id, new UserChange(version, nonNull(form.displayName()), form.roleSet(), scope(form),
					form.enabledTicked(), form.adminPassword(), form.email()), principal.getName());
			redirect.addFlashAttribute("done", "Changes to " + current.username() + " saved");
			return "redirect:/admin/users/" + id;
		}
		catch (RejectedChange ex) {
			addProblems(ex, result);
			return showUser(current, version, model);
		}
		catch (StaleChange | OptimisticLockingFailureException ex) {
			result.reject("stale", STALE_MESSAGE);
			// the page now shows the newer details, so a second save is a deliberate choice to replace them
			ManagedUser latest = users.user(id);
			return showUser(latest, latest.version(), model);
		}
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return setEnabled(id, false, principal, redirect);
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return setEnabled(id, true, principal, redirect);
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		users.unlock(id, principal.getName());
		redirect.addFlashAttribute("done", "User " + users.user(id).username() + " unlocked");
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/{id}/password")
	String passwordForm(@PathVariable long id, Model model) {
		model.addAttribute("user", users.user(id));
		model.addAttribute("form", new PasswordForm(null, null));
		return VIEW_PASSWORD;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @ModelAttribute("form") PasswordForm form, BindingResult result,
			Principal principal, Model model, RedirectAttributes redirect) {
		ManagedUser user = users.user(id);
		UserAdministration.passwordProblem(user.username(), form.password())
			.ifPresent(message -> result.rejectValue("password", "password", message));
		if (!result.hasErrors()) {
			try {
				users.resetPassword(id, nonNull(form.password()), principal.getName(), form.adminPassword());
				redirect.addFlashAttribute("done", "Password of " + user.username() + " reset");
				return "redirect:/admin/users/" + id;
			}
			catch (RejectedChange ex) {
				addProblems(ex, result);
			}
		}
		model.addAttribute("user", user);
		return VIEW_PASSWORD;
	}

	private String setEnabled(long id, boolean enabled, Principal principal, RedirectAttributes redirect) {
		try {
			users.setEnabled(id, enabled, principal.getName());
			redirect.addFlashAttribute("done",
					"User " + users.user(id).username() + (enabled ? " enabled" : " disabled"));
		}
		catch (RejectedChange ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).message());
		}
		return "redirect:/admin/users/" + id;
	}

	private String showUser(ManagedUser user, long version, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("version", version);
		addFormOptions(model);
		return VIEW_USER;
	}

	private void checkRolesAndScope(Set<Role> roles, ScopeFields form, BindingResult result) {
		if (roles.isEmpty()) {
			result.rejectValue("roles", "roles", "Choose at least one role");
		}
		users.scopeProblem(form.level(), form.scopeCode())
			.filter(problem -> !result.hasFieldErrors(problem.field()))
			.ifPresent(problem -> result.rejectValue(problem.field(), "scope", problem.message()));
	}

	private static OrganisationScope scope(ScopeFields form) {
		return new OrganisationScope(nonNull(form.level()), form.scopeCode());
	}

	private static void addProblems(RejectedChange ex, BindingResult result) {
		for (Problem problem : ex.problems()) {
			if (!result.hasFieldErrors(problem.field())) {
				result.rejectValue(problem.field(), "rejected", problem.message());
			}
		}
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

	/** Bean Validation has already rejected the form when these are missing. */
	private static <T> T nonNull(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("Checked by validation");
		}
		return value;
	}

}
