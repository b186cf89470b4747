package uk.nhs.bob.primarycare.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.RouteCatalog;
import uk.nhs.bob.primarycare.RouteCatalog.Route;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.ApiScope;
import uk.nhs.bob.primarycare.identity.IdentityDemoData;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every route (from the handler mappings) for every demo user, a system with access tokens and no one, with
 * addresses in and out of each user's scope (found on the pages of users of every Place). What must never happen:
 * <ul>
 * <li>a route outside the small public list answering anyone who has not signed in;</li>
 * <li>an access token opening a page, or a member of staff's page sign-in opening an API;</li>
 * <li>an API answering a token without its scope, or refusing a token with it (one scope per capability: a token
 * with every scope but the route's is refused);</li>
 * <li>anyone but an ICB administrator getting the administration pages or the audit log;</li>
 * <li>a page showing a person (an NHS number of the population) to a user whose role sees no identifiable data
 * (Place delivery teams) or whose organisation scope does not cover the person's registered practice.</li>
 * </ul>
 * GET routes are tried by everyone; POST routes by those who are refused before anything runs (no sign-in, tokens on
 * pages, wrong roles on administration pages, tokens without the scope, staff on APIs), so the matrix changes no data.
 */
@IntegrationTest
class AuthorisationMatrixTests {

	/** Routes anyone may reach without signing in. */
	static final Set<String> PUBLIC = Set.of("/login", "/request", "/request/sent/{reference}", "/error",
			"/accessibility", "/privacy", "/sign-in/no-access");

	static final List<String> ADMIN_ONLY_PREFIXES = List.of("/admin/", "/audit");

	/** APIs any valid token opens: the caller's own details and the API document. Every other API has a scope. */
	static final List<String> SCOPE_FREE = List.of("/api/v1/me", "/api/v1/openapi");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	StaffUsers staffUsers;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void noRouteAnswersAnyoneItShouldNot() throws Exception {
		List<Route> routes = RouteCatalog.routes(mapping);
		Map<String, Map<String, List<String>>> samples = RouteCatalog.samples(mvc, userDetails, routes);
		Map<String, String> practiceOf = new HashMap<>();
		Map<String, String> familyNameOf = new HashMap<>();
		jdbc.sql("SELECT nhs_number, registered_practice, family_name FROM population.person").query((rs, i) -> {
			familyNameOf.put(rs.getString(1), rs.getString(3));
			return practiceOf.put(rs.getString(1), rs.getString(2));
		}).list();
		Map<String, PracticeSummary> practices = new HashMap<>();
		directory.practices().forEach(p -> practices.put(p.odsCode().value(), p));
		List<String> usernames = new ArrayList<>(RouteCatalog.CRAWLED_USERS);
		String everyScope = tokens.token();
		Map<String, StaffUser> staff = new HashMap<>();
		Map<String, UserDetails> principals = new HashMap<>();
		for (String username : usernames) {
			staff.put(username, staffUsers.find(username).orElseThrow());
			principals.put(username, userDetails.loadUserByUsername(username));
		}

		int tried = 0;
		int outOfScope = 0;
		Set<String> routesTried = new LinkedHashSet<>();
		List<String> unexpected = new ArrayList<>();
		for (Route route : routes) {
			List<Sample> urls = urls(route, samples);
			routesTried.add(route.toString());
			for (Sample sample : urls) {
				// no sign-in
				MockHttpServletResponse anonymous = send(route, sample.url(), null);
				tried++;
				if (!PUBLIC.contains(route.pattern()) && !refusedAnonymous(route, anonymous)) {
					unexpected.add("anonymous " + route + " " + sample.url() + " -> " + anonymous.getStatus());
				}
				tried += systemTries(route, sample.url(), everyScope, unexpected);
				for (String username : usernames) {
					StaffUser user = staff.get(username);
					boolean adminOnly = ADMIN_ONLY_PREFIXES.stream().anyMatch(route.pattern()::startsWith);
					if (route.method().equals("POST") && !(route.api() || (adminOnly && !user.hasRole(Role.ICB_ADMIN)))) {
						continue;
					}
					if (sample.owner() != null && !placeOf(staff.get(sample.owner())).equals(placeOf(user))) {
						outOfScope++;
					}
					MockHttpServletResponse response = send(route, sample.url(), principals.get(username));
					tried++;
					int status = response.getStatus();
					boolean success = status >= 200 && status < 300;
					if (route.api() && success) {
						unexpected.add(username + " (page sign-in) " + route + " " + sample.url() + " -> " + status);
					}
					if (adminOnly && success && !user.hasRole(Role.ICB_ADMIN)) {
						unexpected.add(username + " " + route + " " + sample.url() + " -> " + status + " (administrators only)");
					}
					if (success) {
						for (String nhsNumber : peopleShown(response.getContentAsString(), practiceOf)) {
							PracticeSummary practice = practices.get(practiceOf.get(nhsNumber));
							if (echoOnly(sample.url(), response.getContentAsString(), nhsNumber,
									familyNameOf.get(nhsNumber), practice)) {
								continue;
							}
							boolean roleMaySee = user.hasAnyRole(Role.CARE_COORDINATOR, Role.CLINICAL_SUPERVISOR,
									Role.INT_MEMBER, Role.ICB_ADMIN);
							if (!roleMaySee || practice == null || !user.canSee(practice)) {
								unexpected.add(username + " " + route + " " + sample.url() + " -> " + status
										+ " shows NHS number " + nhsNumber + " registered at "
										+ (practice == null ? "?" : practice.name()));
								break;
							}
						}
					}
				}
			}
		}
		long withVariables = routes.stream().filter(Route::hasVariables).count();
		long resolved = routes.stream().filter(r -> r.hasVariables() && samples.containsKey(r.pattern())).count();
		System.out.printf("Authorisation matrix: %d routes (%d of %d with path variables reached through real "
				+ "addresses), %d users, a system and no one, %d requests (%d out of the user's Place), %d unexpected "
				+ "answers%n",
				routesTried.size(), resolved, withVariables, usernames.size(), tried, outOfScope, unexpected.size());
		routes.stream()
			.filter(r -> r.hasVariables() && !samples.containsKey(r.pattern()))
			.forEach(r -> System.out.println("  no page links to " + r));
		assertThat(unexpected).as("requests answered that should have been refused").isEmpty();
		assertThat(routesTried).as("routes discovered").hasSizeGreaterThan(80);
	}

	@Test
	void aNumberOnlyEchoedIsNoDisclosureButTheRecordsNameOrPracticeIs() {
		String url = "/triage/requests/new/person/9990003378";
		String echoed = "<input type=\"hidden\" name=\"_csrf\" value=\"pJ2-xLAMq_8\"><p>Islamabad</p>"
				+ "<input id=\"nhsNumber\" value=\"9990003378\">";
		assertThat(echoOnly(url, echoed, "9990003378", "Lam", null)).isTrue();
		assertThat(echoOnly(url, echoed + "<p>LAM, Wei</p>", "9990003378", "Lam", null)).isFalse();
		assertThat(echoOnly("/elsewhere", echoed, "9990003378", "Lam", null)).isFalse();
	}

	/**
	 * A system's tokens on the route: on a page, a token with every scope must get nothing; on an API, a token with
	 * every scope but the route's is refused (403), and a token with the route's scope is let through (GET only, so
	 * no data changes).
	 */
	private int systemTries(Route route, String url, String everyScope, List<String> unexpected) throws Exception {
		if (!route.api()) {
			if (PUBLIC.contains(route.pattern())) {
				return 0;
			}
			int status = sendWithToken(route, url, everyScope).getStatus();
			if (status >= 200 && status < 300) {
				unexpected.add("system token on page " + route + " " + url + " -> " + status);
			}
			return 1;
		}
		Optional<ApiScope> needed = scopeOf(url);
		if (needed.isEmpty() && SCOPE_FREE.stream().noneMatch(route.pattern()::startsWith)) {
			unexpected.add("API route without a scope of its own (add it to ApiScope): " + route);
		}
		if (needed.isEmpty()) {
			// the caller's own details and the API document: any token
			int status = sendWithToken(route, url, everyScope).getStatus();
			if (status == 401 || status == 403) {
				unexpected.add("system token refused by " + route + " " + url + " -> " + status);
			}
			return 1;
		}
		String[] others = Arrays.stream(ApiScope.values())
			.filter(scope -> scope != needed.get())
			.map(ApiScope::value)
			.toArray(String[]::new);
		int tries = 1;
		int without = sendWithToken(route, url, tokens.token(others)).getStatus();
		if (without != 403) {
			unexpected.add("token without " + needed.get().value() + " on " + route + " " + url + " -> " + without);
		}
		if (route.method().equals("GET")) {
			tries++;
			int with = sendWithToken(route, url, tokens.token(needed.get().value())).getStatus();
			if (with == 401 || with == 403) {
				unexpected.add("token with " + needed.get().value() + " refused by " + route + " " + url + " -> " + with);
			}
		}
		return tries;
	}

	static Optional<ApiScope> scopeOf(String url) {
		PathContainer path = PathContainer.parsePath(url);
		return Arrays.stream(ApiScope.values())
			.filter(scope -> scope.paths().stream().anyMatch(p -> PathPatternParser.defaultInstance.parse(p).matches(path)))
			.findFirst();
	}

	private MockHttpServletResponse sendWithToken(Route route, String url, String token) throws Exception {
		var request = route.method().equals("GET") ? get(url) : post(url).with(csrf());
		request.accept(route.api() ? "application/json" : "text/html");
		request.with(ApiTokens.withToken(token));
		return mvc.perform(request).andReturn().getResponse();
	}

	/**
	 * The token endpoint and its companions (Spring Authorization Server's filters, so not among the handler
	 * mappings' routes): only a registered client proving who it is gets a token; no one, a member of staff signed in
	 * to the pages and an access token all get 401 and no token; no client gets an authorization code; the key set
	 * and the metadata are public and hold no private key.
	 */
	@Test
	void theTokenEndpointAnswersRegisteredClientsOnly() throws Exception {
		String clientCredentials = "client_credentials";
		List<String> refused = new ArrayList<>();
		java.util.function.BiConsumer<String, MockHttpServletResponse> expect401 = (who, response) -> {
			if (response.getStatus() != 401 || new String(response.getContentAsByteArray(),
					java.nio.charset.StandardCharsets.UTF_8).contains("access_token")) {
				refused.add(who + " -> " + response.getStatus());
			}
		};
		expect401.accept("no one", mvc.perform(post("/oauth2/token").param("grant_type", clientCredentials))
			.andReturn()
			.getResponse());
		// members of staff signed in to the pages for real (a session cookie), as a browser would send it
		for (String username : List.of("admin", "coordinator", "delivery")) {
			HttpSession browser = new HttpSession(port);
			assertThat(browser.signIn(username, IdentityDemoData.DEMO_PASSWORD).headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
			var answer = browser.postForm("/oauth2/token", "grant_type=" + clientCredentials);
			if (answer.statusCode() != 401 || answer.body().contains("access_token")) {
				refused.add(username + " signed in -> " + answer.statusCode());
			}
		}
		expect401.accept("an access token", mvc
			.perform(post("/oauth2/token").with(ApiTokens.withToken(tokens.token())).param("grant_type", clientCredentials))
			.andReturn()
			.getResponse());
		for (String endpoint : List.of("/oauth2/introspect", "/oauth2/revoke")) {
			expect401.accept("no one at " + endpoint, mvc.perform(post(endpoint).param("token", tokens.token()))
				.andReturn()
				.getResponse());
		}
		assertThat(refused).as("token endpoints answering someone other than a client").isEmpty();

		// a client may use client credentials only: no authorization code for anyone, signed in or not
		for (UserDetails who : java.util.Arrays.asList(null, userDetails.loadUserByUsername("admin"))) {
			var authorize = get("/oauth2/authorize").param("response_type", "code")
				.param("client_id", "api-client")
				.param("scope", "triage.requests")
				.param("redirect_uri", "https://attacker.example/callback");
			if (who != null) {
				authorize.with(user(who));
			}
			MockHttpServletResponse response = mvc.perform(authorize).andReturn().getResponse();
			assertThat(String.valueOf(response.getRedirectedUrl())).doesNotContain("attacker.example", "code=");
			assertThat(response.getStatus()).isBetween(400, 499);
		}

		MockHttpServletResponse jwks = mvc.perform(get("/oauth2/jwks")).andReturn().getResponse();
		assertThat(jwks.getStatus()).isEqualTo(200);
		assertThat(jwks.getContentAsString()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":", "\"p\":");
		assertThat(mvc.perform(get("/.well-known/oauth-authorization-server")).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		// and the one that may: a registered client with its secret
		assertThat(tokens.request("api-client", "demo-password", "triage.navigation").getStatus()).isEqualTo(200);
	}

	record Sample(String url, String owner) {
	}

	/** The addresses to try: those found on users' pages (every Place), or the pattern filled in when none were. */
	static List<Sample> urls(Route route, Map<String, Map<String, List<String>>> samples) {
		if (!route.hasVariables()) {
			return List.of(new Sample(route.pattern(), null));
		}
		List<Sample> urls = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		samples.getOrDefault(route.pattern(), Map.of()).forEach((owner, list) -> list.stream()
			.limit(1)
			.filter(seen::add)
			.forEach(url -> urls.add(new Sample(url, owner))));
		if (urls.isEmpty()) {
			urls.add(new Sample(RouteCatalog.fill(route.pattern(), "1"), null));
		}
		return urls;
	}

	private MockHttpServletResponse send(Route route, String url, UserDetails principal) throws Exception {
		var request = route.method().equals("GET") ? get(url) : post(url).with(csrf());
		request.accept(route.api() ? "application/json" : "text/html");
		if (principal != null) {
			request.with(user(principal));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private static boolean refusedAnonymous(Route route, MockHttpServletResponse response) {
		// callbacks from other services (GOV.UK Notify's receipts) answer 401 like the APIs: no sign-in page
		if (route.api() || route.pattern().startsWith("/callbacks/")) {
			return response.getStatus() == 401;
		}
		return response.getStatus() == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login")
				|| response.getStatus() == 403;
	}

	/**
	 * Whether the page only gives back the NHS number the caller put in the address (a form that keeps what was
	 * typed), showing nothing the record holds: neither the person's family name nor their practice.
	 */
	static boolean echoOnly(String url, String body, String nhsNumber, @org.jspecify.annotations.Nullable String familyName,
			@org.jspecify.annotations.Nullable PracticeSummary practice) {
		// hidden fields carry random tokens (the sign-out form's CSRF token), where a short family name such as "Lam"
		// turns up by chance; the name itself counts only as a whole word
		String shown = body.replaceAll("(?is)<input[^>]*type=\"hidden\"[^>]*>", "");
		boolean named = familyName != null && java.util.regex.Pattern
			.compile("(?<!\\p{L})" + java.util.regex.Pattern.quote(familyName) + "(?!\\p{L})",
					java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE)
			.matcher(shown)
			.find();
		return url.contains(nhsNumber) && !named && (practice == null || !body.contains(practice.name()));
	}

	/** NHS numbers of people in the population that the page shows. */
	static Set<String> peopleShown(String body, Map<String, String> practiceOf) {
		Set<String> shown = new LinkedHashSet<>();
		Matcher matcher = RouteCatalog.NHS_NUMBER.matcher(body);
		while (matcher.find()) {
			String number = matcher.group(1) + matcher.group(2) + matcher.group(3);
			if (practiceOf.containsKey(number)) {
				shown.add(number);
			}
		}
		return shown;
	}

	private String placeOf(StaffUser user) {
		return switch (user.scope().level()) {
			case ICB -> "ICB";
			case PLACE -> String.valueOf(user.scope().code());
			case SITE -> directory.site(String.valueOf(user.scope().code())).map(s -> s.placeCode()).orElse("?");
			case PCN -> directory.pcn(String.valueOf(user.scope().code())).map(p -> p.placeCode()).orElse("?");
		};
	}

}
