package uk.nhs.bob.primarycare.identity;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages around a sign-in with an identity provider: "no access here" for a person whose roles are not mapped
 * (with the roles the provider sent, for their ICB administrator), the choice of role for a person whose roles give
 * different organisation scopes, and signing in again to confirm a sensitive change.
 */
@Controller
class SignInController {

	/** Session attribute with the {@link SignInRefusedException.Refusal} the no-access page shows. */
	static final String REFUSAL_ATTRIBUTE = StaffSignIn.REFUSAL_ATTRIBUTE;

	static final String VIEW_NO_ACCESS = "identity/no-access";

	static final String VIEW_CHOOSE = "identity/choose-role";

	private final SignInAccounts accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	SignInController(SignInAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping(StaffSignIn.NO_ACCESS_PATH)
	String noAccess(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		Object refusal = session == null ? null : session.getAttribute(REFUSAL_ATTRIBUTE);
		model.addAttribute("refusal", refusal instanceof SignInRefusedException.Refusal r ? r : null);
		return VIEW_NO_ACCESS;
	}

	@GetMapping(StaffSignIn.CHOOSE_PATH)
	String chooseForm(Model model) {
		Optional<StaffOidcUser> user = choosing();
		if (user.isEmpty()) {
			return "redirect:/";
		}
		model.addAttribute("choices", user.get().choices());
		model.addAttribute("name", user.get().getFullName() == null ? user.get().getName() : user.get().getFullName());
		return VIEW_CHOOSE;
	}

	@PostMapping(StaffSignIn.CHOOSE_PATH)
	String choose(@RequestParam(required = false) @Nullable String choice, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<StaffOidcUser> user = choosing();
		if (user.isEmpty()) {
			return "redirect:/";
		}
		List<AccessChoice> choices = user.get().choices();
		int index = choice != null && choice.matches("\\d{1,3}") ? Integer.parseInt(choice) : -1;
		if (index < 0 || index >= choices.size()) {
			model.addAttribute("choices", choices);
			model.addAttribute("name", user.get().getFullName() == null ? user.get().getName() : user.get().getFullName());
			model.addAttribute("problem", "Choose the role you are working in now");
			return VIEW_CHOOSE;
		}
		AccessChoice chosen = choices.get(index);
		OAuth2AuthenticationToken current = (OAuth2AuthenticationToken) holder.getContext().getAuthentication();
		accounts.apply(user.get().getName(), chosen, user.get().registrationId());
		StaffOidcUser signedIn = user.get().withChosen(StaffSignIn.authorities(chosen));
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(new OAuth2AuthenticationToken(signedIn, signedIn.getAuthorities(),
				current.getAuthorizedClientRegistrationId()));
		holder.setContext(context);
		// new powers, new session id
		request.changeSessionId();
		contexts.saveContext(context, request, response);
		return "redirect:/";
	}

	/** Signs in again with the provider (asking it to ask for the person's credentials), then back to the page. */
	@GetMapping("/account/sign-in-again")
	String signInAgain(@RequestParam(required = false) @Nullable String to, HttpServletRequest request) {
		Authentication current = holder.getContext().getAuthentication();
		if (current == null || !(current.getPrincipal() instanceof StaffOidcUser user)) {
			return "redirect:/";
		}
		request.getSession().setAttribute(StaffSignIn.RETURN_TO_ATTRIBUTE, localPath(to));
		return "redirect:/oauth2/authorization/" + user.registrationId() + "?" + StaffSignIn.REAUTHENTICATE_PARAMETER;
	}

	private Optional<StaffOidcUser> choosing() {
		Authentication current = holder.getContext().getAuthentication();
		if (current instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof StaffOidcUser user
				&& !user.choices().isEmpty()) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/** A path on this site, or the start page. */
	static String localPath(@Nullable String to) {
		if (to == null || !to.startsWith("/") || to.startsWith("//") || to.contains("\\") || to.length() > 500
				|| !to.matches("[A-Za-z0-9/._~%?&=+-]*")) {
			return "/";
		}
		return to;
	}

}
