package uk.nhs.bob.primarycare.identity;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Access tokens for systems: issued at {@code POST /oauth2/token} for the client-credentials grant with a client
 * secret, short-lived, signed with the shared key; checked by every API for its scope. Wrong scope: 403 problem+json
 * naming the scope; missing, expired or forged token: 401 problem+json; bad tokens and bad secrets lock nothing.
 */
@IntegrationTest
class ApiTokenTests {

	static final String NAVIGATION = """
			{"ageYears": 30, "sex": "female", "problem": "URINARY_SYMPTOMS", "redFlags": []}""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TokenSigningKeys keys;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aClientWithItsSecretGetsAShortLivedTokenWithTheScopesItAskedFor() throws Exception {
		MockHttpServletResponse response = tokens.request(IdentityDemoData.DEMO_CLIENT_ID,
				IdentityDemoData.DEMO_PASSWORD, "triage.navigation", "cvd.qrisk3");
		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode body = json.readTree(response.getContentAsString());
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asInt()).isBetween(290, 300);
		assertThat(body.get("scope").asString().split(" ")).containsExactlyInAnyOrder("triage.navigation", "cvd.qrisk3");
		SignedJWT token = SignedJWT.parse(body.get("access_token").asString());
		assertThat(token.getHeader().getKeyID()).isEqualTo(keys.signingKey().getKeyID());
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(IdentityDemoData.DEMO_CLIENT_ID);
		assertThat(token.getJWTClaimsSet().getStringClaim(ApiTokenServer.CLIENT_NAME_CLAIM)).contains("demo");

		// without a scope parameter: every scope the client is registered for
		JsonNode all = json.readTree(tokens.request(IdentityDemoData.DEMO_CLIENT_ID, IdentityDemoData.DEMO_PASSWORD)
			.getContentAsString());
		assertThat(all.get("scope").asString().split(" ")).containsExactlyInAnyOrder(
				java.util.Arrays.stream(ApiScope.values()).map(ApiScope::value).toArray(String[]::new));
	}

	@Test
	void aWrongSecretOrAScopeNotRegisteredGetsTheOAuthErrorAndNoToken() throws Exception {
		MockHttpServletResponse wrong = tokens.request(IdentityDemoData.DEMO_CLIENT_ID, "not-the-secret");
		assertThat(wrong.getStatus()).isEqualTo(401);
		assertThat(json.readTree(wrong.getContentAsString()).get("error").asString()).isEqualTo("invalid_client");
		MockHttpServletResponse unknownScope = tokens.request(IdentityDemoData.DEMO_CLIENT_ID,
				IdentityDemoData.DEMO_PASSWORD, "patient.write");
		assertThat(unknownScope.getStatus()).isEqualTo(400);
		assertThat(json.readTree(unknownScope.getContentAsString()).get("error").asString()).isEqualTo("invalid_scope");
		assertThat(mvc.post().uri("/oauth2/token").with(httpBasic(IdentityDemoData.DEMO_CLIENT_ID,
				IdentityDemoData.DEMO_PASSWORD)).param("grant_type", "password")).hasStatus(400);
	}

	@Test
	void theTokenOpensTheApisOfItsScopesOnly() {
		String navigation = tokens.token("triage.navigation");
		assertThat(navigate(navigation)).hasStatusOk();

		MvcTestResult refused = mvc.post()
			.uri("/api/v1/cvd/qrisk3")
			.with(ApiTokens.withToken(navigation))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange();
		assertThat(refused).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("cvd.qrisk3", "triage.navigation");
		assertThat(refused.getResponse().getHeader("WWW-Authenticate")).contains("insufficient_scope", "cvd.qrisk3");
		// the refusal is in the audit log under the client
		assertThat(jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = 'api-client' AND outcome = "
				+ "'REFUSED' AND page = 'POST /api/v1/cvd/qrisk3'").query(Long.class).single()).isPositive();
	}

	@Test
	void missingExpiredAndForgedTokensAre401ProblemsAndHttpBasicIsGone() throws Exception {
		assertUnauthorized(navigate(null), "Bearer");
		assertUnauthorized(mvc.post().uri("/api/v1/triage/navigation").with(httpBasic(IdentityDemoData.DEMO_CLIENT_ID,
				IdentityDemoData.DEMO_PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(NAVIGATION).exchange(),
				"Bearer");

		RSAKey key = keys.signingKey();
		String expired = sign(key, Instant.now().minusSeconds(600), Instant.now().minusSeconds(300));
		MvcTestResult expiredResult = navigate(expired);
		assertUnauthorized(expiredResult, "invalid_token");
		assertThat(expiredResult).bodyJson().extractingPath("$.detail").asString().contains("expired");

		RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
		String forged = sign(other, Instant.now(), Instant.now().plusSeconds(300));
		MvcTestResult forgedResult = navigate(forged);
		assertUnauthorized(forgedResult, "invalid_token");
		assertThat(forgedResult).bodyJson().extractingPath("$.detail").asString().contains("not valid")
			.doesNotContain("Exception", "nimbus");

		String good = tokens.token("triage.navigation");
		String tampered = good.substring(0, good.indexOf('.') + 1)
				+ java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
						"{\"sub\":\"api-client\",\"scope\":[\"audit.read\"]}".getBytes())
				+ good.substring(good.lastIndexOf('.'));
		assertUnauthorized(navigate(tampered), "invalid_token");
		assertUnauthorized(navigate("not-a-jwt"), "invalid_token");
	}

	@Test
	void badTokensAndBadSecretsLockNothing() throws Exception {
		RSAKey forger = new RSAKeyGenerator(2048).keyID(keys.signingKey().getKeyID()).generate();
		String coordinatorBefore = signInState("coordinator");
		for (int i = 0; i < 30; i++) {
			assertThat(navigate("forged." + i + ".token")).hasStatus(401);
			assertThat(tokens.request(IdentityDemoData.DEMO_CLIENT_ID, "wrong-secret-" + i).getStatus()).isEqualTo(401);
			// a staff member's username as a client id, and a forged token naming them: neither is a sign-in
			assertThat(tokens.request("coordinator", "wrong-password-" + i).getStatus()).isEqualTo(401);
			assertThat(navigate(sign(forger, "coordinator", Instant.now(), Instant.now().plusSeconds(300))))
				.hasStatus(401);
		}
		MockHttpServletResponse issued = tokens.request(IdentityDemoData.DEMO_CLIENT_ID, IdentityDemoData.DEMO_PASSWORD,
				"triage.navigation");
		assertThat(issued.getStatus()).isEqualTo(200);
		assertThat(navigate(tokens.accessToken(issued))).hasStatusOk();
		assertThat(signInState("coordinator")).isEqualTo(coordinatorBefore);
	}

	/** What the account lock-out counts for a staff account: failed sign-ins, when the last was, locked until. */
	private String signInState(String username) {
		return jdbc.sql("SELECT failed_sign_ins || ' ' || coalesce(last_failed_sign_in_at::text, '-') || ' ' "
				+ "|| coalesce(locked_until::text, '-') FROM identity.staff_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	@Test
	void aTokenOpensNoPage() {
		MvcTestResult page = mvc.get().uri("/triage").with(tokens.bearer()).accept(MediaType.TEXT_HTML).exchange();
		assertThat(page).hasStatus3xxRedirection();
		assertThat(page.getResponse().getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void meShowsTheSystemItsRoleAndItsScopes() {
		assertThat(mvc.get().uri("/api/v1/me").with(tokens.bearer("triage.requests", "cvd.read"))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.username", v -> assertThat(v).isEqualTo("api-client"))
			.hasPathSatisfying("$.roles", v -> assertThat(v).asArray().containsExactly("API_CLIENT"))
			.hasPathSatisfying("$.scopeLevel", v -> assertThat(v).isEqualTo("ICB"))
			.hasPathSatisfying("$.scopes", v -> assertThat(v).asArray().containsExactly("cvd.read", "triage.requests"));
	}

	@Test
	void tokensOfTheTrustedExternalIssuerWorkForTheirAudienceOnly() {
		var provider = uk.nhs.bob.primarycare.TestIdentityProvider.server();
		String external = provider.issueToken(uk.nhs.bob.primarycare.TestIdentityProvider.EXTERNAL_ISSUER,
				"nhs-111-system", new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(
						uk.nhs.bob.primarycare.TestIdentityProvider.EXTERNAL_ISSUER, "nhs-111-system", "JWT",
						List.of(uk.nhs.bob.primarycare.TestIdentityProvider.API_AUDIENCE),
						java.util.Map.of("scope", "triage.navigation"), 300))
			.serialize();
		assertThat(navigate(external)).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/me").with(ApiTokens.withToken(external))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.username", v -> assertThat(v).isEqualTo("nhs-111-system"))
			.hasPathSatisfying("$.scopes", v -> assertThat(v).asArray().containsExactly("triage.navigation"));

		String otherAudience = provider.issueToken(uk.nhs.bob.primarycare.TestIdentityProvider.EXTERNAL_ISSUER,
				"nhs-111-system", new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(
						uk.nhs.bob.primarycare.TestIdentityProvider.EXTERNAL_ISSUER, "nhs-111-system", "JWT",
						List.of("some-other-api"), java.util.Map.of("scope", "triage.navigation"), 300))
			.serialize();
		assertUnauthorized(navigate(otherAudience), "invalid_token");
		// the staff sign-in provider is not trusted for API tokens
		String staffIssuer = provider.issueToken(uk.nhs.bob.primarycare.TestIdentityProvider.STAFF_ISSUER,
				"nhs-111-system", new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(
						uk.nhs.bob.primarycare.TestIdentityProvider.STAFF_ISSUER, "nhs-111-system", "JWT",
						List.of(uk.nhs.bob.primarycare.TestIdentityProvider.API_AUDIENCE),
						java.util.Map.of("scope", "triage.navigation"), 300))
			.serialize();
		assertUnauthorized(navigate(staffIssuer), "invalid_token");
	}

	private MvcTestResult navigate(String token) {
		var request = mvc.post().uri("/api/v1/triage/navigation").contentType(MediaType.APPLICATION_JSON).content(NAVIGATION);
		if (token != null) {
			request = request.with(ApiTokens.withToken(token));
		}
		return request.exchange();
	}

	private static void assertUnauthorized(MvcTestResult result, String challenge) {
		assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).contains(challenge);
	}

	private static String sign(RSAKey key, Instant issued, Instant expires) throws Exception {
		return sign(key, "api-client", issued, expires);
	}

	private static String sign(RSAKey key, String subject, Instant issued, Instant expires) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("http://localhost")
			.issueTime(Date.from(issued))
			.notBeforeTime(Date.from(issued))
			.expirationTime(Date.from(expires))
			.claim("scope", List.of("triage.navigation"))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
			.type(JOSEObjectType.JWT)
			.build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
