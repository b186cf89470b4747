package uk.nhs.bob.primarycare.identity;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;

/**
 * A signed-in member of staff changes their own password: at will, and before anything else after an administrator
 * reset it (the platform sends such a user here from every page).
 */
@Controller
class AccountController {

	static final String VIEW_PASSWORD = "identity/account-password";

	private final UserAdministration users;

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountController(UserAdministration users) {
		this.users = users;
	}

	/** The form: the current password and the new one twice. */
	@UserFormChecks.ConfirmedPassword
	record ChangePasswordForm(@Nullable String currentPassword, @Nullable String newPassword,
			@Nullable String confirmPassword) {
	}

	@GetMapping(StaffUsers.CHANGE_PASSWORD_PATH)
	String form(Principal principal, Model model) {
		model.addAttribute("form", new ChangePasswordForm(null, null, null));
		model.addAttribute("required", users.passwordChangeRequired(principal.getName()));
		return VIEW_PASSWORD;
	}

	@PostMapping(StaffUsers.CHANGE_PASSWORD_PATH)
	String change(@Valid @ModelAttribute("form") ChangePasswordForm form, BindingResult result, Principal principal,
			Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		try {
			if (!result.hasErrors()) {
				users.changeOwnPassword(principal.getName(), form.currentPassword(), form.newPassword());
				dropPasswordChangeRequired(request, response);
				redirect.addFlashAttribute("done", "Your password has been changed");
				return "redirect:/";
			}
		}
		catch (RejectedChange ex) {
			ex.rejectOn(result);
		}
		model.addAttribute("required", users.passwordChangeRequired(principal.getName()));
		return VIEW_PASSWORD;
	}

	/** The session's sign-in loses the authority that kept the user on this page. */
	private void dropPasswordChangeRequired(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null) {
			return;
		}
		List<GrantedAuthority> authorities = current.getAuthorities()
			.stream()
			.filter(a -> !StaffUsers.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()))
			.map(GrantedAuthority.class::cast)
			.toList();
		UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken
			.authenticated(current.getPrincipal(), null, authorities);
		updated.setDetails(current.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}
