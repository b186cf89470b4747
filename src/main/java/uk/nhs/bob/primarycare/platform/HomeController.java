package uk.nhs.bob.primarycare.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * The sign-in page (a button for each identity provider, "Sign in with ...", beside the local form while local
 * sign-in is on) and the signed-in start page, which lists what the user's roles can do (each module's cards).
 */
@Controller
class HomeController {

	static final String VIEW_HOME = "home";

	static final String VIEW_LOGIN = "login";

	/** A way to sign in with an identity provider, for the sign-in page. */
	record Provider(String registrationId, String name) {
	}

	private final StaffUsers staffUsers;

	private final ModulePageRegistry modules;

	private final List<Provider> providers;

	private final boolean localSignIn;

	HomeController(StaffUsers staffUsers, ModulePageRegistry modules,
			ObjectProvider<ClientRegistrationRepository> registrations,
			@Value("${primarycare.security.local-sign-in:true}") boolean localSignIn) {
		this.staffUsers = staffUsers;
		this.modules = modules;
		this.localSignIn = localSignIn;
		List<Provider> found = new ArrayList<>();
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object registration : all) {
				if (registration instanceof ClientRegistration r
						&& AuthorizationGrantType.AUTHORIZATION_CODE.equals(r.getAuthorizationGrantType())) {
					found.add(new Provider(r.getRegistrationId(), r.getClientName()));
				}
			}
		}
		this.providers = List.copyOf(found);
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		model.addAttribute("user", staffUsers.currentUser());
		model.addAttribute("cards", modules.cardsFor(authentication));
		return VIEW_HOME;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("providers", providers);
		model.addAttribute("localSignIn", localSignIn);
		return VIEW_LOGIN;
	}

}
