package uk.nhs.bob.primarycare;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import uk.nhs.bob.primarycare.identity.ApiScope;
import uk.nhs.bob.primarycare.identity.IdentityDemoData;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Access tokens for API tests, got the way a system gets them: {@code POST /oauth2/token} with the client-credentials
 * grant and the client's secret (HTTP Basic). The demo client {@value IdentityDemoData#DEMO_CLIENT_ID} is registered
 * for every scope, so a test asks for just the scopes it means to hold. Tokens are kept for a few minutes (they live
 * five).
 */
public class ApiTokens {

	static final Duration REUSE = Duration.ofMinutes(3);

	private record Issued(String token, Instant at) {
	}

	private static final Map<String, Issued> ISSUED = new ConcurrentHashMap<>();

	/** A second system, for what one system must not see of another's. */
	public static final String OTHER_CLIENT_ID = "test-other-system";

	static final String OTHER_CLIENT_SECRET = "test-other-system-secret";

	private final MockMvc mvc;

	private final RegisteredClientRepository clients;

	private final PasswordEncoder passwordEncoder;

	private final JsonMapper json = JsonMapper.builder().build();

	public ApiTokens(MockMvc mvc, RegisteredClientRepository clients, PasswordEncoder passwordEncoder) {
		this.mvc = mvc;
		this.clients = clients;
		this.passwordEncoder = passwordEncoder;
	}

	/** A token of {@value #OTHER_CLIENT_ID}, a second system registered for every scope (the first time asked). */
	public synchronized String otherClientToken(String... scopes) {
		if (clients.findByClientId(OTHER_CLIENT_ID) == null) {
			clients.save(RegisteredClient.withId(java.util.UUID.randomUUID().toString())
				.clientId(OTHER_CLIENT_ID)
				.clientName("Another system (tests)")
				.clientSecret(passwordEncoder.encode(OTHER_CLIENT_SECRET))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(values -> java.util.Arrays.stream(ApiScope.values()).forEach(s -> values.add(s.value())))
				.build());
		}
		return token(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET, scopes);
	}

	/** A system made for module tests, where no demo data registers the demo client. */
	public static final String MODULE_TEST_CLIENT_ID = "test-module-system";

	static final String MODULE_TEST_CLIENT_SECRET = "test-module-system-secret";

	/**
	 * A token of the demo client with these scopes; with none named, every scope it is registered for. In a module
	 * test context, which has no demo data, a token of {@value #MODULE_TEST_CLIENT_ID}, registered for every scope
	 * the first time asked.
	 */
	public String token(String... scopes) {
		if (clientId().equals(MODULE_TEST_CLIENT_ID)) {
			registerOnce(MODULE_TEST_CLIENT_ID, "A system (module tests)", MODULE_TEST_CLIENT_SECRET);
			return token(MODULE_TEST_CLIENT_ID, MODULE_TEST_CLIENT_SECRET, scopes);
		}
		return token(IdentityDemoData.DEMO_CLIENT_ID, IdentityDemoData.DEMO_PASSWORD, scopes);
	}

	/** The client {@link #token(String...)} gets tokens of: the demo client, or in a module test context the test one. */
	public String clientId() {
		return clients.findByClientId(IdentityDemoData.DEMO_CLIENT_ID) == null ? MODULE_TEST_CLIENT_ID
				: IdentityDemoData.DEMO_CLIENT_ID;
	}

	private synchronized void registerOnce(String clientId, String name, String secret) {
		if (clients.findByClientId(clientId) == null) {
			clients.save(RegisteredClient.withId(java.util.UUID.randomUUID().toString())
				.clientId(clientId)
				.clientName(name)
				.clientSecret(passwordEncoder.encode(secret))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(values -> java.util.Arrays.stream(ApiScope.values()).forEach(s -> values.add(s.value())))
				.build());
		}
	}

	/** A token of a client with a secret. */
	public String token(String clientId, String secret, String... scopes) {
		// per context: contexts with and without demo data have databases, and so signing keys, of their own
		String key = System.identityHashCode(clients) + "|" + clientId + "|" + secret + "|" + String.join(" ", scopes);
		Issued issued = ISSUED.get(key);
		if (issued != null && issued.at().plus(REUSE).isAfter(Instant.now())) {
			return issued.token();
		}
		MockHttpServletResponse response = request(clientId, secret, scopes);
		if (response.getStatus() != 200) {
			throw new IllegalStateException("No token for " + clientId + ": " + response.getStatus());
		}
		String token = accessToken(response);
		ISSUED.put(key, new Issued(token, Instant.now()));
		return token;
	}

	/** The token endpoint's answer to a client-credentials request with a secret. */
	public MockHttpServletResponse request(String clientId, String secret, String... scopes) {
		try {
			var request = post("/oauth2/token").with(httpBasic(clientId, secret)).param("grant_type", "client_credentials");
			if (scopes.length > 0) {
				request.param("scope", String.join(" ", scopes));
			}
			return mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String accessToken(MockHttpServletResponse response) {
		try {
			return json.readTree(response.getContentAsString()).get("access_token").asString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sends a token of the demo client with these scopes (every scope when none are named). */
	public RequestPostProcessor bearer(String... scopes) {
		return withToken(token(scopes));
	}

	/**
	 * Sends a token of {@value #OTHER_CLIENT_ID} with these scopes (every scope when none are named): for module tests,
	 * which start without the demo data and so without the demo client.
	 */
	public RequestPostProcessor otherClientBearer(String... scopes) {
		return withToken(otherClientToken(scopes));
	}

	public static RequestPostProcessor withToken(String token) {
		return request -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

}
