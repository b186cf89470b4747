package uk.nhs.bob.primarycare.identity;

import java.net.MalformedURLException;
import java.net.URI;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Checks the JWTs that {@code private_key_jwt} clients authenticate with (RFC 7523), for Spring Authorization
 * Server's {@code JwtClientAssertionAuthenticationProvider}. Keys come from the client's JWKS address (fetched with
 * timeouts and cached by Nimbus) or from the public key uploaded for it, and a changed key is used at once (Spring's
 * own factory keeps the first decoder per client for good). On top of Spring's checks (iss and sub are the client
 * id, aud is this server's issuer or token endpoint, exp present and not passed), as the NHS API platform asks: the
 * assertion expires at most five minutes ahead and is used once (its {@code jti} is remembered in PostgreSQL, shared
 * by every instance, until it expires).
 */
@Component
class ClientAssertionDecoders implements JwtDecoderFactory<RegisteredClient> {

	static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final String RFC7523 = "https://datatracker.ietf.org/doc/html/rfc7523#section-3";

	private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
			JWSAlgorithm.ES384, JWSAlgorithm.ES512);

	private record Cached(String keys, JwtDecoder decoder) {
	}

	private final Map<String, Cached> decoders = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	ClientAssertionDecoders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		String jwkSetUrl = client.getClientSettings().getJwkSetUrl();
		String publicKey = client.getClientSettings().getSetting(ApiClients.PUBLIC_KEY_SETTING);
		String keys = jwkSetUrl != null ? "url " + jwkSetUrl : publicKey != null ? "jwk " + publicKey : null;
		if (keys == null) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "No key is registered for this client", RFC7523));
		}
		Cached cached = decoders.get(client.getId());
		if (cached == null || !cached.keys().equals(keys)) {
			cached = new Cached(keys, decoder(client, jwkSetUrl, publicKey));
			decoders.put(client.getId(), cached);
		}
		return cached.decoder();
	}

	private JwtDecoder decoder(RegisteredClient client, @Nullable String jwkSetUrl, @Nullable String publicKey) {
		JWKSource<SecurityContext> source;
		try {
			source = jwkSetUrl != null
					? JWKSourceBuilder.create(URI.create(jwkSetUrl).toURL(), new DefaultResourceRetriever(5_000, 5_000,
							256 * 1024)).build()
					: new ImmutableJWKSet<>(new JWKSet(JWK.parse(String.valueOf(publicKey))));
		}
		catch (MalformedURLException | IllegalArgumentException | ParseException ex) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "The client's key cannot be read", RFC7523), ex);
		}
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, source));
		// the claims are checked by the validator below, in Spring's terms
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(validator(client));
		return decoder;
	}

	private OAuth2TokenValidator<Jwt> validator(RegisteredClient client) {
		OAuth2TokenValidator<Jwt> standard = JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY
			.apply(client);
		return jwt -> {
			OAuth2TokenValidatorResult result = standard.validate(jwt);
			if (result.hasErrors()) {
				return result;
			}
			Instant expires = jwt.getExpiresAt();
			if (expires == null || expires.isAfter(Instant.now().plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
				return failure("The client assertion must expire within 5 minutes (exp)");
			}
			String id = jwt.getId();
			if (id == null || id.isBlank() || id.length() > 200) {
				return failure("The client assertion needs a unique id (jti) of up to 200 characters");
			}
			int recorded = jdbc.sql("""
					INSERT INTO identity.client_assertion (client_id, jti, expires_at) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""").params(client.getClientId(), id, Timestamp.from(expires)).update();
			if (recorded == 0) {
				return failure("This client assertion (jti) was used before; sign a new one for each request");
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult
			.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, RFC7523));
	}

	/** Forgets the ids of assertions that have expired: they would be refused anyway. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	@SchedulerLock(name = "identity-client-assertion-cleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT20S")
	void forgetExpired() {
		jdbc.sql("DELETE FROM identity.client_assertion WHERE expires_at < now() - interval '5 minutes'").update();
	}

}
