package uk.nhs.bob.primarycare.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The platform as an OAuth 2.0 authorization server for systems (Spring Authorization Server): registered clients and
 * issued authorizations in PostgreSQL through its JDBC repositories, access tokens as JWTs signed with the shared key
 * of {@link TokenSigningKeys}, client assertions checked by {@link ClientAssertionDecoders}. Platform security calls
 * {@link #customize} on its token-endpoint filter chain and {@link #authentication} to turn a checked token into the
 * caller: a system acting for the whole ICB, with the authorities {@code SCOPE_<scope>} and
 * {@code ROLE_API_CLIENT}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiTokenServer {

	/** The claim naming the client in the platform's tokens, for people reading the audit log and {@code /api/v1/me}. */
	public static final String CLIENT_NAME_CLAIM = "client_name";

	/** What a caller's name (the client id) may look like: it is written to the audit log as the user. */
	static final Pattern CALLER_NAME = Pattern.compile("[A-Za-z0-9._@:-]{1,60}");

	private final ClientAssertionDecoders assertionDecoders;

	private final JdbcClient jdbc;

	ApiTokenServer(ClientAssertionDecoders assertionDecoders, JdbcClient jdbc) {
		this.assertionDecoders = assertionDecoders;
		this.jdbc = jdbc;
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	/** The signing key, read (or created) on first use rather than at start-up. */
	@Bean
	JWKSource<SecurityContext> jwkSource(TokenSigningKeys keys) {
		return (selector, context) -> selector.select(new JWKSet(keys.signingKey()));
	}

	/** Checks the platform's own access tokens: signature with the shared key, then expiry and not-before. */
	@Bean
	JwtDecoder jwtDecoder(TokenSigningKeys keys) {
		// built on first use, once: the key is read from the database then
		java.util.concurrent.atomic.AtomicReference<JwtDecoder> decoder = new java.util.concurrent.atomic.AtomicReference<>();
		return token -> {
			JwtDecoder current = decoder.get();
			if (current == null) {
				try {
					current = NimbusJwtDecoder.withPublicKey(keys.signingKey().toRSAPublicKey()).build();
				}
				catch (JOSEException ex) {
					throw new BadJwtException("The signing key cannot be read", ex);
				}
				decoder.compareAndSet(null, current);
			}
			return current.decode(token);
		};
	}

	/** Names the client in its tokens. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> clientNameInTokens() {
		return context -> {
			RegisteredClient client = context.getRegisteredClient();
			context.getClaims().claim(CLIENT_NAME_CLAIM, client.getClientName());
		};
	}

	/**
	 * The token endpoint's client authentication and grant: JWT client assertions checked by
	 * {@link ClientAssertionDecoders}; a client-credentials request without a {@code scope} gets every scope the
	 * client is registered for (RFC 6749 3.3 lets the server choose a default).
	 */
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server.clientAuthentication(authentication -> authentication
			.authenticationConverters(converters -> converters.replaceAll(converter -> converter instanceof
					JwtClientAssertionAuthenticationConverter ? ApiTokenServer::clientIdFromAssertion : converter))
			.authenticationProviders(providers -> providers.forEach(provider -> {
				if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
					assertions.setJwtDecoderFactory(assertionDecoders);
				}
			})));
		server.tokenEndpoint(endpoint -> endpoint.accessTokenRequestConverters(converters -> {
			List<AuthenticationConverter> replaced = new ArrayList<>();
			for (AuthenticationConverter converter : converters) {
				replaced.add(converter instanceof OAuth2ClientCredentialsAuthenticationConverter
						? ApiTokenServer::allRegisteredScopesByDefault : converter);
			}
			converters.clear();
			converters.addAll(replaced);
		}));
	}

	/**
	 * RFC 7523 makes {@code client_id} optional beside a client assertion (the NHS API platform's clients leave it
	 * out); Spring Authorization Server asks for it. Without it, the assertion's {@code sub} names the client, read
	 * here without checking: the provider then checks the signature and that {@code iss} and {@code sub} are that
	 * client's id.
	 */
	private static @org.jspecify.annotations.Nullable Authentication clientIdFromAssertion(
			jakarta.servlet.http.HttpServletRequest request) {
		JwtClientAssertionAuthenticationConverter converter = new JwtClientAssertionAuthenticationConverter();
		String assertion = request.getParameter("client_assertion");
		if (assertion == null || request.getParameter("client_id") != null) {
			return converter.convert(request);
		}
		String subject;
		try {
			subject = com.nimbusds.jwt.JWTParser.parse(assertion).getJWTClaimsSet().getSubject();
		}
		catch (java.text.ParseException ex) {
			return converter.convert(request);
		}
		if (subject == null || subject.isBlank()) {
			return converter.convert(request);
		}
		return converter.convert(new jakarta.servlet.http.HttpServletRequestWrapper(request) {

			@Override
			public String getParameter(String name) {
				return "client_id".equals(name) ? subject : super.getParameter(name);
			}

			@Override
			public java.util.Map<String, String[]> getParameterMap() {
				java.util.Map<String, String[]> parameters = new java.util.LinkedHashMap<>(super.getParameterMap());
				parameters.put("client_id", new String[] { subject });
				return parameters;
			}

			@Override
			public String[] getParameterValues(String name) {
				return "client_id".equals(name) ? new String[] { subject } : super.getParameterValues(name);
			}

			@Override
			public java.util.Enumeration<String> getParameterNames() {
				return java.util.Collections.enumeration(getParameterMap().keySet());
			}

		});
	}

	private static Authentication allRegisteredScopesByDefault(jakarta.servlet.http.HttpServletRequest request) {
		Authentication converted = new OAuth2ClientCredentialsAuthenticationConverter().convert(request);
		if (converted instanceof OAuth2ClientCredentialsAuthenticationToken grant && grant.getScopes().isEmpty()
				&& grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
					grant.getAdditionalParameters());
		}
		return converted;
	}

	/**
	 * The caller of an API with a checked token: named by its client id ({@code client_id}, else {@code azp}, else
	 * {@code sub}), with its scopes as {@code SCOPE_} authorities and the role of a system. A name that cannot be
	 * written to the audit log is refused as an invalid token.
	 */
	public static AbstractAuthenticationToken authentication(Jwt jwt) {
		String name = callerName(jwt).orElseThrow(() -> new BadJwtException("The token names no client"));
		List<GrantedAuthority> authorities = new ArrayList<>(new JwtGrantedAuthoritiesConverter().convert(jwt));
		authorities.add(new SimpleGrantedAuthority(Role.API_CLIENT.authority()));
		return new JwtAuthenticationToken(jwt, authorities, name);
	}

	static Optional<String> callerName(Jwt jwt) {
		for (String claim : new String[] { "client_id", "azp", "sub" }) {
			String value = jwt.getClaimAsString(claim);
			if (value != null && !value.isBlank()) {
				return CALLER_NAME.matcher(value).matches() ? Optional.of(value) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** Deletes the records of access tokens that expired a day ago or more: nothing can use them. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
	@SchedulerLock(name = "identity-expired-authorizations", lockAtMostFor = "PT10M", lockAtLeastFor = "PT20S")
	void deleteExpiredAuthorizations() {
		jdbc.sql("DELETE FROM oauth2_authorization WHERE access_token_expires_at < now() - interval '1 day'")
			.update();
	}

}
