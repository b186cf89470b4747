package uk.nhs.bob.primarycare.identity;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;

/**
 * An ICB administrator's actions on a user's account: disabling and enabling it, unlocking it after failed sign-ins,
 * and setting a new password (confirmed with the administrator's own password). {@link UserAdministration} checks
 * the password against {@link PasswordPolicy} and names the field of each problem.
 */
@Controller
@RequestMapping("/admin/users")
class UserAccountController {

	static final String VIEW_PASSWORD = "identity/user-password";

	private final UserAdministration users;

	UserAccountController(UserAdministration users) {
		this.users = users;
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
		try {
			users.resetPassword(id, form.password() == null ? "" : form.password(), principal.getName(),
					form.adminPassword());
			redirect.addFlashAttribute("done", "Password of " + user.username() + " reset");
			return "redirect:/admin/users/" + id;
		}
		catch (RejectedChange ex) {
			ex.rejectOn(result);
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

}
