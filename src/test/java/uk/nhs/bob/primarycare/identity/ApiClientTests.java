package uk.nhs.bob.primarycare.identity;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * API clients: registered by ICB administrators on their page, with a secret (shown once, stored hashed) or with a key
 * for signed JWT client assertions ({@code private_key_jwt}, RFC 7523: an uploaded public key or a JWKS address);
 * each change confirmed and audited; what the token endpoint then accepts and refuses.
 */
@IdentityModuleTest
class ApiClientTests {

	static final Pattern SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");

	static final String TOKEN_URL = "http://localhost/oauth2/token";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MockMvc mockMvc;

	@Autowired
	ApiClients clients;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	/** An ICB administrator made for each test (their password confirms each change), and their username. */
	String adminName;

	@BeforeEach
	void administrator() {
		adminName = IdentityFixtures.staffUser(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB);
	}

	RequestPostProcessor admin() {
		return user(adminName).roles(Role.ICB_ADMIN.name());
	}

	static String newClientId() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

	long adminActions(String action, String target) {
		return jdbc.sql("SELECT count(*) FROM audit.admin_action WHERE action = ? AND target = ?")
			.params(action, target)
			.query(Long.class)
			.single();
	}

	@Test
	void anAdministratorRegistersASecretClientOnThePageAndSeesTheSecretOnce() throws Exception {
		tokens.otherClientToken(); // another system, registered before: the list shows it too
		String clientId = newClientId();
		MvcTestResult page = mvc.post()
			.uri("/admin/api-clients/new")
			.with(admin())
			.with(csrf())
			.param("clientId", clientId)
			.param("clientName", "NHS 111 South Central (test)")
			.param("method", "CLIENT_SECRET_BASIC")
			.param("scopes", "triage.requests", "triage.navigation")
			.param("adminPassword", IdentityFixtures.PASSWORD)
			.exchange();
		assertThat(page).hasStatusOk();
		Matcher found = SECRET.matcher(page.getResponse().getContentAsString());
		assertThat(found.find()).isTrue();
		String secret = found.group(1);
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		String stored = jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?")
			.param(clientId)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("{bcrypt}").doesNotContain(secret);
		assertThat(adminActions("API_CLIENT_REGISTERED", clientId)).isEqualTo(1);

		MockHttpServletResponse token = tokens.request(clientId, secret, "triage.navigation");
		assertThat(token.getStatus()).isEqualTo(200);
		assertThat(tokens.request(clientId, secret, "audit.read").getStatus()).as("a scope it is not registered for")
			.isEqualTo(400);

		// the client's page never shows the secret again
		String id = clients.clients().stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow().id();
		assertThat(mvc.get().uri("/admin/api-clients/" + id).with(admin())).hasStatusOk()
			.bodyText()
			.contains("NHS 111 South Central (test)", "triage.requests")
			.doesNotContain(secret);
		assertThat(mvc.get().uri("/admin/api-clients").with(admin())).hasStatusOk()
			.bodyText()
			.contains(clientId, ApiTokens.OTHER_CLIENT_ID);
	}

	@Test
	void badRegistrationsKeepWhatWasTypedNameEachProblemAndSaveNothing() throws Exception {
		MvcTestResult page = mvc.post()
			.uri("/admin/api-clients/new")
			.with(admin())
			.with(csrf())
			.param("clientId", "Bad Id!")
			.param("clientName", "Typed name")
			.param("method", "PRIVATE_KEY_JWT")
			.param("jwkSetUrl", "http://example.nhs.uk/jwks.json")
			.param("adminPassword", IdentityFixtures.PASSWORD)
			.exchange();
		assertThat(page).hasStatusOk().bodyText()
			.contains("There is a problem", "Client id must be 3 to 60 lower-case letters", "Choose at least one scope",
					"The JWKS address must use HTTPS", "Typed name");
		String clientId = newClientId();
		MvcTestResult wrongPassword = mvc.post()
			.uri("/admin/api-clients/new")
			.with(admin())
			.with(csrf())
			.param("clientId", clientId)
			.param("clientName", "Any")
			.param("method", "CLIENT_SECRET_BASIC")
			.param("scopes", "cvd.qrisk3")
			.param("adminPassword", "not-my-password")
			.exchange();
		assertThat(wrongPassword).hasStatusOk().bodyText().contains(Reauthentication.WRONG_OWN_PASSWORD);
		assertThat(clients.exists(clientId)).isFalse();
		tokens.otherClientToken(); // registers the other system if this run has not yet
		assertThat(mvc.post()
			.uri("/admin/api-clients/new")
			.with(admin())
			.with(csrf())
			.param("clientId", ApiTokens.OTHER_CLIENT_ID)
			.param("clientName", "Duplicate")
			.param("method", "CLIENT_SECRET_BASIC")
			.param("scopes", "cvd.qrisk3")
			.param("adminPassword", IdentityFixtures.PASSWORD)).hasStatusOk()
			.bodyText()
			.contains("A client with this id is registered already");
		// only ICB administrators
		assertThat(mvc.get().uri("/admin/api-clients").with(user("supervisor").roles("CLINICAL_SUPERVISOR")))
			.hasStatus(403);
	}

