package uk.nhs.bob.primarycare.identity;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

import uk.nhs.bob.primarycare.audit.AdminAction;
import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.identity.UserAdministration.Problem;
import uk.nhs.bob.primarycare.identity.UserAdministration.RejectedChange;

/**
 * The systems that may call the APIs, as Spring Authorization Server registered clients (its JDBC repository, in
 * PostgreSQL). Each uses the client-credentials grant and authenticates at the token endpoint either with a secret
 * (HTTP Basic, {@code client_secret_basic}; the secret is generated here, shown once and stored hashed) or with a JWT
 * it signs with its private key ({@code private_key_jwt}, RFC 7523, the NHS API platform's pattern), checked against
 * its public keys at a JWKS address or a public key uploaded here. ICB administrators register, change and remove
 * clients, confirming each change with their own password; every change is an administrator action in the audit
 * log. Problems name the form fields {@code clientId}, {@code clientName}, {@code method}, {@code scopes},
 * {@code jwkSetUrl}, {@code publicKey} and {@code adminPassword}.
 */
@Component
class ApiClients {

	/** The client setting holding an uploaded public key, as a public JWK. */
	static final String PUBLIC_KEY_SETTING = "settings.client.primarycare.public-key-jwk";

	/** How long an access token lives. */
	public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

	static final int SECRET_BYTES = 32;

	private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** How a client proves who it is at the token endpoint. */
	public enum Method {

		CLIENT_SECRET_BASIC("Client secret (HTTP Basic)", ClientAuthenticationMethod.CLIENT_SECRET_BASIC),
		PRIVATE_KEY_JWT("Signed JWT (private_key_jwt)", ClientAuthenticationMethod.PRIVATE_KEY_JWT);

		private final String label;

		private final ClientAuthenticationMethod oauth;

		Method(String label, ClientAuthenticationMethod oauth) {
			this.label = label;
			this.oauth = oauth;
		}

		public String label() {
			return label;
		}

		static Method of(RegisteredClient client) {
			return client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
					? PRIVATE_KEY_JWT : CLIENT_SECRET_BASIC;
		}

	}

	/** A registered client as administrators see it. */
	public record ApiClient(String id, String clientId, String name, Method method, Set<ApiScope> scopes,
			Instant registeredAt, @Nullable String jwkSetUrl, @Nullable String publicKeyId) {

		public List<String> scopeValues() {
			return scopes.stream().map(ApiScope::value).toList();
		}

	}

	/** What a new client is registered with. */
	record NewClient(String clientId, String name, Method method, Set<ApiScope> scopes, @Nullable String jwkSetUrl,
			@Nullable String publicKey) {
	}

	/** A client just registered, with its secret when it has one: shown once, never stored in clear. */
	record Registered(String id, @Nullable String secret) {
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class UnknownClient extends RuntimeException {

		UnknownClient() {
			super("No such API client");
		}

	}

	private final RegisteredClientRepository clients;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final Reauthentication reauthentication;

	ApiClients(RegisteredClientRepository clients, JdbcClient jdbc, PasswordEncoder passwordEncoder,
			AuditLog auditLog, Reauthentication reauthentication) {
		this.clients = clients;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.reauthentication = reauthentication;
	}

	@Transactional(readOnly = true)
	public List<ApiClient> clients() {
		return jdbc.sql("SELECT id FROM oauth2_registered_client ORDER BY client_id")
			.query(String.class)
			.list()
			.stream()
			.map(clients::findById)
			.filter(Objects::nonNull)
			.map(ApiClients::view)
			.toList();
	}

	@Transactional(readOnly = true)
	public ApiClient client(String id) {
		return Optional.ofNullable(clients.findById(id)).map(ApiClients::view).orElseThrow(UnknownClient::new);
	}

	@Transactional(readOnly = true)
	public boolean exists(String clientId) {
		return clients.findByClientId(clientId.trim()) != null;
	}

	/** Registers a client; its secret, for a secret client, is in the answer and nowhere else. */
	@Transactional
	Registered register(NewClient client, String administrator, @Nullable String adminPassword) {
		List<Problem> problems = new ArrayList<>();
		String clientId = client.clientId().trim();
		clientIdProblem(clientId).ifPresent(problems::add);
		nameProblem(client.name()).ifPresent(problems::add);
		scopesProblem(client.scopes()).ifPresent(problems::add);
		ClientKey key = null;
		if (client.method() == Method.PRIVATE_KEY_JWT) {
			key = key(client.jwkSetUrl(), client.publicKey(), problems);
		}
		if (problems.isEmpty()) {
			reauthentication.problem(administrator, adminPassword).ifPresent(problems::add);
		}
		reject(problems);
		String secret = client.method() == Method.CLIENT_SECRET_BASIC ? newSecret() : null;
		RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(Instant.now())
			.clientName(client.name().trim())
			.clientAuthenticationMethod(client.method().oauth)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(scopes -> scopes.addAll(values(client.scopes())))
			.clientSettings(settings(key))
			.tokenSettings(tokenSettings());
		if (secret != null) {
			builder.clientSecret(passwordEncoder.encode(secret));
		}
		RegisteredClient registered = builder.build();
		clients.save(registered);
		log.info("{} registered API client '{}' ({}) for {}", administrator, clientId, client.method(),
				values(client.scopes()));
		auditLog.recordAdminAction(administrator, AdminAction.API_CLIENT_REGISTERED, clientId,
				"Name " + registered.getClientName() + "; " + client.method().label() + "; scopes "
						+ String.join(" ", values(client.scopes())) + (key == null ? "" : "; " + key.describe()));
		return new Registered(registered.getId(), secret);
	}

