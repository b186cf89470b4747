package uk.nhs.bob.primarycare.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Staff sign-in with an OpenID Connect provider, through the real server and a real provider in the test JVM
 * (mock-oauth2-server): the authorization code flow with PKCE, roles from CIS2-style {@code nhsid_nrbac_roles}
 * through the sign-in mappings (mapped, unmapped, two roles at one scope, two at different scopes, the role CIS2 says
 * was selected), the account created or linked at the first sign-in and found by subject afterwards, every step in the
 * audit log, and confirming an administrator's change by signing in again.
 */
@IntegrationTest
class OidcSignInTests {

	/** Organisation codes of this test class's own, so its mappings touch no other test. */
	static final AtomicInteger ORGS = new AtomicInteger((int) (Math.random() * 80_000) + 10_000);

	@LocalServerPort
	int port;

	@Autowired
	SignInMappings mappings;

	@Autowired
	StaffAccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	static String newOrg() {
		return "Y" + ORGS.getAndIncrement();
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	/**
	 * The administrator who adds the test's mappings, made for it: the demo administrator's re-authentication may be
	 * throttled by other tests' wrong passwords.
	 */
	String mappingAdmin = "";

	void map(String roleCode, String org, Role role, OrganisationScope scope) {
		if (mappingAdmin.isEmpty()) {
			mappingAdmin = IdentityFixtures.staffUser(context, "mapping-admin", Role.ICB_ADMIN, OrganisationScope.ICB);
		}
		mappings.add(new SignInMappings.NewMapping(roleCode, org, role, scope), mappingAdmin, IdentityFixtures.PASSWORD);
	}

	/** A browser: follows every redirect, between the app and the provider, keeping cookies. */
	final class Browser {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		final List<URI> visited = new ArrayList<>();

		HttpResponse<String> get(String pathOrUrl) throws Exception {
			URI next = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base() + pathOrUrl);
			for (int hop = 0; hop < 10; hop++) {
				visited.add(next);
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(next).header("Accept", "text/html").build(),
						HttpResponse.BodyHandlers.ofString());
				String location = response.headers().firstValue("Location").orElse(null);
				if (response.statusCode() / 100 != 3 || location == null) {
					return response;
				}
				next = next.resolve(location);
			}
			throw new IllegalStateException("Too many redirects: " + visited);
		}

