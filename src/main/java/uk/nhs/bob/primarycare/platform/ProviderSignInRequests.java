package uk.nhs.bob.primarycare.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import uk.nhs.bob.primarycare.identity.StaffSignIn;

/**
 * The authorization requests of staff sign-in with an OpenID Connect provider (Spring Security's resolver): the
 * authorization code flow with PKCE (S256) for every provider, confidential clients included; and, when the person
 * signs in again to confirm a sensitive change ({@code ?reauthenticate}), {@code prompt=login} and
 * {@code max_age=0}, so the provider asks for their credentials even within its own session.
 */
class ProviderSignInRequests implements OAuth2AuthorizationRequestResolver {

	private final DefaultOAuth2AuthorizationRequestResolver resolver;

	ProviderSignInRequests(ClientRegistrationRepository registrations) {
		this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		this.resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return again(request, resolver.resolve(request));
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
		return again(request, resolver.resolve(request, registrationId));
	}

	private static @Nullable OAuth2AuthorizationRequest again(HttpServletRequest request,
			@Nullable OAuth2AuthorizationRequest resolved) {
		if (resolved == null || request.getParameter(StaffSignIn.REAUTHENTICATE_PARAMETER) == null) {
			return resolved;
		}
		Map<String, Object> parameters = new LinkedHashMap<>(resolved.getAdditionalParameters());
		parameters.put("prompt", "login");
		parameters.put("max_age", "0");
		return OAuth2AuthorizationRequest.from(resolved).additionalParameters(parameters).build();
	}

}