	/** Changes a client's name and scopes. */
	@Transactional
	void change(String id, String name, Set<ApiScope> scopes, String administrator, @Nullable String adminPassword) {
		RegisteredClient current = registered(id);
		List<Problem> problems = new ArrayList<>();
		nameProblem(name).ifPresent(problems::add);
		scopesProblem(scopes).ifPresent(problems::add);
		if (problems.isEmpty()) {
			reauthentication.problem(administrator, adminPassword).ifPresent(problems::add);
		}
		reject(problems);
		Set<String> before = new LinkedHashSet<>(current.getScopes());
		clients.save(RegisteredClient.from(current)
			.clientName(name.trim())
			.scopes(values -> {
				values.clear();
				values.addAll(values(scopes));
			})
			.build());
		auditLog.recordAdminAction(administrator, AdminAction.API_CLIENT_CHANGED, current.getClientId(),
				"Name " + name.trim() + "; scopes from " + String.join(" ", sorted(before)) + " to "
						+ String.join(" ", values(scopes)));
	}

	/** Gives a secret client a new secret (the old one stops working at once) and answers it, once. */
	@Transactional
	String newSecret(String id, String administrator, @Nullable String adminPassword) {
		RegisteredClient current = registered(id);
		List<Problem> problems = new ArrayList<>();
		if (Method.of(current) != Method.CLIENT_SECRET_BASIC) {
			problems.add(new Problem("method", "This client signs JWTs with its key: it has no secret"));
		}
		else {
			reauthentication.problem(administrator, adminPassword).ifPresent(problems::add);
		}
		reject(problems);
		String secret = newSecret();
		clients.save(RegisteredClient.from(current).clientSecret(passwordEncoder.encode(secret)).build());
		auditLog.recordAdminAction(administrator, AdminAction.API_CLIENT_SECRET_CHANGED, current.getClientId(),
				"New secret; the old one no longer works");
		return secret;
	}

	/** Replaces the keys a JWT client's assertions are checked with. */
	@Transactional
	void changeKey(String id, @Nullable String jwkSetUrl, @Nullable String publicKey, String administrator,
			@Nullable String adminPassword) {
		RegisteredClient current = registered(id);
		List<Problem> problems = new ArrayList<>();
		ClientKey key = null;
		if (Method.of(current) != Method.PRIVATE_KEY_JWT) {
			problems.add(new Problem("method", "This client uses a secret: it has no key"));
		}
		else {
			key = key(jwkSetUrl, publicKey, problems);
		}
		if (problems.isEmpty()) {
			reauthentication.problem(administrator, adminPassword).ifPresent(problems::add);
		}
		reject(problems);
		clients.save(RegisteredClient.from(current).clientSettings(settings(Objects.requireNonNull(key))).build());
		auditLog.recordAdminAction(administrator, AdminAction.API_CLIENT_KEY_CHANGED, current.getClientId(),
				key.describe());
	}

	/** Removes a client: it gets no more tokens (those it holds expire within {@link #TOKEN_LIFETIME}). */
	@Transactional
	void remove(String id, String administrator, @Nullable String adminPassword) {
		RegisteredClient current = registered(id);
		reject(reauthentication.problem(administrator, adminPassword).stream().toList());
		jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = ?").param(id).update();
		jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = ?").param(id).update();
		log.info("{} removed API client '{}'", administrator, current.getClientId());
		auditLog.recordAdminAction(administrator, AdminAction.API_CLIENT_REMOVED, current.getClientId(),
				"Tokens already issued expire within " + TOKEN_LIFETIME.toMinutes() + " minutes");
	}

	/**
	 * Registers a secret client without an administrator (demo data, former service accounts), with a secret already
	 * hashed by the password encoder. Does nothing when the client id is taken.
	 */
	@Transactional
	boolean registerWithHashedSecret(String clientId, String name, String secretHash, Set<ApiScope> scopes) {
		if (clients.findByClientId(clientId) != null) {
			return false;
		}
		clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(Instant.now())
			.clientName(name)
			.clientSecret(secretHash)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(values -> values.addAll(values(scopes)))
			.clientSettings(settings(null))
			.tokenSettings(tokenSettings())
			.build());
		return true;
	}