	@Test
	void aClientWithAnUploadedPublicKeySignsItsAssertionsOnceEachWithinFiveMinutes() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).generate();
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----";
		String clientId = newClientId();
		clients.register(new ApiClients.NewClient(clientId, "Key client", ApiClients.Method.PRIVATE_KEY_JWT,
				EnumSet.of(ApiScope.CVD_QRISK3, ApiScope.TRIAGE_NAVIGATION), null, pem), adminName,
				IdentityFixtures.PASSWORD);

		String assertion = assertion(key, JWSAlgorithm.RS512, clientId, TOKEN_URL, 60);
		MockHttpServletResponse issued = exchange(assertion, null, "cvd.qrisk3");
		assertThat(issued.getStatus()).as(issued.getContentAsString()).isEqualTo(200);
		assertThat(mvc.get().uri("/api/v1/me").with(ApiTokens.withToken(tokens.accessToken(issued)))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.username", v -> assertThat(v).isEqualTo(clientId));

		assertThat(exchange(assertion, clientId, "cvd.qrisk3").getStatus()).as("the same assertion again").isEqualTo(401);
		assertThat(exchange(assertion(key, JWSAlgorithm.RS256, clientId, TOKEN_URL, 3600), clientId, null).getStatus())
			.as("an assertion that lives an hour").isEqualTo(401);
		assertThat(exchange(assertion(key, JWSAlgorithm.RS256, clientId, "https://elsewhere.nhs.uk/token", 60), clientId,
				null).getStatus()).as("for another server").isEqualTo(401);
		RSAKey other = new RSAKeyGenerator(2048).generate();
		assertThat(exchange(assertion(other, JWSAlgorithm.RS256, clientId, TOKEN_URL, 60), clientId, null).getStatus())
			.as("signed with another key").isEqualTo(401);
		assertThat(exchange(assertion(key, JWSAlgorithm.RS256, "api-client", TOKEN_URL, 60), "api-client", null)
			.getStatus()).as("for a secret client").isEqualTo(401);
		assertThat(exchange(assertion(key, JWSAlgorithm.RS256, clientId, TOKEN_URL, 60), null, null).getStatus())
			.isEqualTo(200);

		// a private key is refused, and not stored
		String privatePem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(key.toRSAPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----";
		String id = clients.clients().stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow().id();
		assertThat(mvc.post()
			.uri("/admin/api-clients/" + id + "/key")
			.with(admin())
			.with(csrf())
			.param("publicKey", privatePem)
			.param("adminPassword", IdentityFixtures.PASSWORD)).hasStatusOk()
			.bodyText()
			.contains("This is a private key");
		assertThat(jdbc.sql("SELECT client_settings FROM oauth2_registered_client WHERE client_id = ?")
			.param(clientId)
			.query(String.class)
			.single()).doesNotContain("\\\"d\\\"").doesNotContain("\"d\"");
	}

	@Test
	void aClientWithAJwksAddressAndThenAnotherKeyIsCheckedWithTheKeyItHasNow() throws Exception {
		ECKey first = new ECKeyGenerator(Curve.P_256).keyID("first").generate();
		HttpServer jwks = HttpServer.create(new InetSocketAddress(0), 0);
		jwks.createContext("/jwks.json", exchange -> {
			byte[] body = new JWKSet(first.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		jwks.start();
		try {
			String clientId = newClientId();
			clients.register(new ApiClients.NewClient(clientId, "JWKS client", ApiClients.Method.PRIVATE_KEY_JWT,
					EnumSet.of(ApiScope.PROGRAMME_SPC), "http://localhost:" + jwks.getAddress().getPort() + "/jwks.json",
					null), adminName, IdentityFixtures.PASSWORD);
			assertThat(exchange(assertion(first, JWSAlgorithm.ES256, clientId, TOKEN_URL, 60), clientId, null).getStatus())
				.isEqualTo(200);

			RSAKey second = new RSAKeyGenerator(2048).generate();
			String id = clients.clients().stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow().id();
			clients.changeKey(id, null, second.toPublicJWK().toJSONString(), adminName, IdentityFixtures.PASSWORD);
			assertThat(exchange(assertion(first, JWSAlgorithm.ES256, clientId, TOKEN_URL, 60), clientId, null).getStatus())
				.as("the old key").isEqualTo(401);
			assertThat(exchange(assertion(second, JWSAlgorithm.RS256, clientId, TOKEN_URL, 60), clientId, null).getStatus())
				.as("the new key").isEqualTo(200);
			assertThat(adminActions("API_CLIENT_KEY_CHANGED", clientId)).isEqualTo(1);
		}
		finally {
			jwks.stop(0);
		}
	}

	@Test
	void aNewSecretReplacesTheOldScopesChangeAndARemovedClientGetsNoToken() throws Exception {
		String clientId = newClientId();
		ApiClients.Registered registered = clients.register(new ApiClients.NewClient(clientId, "Changing client",
				ApiClients.Method.CLIENT_SECRET_BASIC, EnumSet.of(ApiScope.TRIAGE_NAVIGATION, ApiScope.CVD_QRISK3), null,
				null), adminName, IdentityFixtures.PASSWORD);
		String oldSecret = registered.secret();
		assertThat(tokens.request(clientId, oldSecret).getStatus()).isEqualTo(200);

		MvcTestResult page = mvc.post()
			.uri("/admin/api-clients/" + registered.id() + "/secret")
			.with(admin())
			.with(csrf())
			.param("adminPassword", IdentityFixtures.PASSWORD)
			.exchange();
		Matcher found = SECRET.matcher(page.getResponse().getContentAsString());
		assertThat(found.find()).isTrue();
		String newSecret = found.group(1);
		assertThat(tokens.request(clientId, oldSecret).getStatus()).isEqualTo(401);
		assertThat(tokens.request(clientId, newSecret).getStatus()).isEqualTo(200);
		assertThat(adminActions("API_CLIENT_SECRET_CHANGED", clientId)).isEqualTo(1);

		assertThat(mvc.post()
			.uri("/admin/api-clients/" + registered.id())
			.with(admin())
			.with(csrf())
			.param("clientName", "Changing client")
			.param("scopes", "cvd.qrisk3")
			.param("adminPassword", IdentityFixtures.PASSWORD)).hasStatus3xxRedirection();
		assertThat(tokens.request(clientId, newSecret, "triage.navigation").getStatus()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT detail FROM audit.admin_action WHERE action = 'API_CLIENT_CHANGED' AND target = ?")
			.param(clientId)
			.query(String.class)
			.single()).contains("from cvd.qrisk3 triage.navigation to cvd.qrisk3");

		assertThat(mvc.post()
			.uri("/admin/api-clients/" + registered.id() + "/remove")
			.with(admin())
			.with(csrf())
			.param("adminPassword", "wrong-password")).hasStatusOk().bodyText().contains(Reauthentication.WRONG_OWN_PASSWORD);
		assertThat(mvc.post()
			.uri("/admin/api-clients/" + registered.id() + "/remove")
			.with(admin())
			.with(csrf())
			.param("adminPassword", IdentityFixtures.PASSWORD)).hasStatus3xxRedirection();
		assertThat(tokens.request(clientId, newSecret).getStatus()).isEqualTo(401);
		assertThat(adminActions("API_CLIENT_REMOVED", clientId)).isEqualTo(1);
		assertThat(mvc.get().uri("/admin/api-clients/" + registered.id()).with(admin()))
			.hasStatus(404);
	}

	/** A client assertion (RFC 7523) signed with the key. */
	static String assertion(com.nimbusds.jose.jwk.JWK key, JWSAlgorithm algorithm, String clientId, String audience,
			long seconds) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId)
			.subject(clientId)
			.audience(List.of(audience))
			.jwtID(UUID.randomUUID().toString())
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(seconds)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
		jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
		return jwt.serialize();
	}

	MockHttpServletResponse exchange(String assertion, String clientId, String scope) throws Exception {
		MockHttpServletRequestBuilder request = post("/oauth2/token").param("grant_type", "client_credentials")
			.param("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
			.param("client_assertion", assertion);
		if (clientId != null) {
			request.param("client_id", clientId);
		}
		if (scope != null) {
			request.param("scope", scope);
		}
		return mockMvc.perform(request).andReturn().getResponse();
	}

}