		HttpResponse<String> post(String pathOrUrl, String form) throws Exception {
			URI target = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base() + pathOrUrl);
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(target)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").orElse(null);
			return location == null ? response : get(location.startsWith("http") ? location : target.resolve(location).toString());
		}

		/** Signs in through the provider's button on the sign-in page; answers the page it ends on. */
		HttpResponse<String> signIn() throws Exception {
			String login = get("/login").body();
			assertThat(login).contains("Sign in with " + TestIdentityProvider.PROVIDER_NAME);
			return get("/oauth2/authorization/" + TestIdentityProvider.REGISTRATION);
		}

		/** The authorization request sent to the provider, as query parameters. */
		Map<String, String> authorizationRequest() {
			URI authorize = visited.stream().filter(u -> u.getPath().endsWith("/authorize")).findFirst().orElseThrow();
			Map<String, String> parameters = new LinkedHashMap<>();
			for (String pair : authorize.getRawQuery().split("&")) {
				String[] parts = pair.split("=", 2);
				parameters.put(parts[0], parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
			return parameters;
		}

	}

	String base() {
		return "http://localhost:" + port;
	}

	static Map<String, Object> person(String name, String email, Map<String, Object>... roles) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("name", name);
		claims.put("email", email);
		claims.put("nhsid_nrbac_roles", List.of(roles));
		return claims;
	}

	long adminActions(String action, String target) {
		return jdbc.sql("SELECT count(*) FROM audit.admin_action WHERE action = ? AND target = ?")
			.params(action, target)
			.query(Long.class)
			.single();
	}

	@Test
	void aMappedRoleSignsInWithPkceCreatesTheAccountOnceAndAuditsIt() throws Exception {
		String org = newOrg();
		map("R8000", org, Role.CARE_COORDINATOR, OrganisationScope.site("BK-AYL"));
		String subject = "cis2-" + UUID.randomUUID();
		String email = "casey." + org.toLowerCase() + "@nhs.test";
		TestIdentityProvider.nextSignIn(subject, person("Casey Cis", email, TestIdentityProvider.role("555001", "R8000", org)));
		Browser browser = new Browser();
		HttpResponse<String> home = browser.signIn();
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.uri().getPath()).isEqualTo("/");
		assertThat(home.body()).contains(email).contains("Same-day requests");

		Map<String, String> request = browser.authorizationRequest();
		assertThat(request).containsEntry("response_type", "code")
			.containsEntry("code_challenge_method", "S256")
			.containsKey("code_challenge")
			.containsKey("nonce");
		assertThat(request.get("scope")).contains("openid");

		StaffAccount account = accounts.findByEmail(email).orElseThrow();
		assertThat(account.getUsername()).isEqualTo(email);
		assertThat(account.getDisplayName()).isEqualTo("Casey Cis");
		assertThat(account.getRoles()).containsExactly(Role.CARE_COORDINATOR);
		assertThat(account.scope()).isEqualTo(OrganisationScope.site("BK-AYL"));
		assertThat(account.getOidcSubject()).isEqualTo(subject);
		assertThat(adminActions("ACCOUNT_CREATED_AT_SIGN_IN", email)).isEqualTo(1);
		// the pages of the role, in its scope, and nothing else
		assertThat(browser.get("/triage").statusCode()).isEqualTo(200);
		assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);

		// the next sign-in finds the account by its subject, even with another email address
		TestIdentityProvider.nextSignIn(subject, person("Casey Cis", "new." + email, TestIdentityProvider.role("555001", "R8000", org)));
		assertThat(new Browser().signIn().uri().getPath()).isEqualTo("/");
		assertThat(adminActions("ACCOUNT_CREATED_AT_SIGN_IN", email)).isEqualTo(1);
		assertThat(accounts.findByOidcIssuerAndOidcSubject(account.getOidcIssuer(), subject)).isPresent()
			.hasValueSatisfying(a -> assertThat(a.getId()).isEqualTo(account.getId()));
	}

	@Test
	void anUnmappedRoleGetsTheNoAccessPageWithItsRolesAndNoAccount() throws Exception {
		String org = newOrg();
		String email = "nobody." + org.toLowerCase() + "@nhs.test";
		TestIdentityProvider.nextSignIn("cis2-" + UUID.randomUUID(),
				person("Nora Nomap", email, TestIdentityProvider.role("555002", "R8013", org)));
		HttpResponse<String> page = new Browser().signIn();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/sign-in/no-access");
		assertThat(page.body()).contains("You do not have access to BOB Primary Care")
			.contains("Nora Nomap")
			.contains("S8000:G8000:R8013 at " + org)
			.doesNotContain("Exception");
		assertThat(accounts.findByEmail(email)).isEmpty();
		assertThat(new Browser().get("/sign-in/no-access").statusCode()).as("no sign-in needed to read it").isEqualTo(200);
	}

	@Test
	void twoRolesAtOneScopeGiveBothAndTwoScopesAreChosenBetween() throws Exception {
		String org = newOrg();
		map("R8000", org, Role.CARE_COORDINATOR, OrganisationScope.place("14Y"));
		map("R8001", org, Role.CLINICAL_SUPERVISOR, OrganisationScope.place("14Y"));
		String email = "two." + org.toLowerCase() + "@nhs.test";
		TestIdentityProvider.nextSignIn("cis2-" + UUID.randomUUID(), person("Tara Two", email,
				TestIdentityProvider.role("555003", "R8000", org), TestIdentityProvider.role("555004", "R8001", org)));
		assertThat(new Browser().signIn().uri().getPath()).isEqualTo("/");
		assertThat(accounts.findByEmail(email).orElseThrow().getRoles())
			.containsExactlyInAnyOrder(Role.CARE_COORDINATOR, Role.CLINICAL_SUPERVISOR);

		String other = newOrg();
		map("R8000", other, Role.CARE_COORDINATOR, OrganisationScope.site("OX-CTY"));
		map("R8008", other, Role.PLACE_DELIVERY, OrganisationScope.place("15A"));
		String subject = "cis2-" + UUID.randomUUID();
		String email2 = "choose." + other.toLowerCase() + "@nhs.test";
		TestIdentityProvider.nextSignIn(subject, person("Chris Choose", email2,
				TestIdentityProvider.role("555005", "R8000", other), TestIdentityProvider.role("555006", "R8008", other)));
		Browser browser = new Browser();
		HttpResponse<String> choose = browser.signIn();
		assertThat(choose.uri().getPath()).isEqualTo(StaffSignIn.CHOOSE_PATH);
		assertThat(choose.body()).contains("Care coordinator for Oxford City").contains("Place delivery team for Berkshire West");
		// nothing else opens before choosing
		assertThat(browser.get("/triage").uri().getPath()).isEqualTo(StaffSignIn.CHOOSE_PATH);
		String csrf = HttpSession.csrfToken(choose.body());
		assertThat(browser.post(StaffSignIn.CHOOSE_PATH, "_csrf=" + csrf).body()).contains("Choose the role you are working in now");
		int coordinatorChoice = choose.body().indexOf("Care coordinator for Oxford City") < choose.body()
			.indexOf("Place delivery team for Berkshire West") ? 0 : 1;
		HttpResponse<String> chosen = browser.post(StaffSignIn.CHOOSE_PATH, "_csrf=" + csrf + "&choice=" + coordinatorChoice);
		assertThat(chosen.uri().getPath()).isEqualTo("/");
		StaffAccount account = accounts.findByEmail(email2).orElseThrow();
		assertThat(account.getRoles()).containsExactly(Role.CARE_COORDINATOR);
		assertThat(account.scope()).isEqualTo(OrganisationScope.site("OX-CTY"));
		assertThat(browser.get("/triage").statusCode()).isEqualTo(200);
		assertThat(browser.get("/programme").statusCode()).isEqualTo(200);
		assertThat(adminActions("ACCESS_FROM_SIGN_IN", account.getUsername())).isPositive();
	}

	@Test
	void theRoleCis2SaysWasSelectedIsTheOnlyOneThatCounts() throws Exception {
		String org = newOrg();
		map("R8000", org, Role.CARE_COORDINATOR, OrganisationScope.site("BW-RDG"));
		map("R8008", org, Role.PLACE_DELIVERY, OrganisationScope.place("15A"));
		String email = "selected." + org.toLowerCase() + "@nhs.test";
		Map<String, Object> claims = person("Sam Selected", email, TestIdentityProvider.role("555007", "R8000", org),
				TestIdentityProvider.role("555008", "R8008", org));
		claims.put("selected_roleid", "555008");
		TestIdentityProvider.nextSignIn("cis2-" + UUID.randomUUID(), claims);
		assertThat(new Browser().signIn().uri().getPath()).isEqualTo("/");
		StaffAccount account = accounts.findByEmail(email).orElseThrow();
		assertThat(account.getRoles()).containsExactly(Role.PLACE_DELIVERY);
		assertThat(account.scope()).isEqualTo(OrganisationScope.place("15A"));
	}

	@Test
	void theFirstSignInLinksTheAccountAnAdministratorMadeByItsEmail() throws Exception {
		String org = newOrg();
		map("R8000", org, Role.INT_MEMBER, OrganisationScope.site("OX-CTY"));
		String username = "linked-" + org.toLowerCase();
		String email = username + "@nhs.test";
		StaffAccount made = new StaffAccount(username, "Lee Linked", passwordEncoder.encode("a-long-local-passphrase"),
				EnumSet.of(Role.INT_MEMBER), OrganisationScope.site("OX-CTY"));
		made.setEmail(email.toUpperCase());
		accounts.save(made);
		String subject = "cis2-" + UUID.randomUUID();
		TestIdentityProvider.nextSignIn(subject, person("Lee Linked", email, TestIdentityProvider.role("555009", "R8000", org)));
		HttpResponse<String> home = new Browser().signIn();
		assertThat(home.uri().getPath()).isEqualTo("/");
		assertThat(home.body()).contains(username);
		StaffAccount linked = accounts.findByUsername(username).orElseThrow();
		assertThat(linked.getOidcSubject()).isEqualTo(subject);
		assertThat(adminActions("ACCOUNT_LINKED_AT_SIGN_IN", username)).isEqualTo(1);
		assertThat(accounts.findAll().stream().filter(a -> email.equalsIgnoreCase(a.getEmail()))).hasSize(1);

		// another person at the provider with the same address is not given this account
		TestIdentityProvider.nextSignIn("cis2-" + UUID.randomUUID(),
				person("Impostor", email, TestIdentityProvider.role("555010", "R8000", org)));
		HttpResponse<String> refused = new Browser().signIn();
		assertThat(refused.uri().getPath()).isEqualTo("/sign-in/no-access");
		assertThat(refused.body()).contains("linked to another sign-in");
	}

	@Test
	void aDisabledAccountGetsTheNoAccessPage() throws Exception {
		String org = newOrg();
		map("R8000", org, Role.CARE_COORDINATOR, OrganisationScope.site("BK-AYL"));
		String subject = "cis2-" + UUID.randomUUID();
		String email = "disabled." + org.toLowerCase() + "@nhs.test";
		TestIdentityProvider.nextSignIn(subject, person("Dee Disabled", email, TestIdentityProvider.role("555011", "R8000", org)));
		assertThat(new Browser().signIn().uri().getPath()).isEqualTo("/");
		StaffAccount account = accounts.findByEmail(email).orElseThrow();
		account.setEnabled(false);
		accounts.save(account);
		TestIdentityProvider.nextSignIn(subject, person("Dee Disabled", email, TestIdentityProvider.role("555011", "R8000", org)));
		HttpResponse<String> refused = new Browser().signIn();
		assertThat(refused.uri().getPath()).isEqualTo("/sign-in/no-access");
		assertThat(refused.body()).contains("Your account here is disabled");
	}

	@Test
	void anAdministratorSignedInWithTheProviderConfirmsChangesBySigningInAgain() throws Exception {
		String org = newOrg();
		map("R8003", org, Role.ICB_ADMIN, OrganisationScope.ICB);
		String subject = "cis2-" + UUID.randomUUID();
		String email = "admin." + org.toLowerCase() + "@nhs.test";
		Map<String, Object> claims = person("Ada Admin", email, TestIdentityProvider.role("555012", "R8003", org));
		// signed in at the provider 20 minutes ago (its own session), so too long ago to confirm a change
		claims.put("auth_time", Instant.now().minusSeconds(1200).getEpochSecond());
		TestIdentityProvider.nextSignIn(subject, claims);
		Browser browser = new Browser();
		assertThat(browser.signIn().uri().getPath()).isEqualTo("/");
		HttpResponse<String> form = browser.get("/admin/sign-in-mappings/new");
		assertThat(form.body()).contains("Sign in again with " + TestIdentityProvider.PROVIDER_NAME)
			.doesNotContain("type=\"password\"");
		String newOrg = newOrg();
		String add = "_csrf=" + HttpSession.csrfToken(form.body()) + "&roleCode=R8000&orgCode=" + newOrg
				+ "&appRole=CARE_COORDINATOR&scopeLevel=SITE&siteCode=BK-AYL";
		assertThat(browser.post("/admin/sign-in-mappings/new", add).body())
			.contains("Sign in again with your identity provider to confirm this change");
		assertThat(mappings.mappings()).noneMatch(m -> m.orgCode().equals(newOrg));

		// signing in again: the provider asks for the person's credentials (prompt=login), here its own sign-in form
		HttpResponse<String> providerForm = browser.get("/account/sign-in-again?to=/admin/sign-in-mappings/new");
		assertThat(providerForm.uri().getPath()).endsWith("/authorize");
		assertThat(providerForm.uri().getQuery()).contains("prompt=login").contains("max_age=0");
		assertThat(providerForm.body()).contains("name=\"username\"");
		Map<String, Object> again = new LinkedHashMap<>(claims);
		again.put("auth_time", Instant.now().getEpochSecond());
		String claimsJson = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(again);
		HttpResponse<String> back = browser.post(providerForm.uri().toString(), "username="
				+ java.net.URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&claims="
				+ java.net.URLEncoder.encode(claimsJson, StandardCharsets.UTF_8));
		assertThat(back.uri().getPath()).isEqualTo("/admin/sign-in-mappings/new");
		assertThat(back.body()).contains("Confirmed");
		add = add.replaceFirst("_csrf=[^&]+", "_csrf=" + HttpSession.csrfToken(back.body()));
		assertThat(browser.post("/admin/sign-in-mappings/new", add).uri().getPath()).isEqualTo("/admin/sign-in-mappings");
		assertThat(mappings.mappings()).anyMatch(m -> m.orgCode().equals(newOrg) && m.appRole() == Role.CARE_COORDINATOR);
		assertThat(adminActions("SIGN_IN_MAPPING_ADDED", "R8000 at " + newOrg)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT username FROM audit.admin_action WHERE action = 'SIGN_IN_MAPPING_ADDED' AND target = ?")
			.param("R8000 at " + newOrg).query(String.class).single()).isEqualTo(email);
	}

}