	static Optional<Problem> clientIdProblem(String clientId) {
		if (clientId.isEmpty()) {
			return Optional.of(new Problem("clientId", "Enter a client id"));
		}
		if (!clientId.matches("[a-z0-9][a-z0-9._-]{2,59}")) {
			return Optional.of(new Problem("clientId", "Client id must be 3 to 60 lower-case letters, digits, dots, "
					+ "hyphens or underscores, starting with a letter or digit"));
		}
		return Optional.empty();
	}

	private Optional<Problem> nameProblem(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return Optional.of(new Problem("clientName", "Enter the name of the system"));
		}
		if (name.trim().length() > 120) {
			return Optional.of(new Problem("clientName", "Name must be 120 characters or fewer"));
		}
		return Optional.empty();
	}

	private static Optional<Problem> scopesProblem(Set<ApiScope> scopes) {
		return scopes.isEmpty() ? Optional.of(new Problem("scopes", "Choose at least one scope")) : Optional.empty();
	}

	/** The keys of a JWT client: a JWKS address or an uploaded public key, exactly one. */
	private static @Nullable ClientKey key(@Nullable String jwkSetUrl, @Nullable String publicKey,
			List<Problem> problems) {
		boolean url = jwkSetUrl != null && !jwkSetUrl.isBlank();
		boolean uploaded = publicKey != null && !publicKey.isBlank();
		if (url == uploaded) {
			problems.add(new Problem("jwkSetUrl", url ? "Give either a JWKS address or a public key, not both"
					: "Give the address of the client's JWKS or paste its public key"));
			return null;
		}
		if (url) {
			Optional<String> problem = jwkSetUrlProblem(jwkSetUrl.trim());
			if (problem.isPresent()) {
				problems.add(new Problem("jwkSetUrl", problem.get()));
				return null;
			}
			return new ClientKey(jwkSetUrl.trim(), null);
		}
		try {
			return new ClientKey(null, PublicKeys.parse(publicKey));
		}
		catch (PublicKeys.UnusableKey ex) {
			problems.add(new Problem("publicKey", ex.getMessage()));
			return null;
		}
	}

	/** Why a JWKS address cannot be used: it must be HTTPS (plain HTTP only on this machine, for testing). */
	static Optional<String> jwkSetUrlProblem(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("Enter a web address, like https://example.nhs.uk/.well-known/jwks.json");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
			return Optional.of("Enter a web address, like https://example.nhs.uk/.well-known/jwks.json");
		}
		if (scheme.equals("http") && !(host.equals("localhost") || host.equals("127.0.0.1"))) {
			return Optional.of("The JWKS address must use HTTPS");
		}
		if (url.length() > 500) {
			return Optional.of("The JWKS address must be 500 characters or fewer");
		}
		return Optional.empty();
	}

	/** A JWT client's keys: a JWKS address, or one public key as a JWK. */
	record ClientKey(@Nullable String jwkSetUrl, PublicKeys.@Nullable Parsed publicKey) {

		String describe() {
			return jwkSetUrl != null ? "keys at " + jwkSetUrl
					: "uploaded public key " + Objects.requireNonNull(publicKey).keyId();
		}

	}

	private static ClientSettings settings(@Nullable ClientKey key) {
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireProofKey(false)
			.requireAuthorizationConsent(false);
		if (key != null) {
			// a signature algorithm marks the client as private_key_jwt; the assertion may use any the key allows
			settings.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS512);
			if (key.jwkSetUrl() != null) {
				settings.jwkSetUrl(key.jwkSetUrl());
			}
			else {
				settings.setting(PUBLIC_KEY_SETTING, Objects.requireNonNull(key.publicKey()).jwk());
			}
		}
		return settings.build();
	}

	private static TokenSettings tokenSettings() {
		return TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build();
	}

	private RegisteredClient registered(String id) {
		RegisteredClient client = clients.findById(id);
		if (client == null) {
			throw new UnknownClient();
		}
		return client;
	}

	private static ApiClient view(RegisteredClient client) {
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		client.getScopes().forEach(value -> ApiScope.of(value).ifPresent(scopes::add));
		String jwk = client.getClientSettings().getSetting(PUBLIC_KEY_SETTING);
		Instant issued = client.getClientIdIssuedAt() == null ? Instant.EPOCH : client.getClientIdIssuedAt();
		return new ApiClient(client.getId(), client.getClientId(), client.getClientName(), Method.of(client), scopes,
				issued, client.getClientSettings().getJwkSetUrl(), jwk == null ? null : PublicKeys.keyId(jwk));
	}

	static List<String> values(Set<ApiScope> scopes) {
		return scopes.stream().sorted().map(ApiScope::value).toList();
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().collect(Collectors.toList());
	}

	private static String newSecret() {
		byte[] bytes = new byte[SECRET_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void reject(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new RejectedChange(problems);
		}
	}

}
