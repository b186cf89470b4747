package uk.nhs.bob.primarycare.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.ApiScope;
import uk.nhs.bob.primarycare.identity.ApiTokenServer;

/**
 * Which access tokens the APIs accept. By default the platform's own (signed with its key, see
 * {@link ApiTokenServer}). With {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} set, also the tokens of
 * that issuer (an NHS or ICB identity service; its keys found through its OpenID Connect or OAuth 2.0 metadata,
 * fetched on first use), checked for the audiences in {@code spring.security.oauth2.resourceserver.jwt.audiences}
 * when given; with {@code primarycare.security.own-tokens=false} only that issuer's. A token is routed by its
 * {@code iss} claim before its signature is checked.
 */
@Component
class ApiTokenAuthentication {

	private final JwtDecoder ownTokens;

	private final String externalIssuer;

	private final List<String> audiences;

	private final boolean ownTokensAccepted;

	ApiTokenAuthentication(JwtDecoder ownTokens,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String externalIssuer,
			@Value("${spring.security.oauth2.resourceserver.jwt.audiences:}") List<String> audiences,
			@Value("${primarycare.security.own-tokens:true}") boolean ownTokensAccepted) {
		this.ownTokens = ownTokens;
		this.externalIssuer = externalIssuer.trim();
		this.audiences = audiences.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
		this.ownTokensAccepted = ownTokensAccepted;
		if (!ownTokensAccepted && this.externalIssuer.isEmpty()) {
			throw new IllegalStateException("primarycare.security.own-tokens=false needs "
					+ "spring.security.oauth2.resourceserver.jwt.issuer-uri: the APIs would accept no token at all");
		}
	}

	/** The paths under resource-server security: {@code /api/**} and every scope's paths. */
	static String[] apiPaths() {
		Set<String> paths = new LinkedHashSet<>(List.of("/api/**"));
		for (ApiScope scope : ApiScope.values()) {
			paths.addAll(scope.paths());
		}
		return paths.toArray(String[]::new);
	}

	AuthenticationManagerResolver<HttpServletRequest> resolver() {
		AuthenticationManager own = manager(ownTokens);
		if (externalIssuer.isEmpty()) {
			return request -> own;
		}
		AuthenticationManager external = manager(new SupplierJwtDecoder(this::externalDecoder));
		return new JwtIssuerAuthenticationManagerResolver(issuer -> {
			if (externalIssuer.equals(issuer)) {
				return external;
			}
			if (ownTokensAccepted) {
				// the platform's own tokens name the address it was reached at; their signature decides
				return own;
			}
			throw new InvalidBearerTokenException("The token's issuer is not trusted");
		});
	}

	private JwtDecoder externalDecoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(externalIssuer).build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefaultWithIssuer(externalIssuer));
		if (!audiences.isEmpty()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	private static AuthenticationManager manager(JwtDecoder decoder) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(ApiTokenServer::authentication);
		return new ProviderManager(provider);
	}

}
