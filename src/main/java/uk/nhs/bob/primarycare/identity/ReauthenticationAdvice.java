package uk.nhs.bob.primarycare.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Tells the administration pages how the signed-in administrator confirms a change (see {@link Reauthentication}). */
@ControllerAdvice(assignableTypes = { UserController.class, UserAccountController.class, ApiClientController.class,
		ApiClientCredentialsController.class, SignInMappingController.class })
class ReauthenticationAdvice {

	private final Reauthentication reauthentication;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	ReauthenticationAdvice(Reauthentication reauthentication,
			ObjectProvider<ClientRegistrationRepository> registrations) {
		this.reauthentication = reauthentication;
		this.registrations = registrations;
	}

	@ModelAttribute("reauth")
	Reauthentication.View reauth(HttpServletRequest request) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		String provider = "your identity provider";
		if (current != null && current.getPrincipal() instanceof StaffOidcUser user) {
			ClientRegistrationRepository repository = registrations.getIfAvailable();
			ClientRegistration registration = repository == null ? null
					: repository.findByRegistrationId(user.registrationId());
			if (registration != null) {
				provider = registration.getClientName();
			}
		}
		String here = request.getRequestURI().substring(request.getContextPath().length());
		String again = UriComponentsBuilder.fromPath("/account/sign-in-again")
			.queryParam("to", "{to}")
			.encode()
			.buildAndExpand(SignInController.localPath(here))
			.toUriString();
		return reauthentication.view(provider, request.getContextPath() + again);
	}

}
