package uk.nhs.bob.primarycare.platform;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.RouteCatalog;
import uk.nhs.bob.primarycare.RouteCatalog.Route;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * No 500 for anything a client can send. Every route from the handler mappings gets malformed input as a user who
 * reaches it: control characters (NUL among them), huge and over-long values, wrong types, tampered enum values and
 * path variables, nested and indexed parameter names, missing fields, a form posted as JSON and, for APIs, broken
 * JSON, wrong types, unknown fields and NUL inside strings. Field names come from the handler methods' parameters
 * (request parameters, form records, JSON body records). A second pass through the real server sends what only
 * Tomcat parses: a NUL in the path, a broken multipart body to every POST route, and {@code /error} asked for
 * directly. Any 5xx, or an answer naming a Java type, fails.
 */
@IntegrationTest
class HostileInputSweepTests {

	static final List<String> VALUES = List.of("a\u0000b", "x\u0007y", "z".repeat(25_000), "w".repeat(600), "12abc",
			"-1", "99999999999999999999", "NOT_A_VALUE", "31/02/2026", "<script>alert(1)</script>", "");

	static final List<String> PATH_VALUES = List.of("\u0000", "abc", "-1", "99999999999999999999", "v".repeat(300),
			"00000000-0000-0000-0000-000000000000");

	static final List<String> BROKEN_JSON = List.of("{", "[]", "null", "{\"a\":", "\"text\"", "{\"x\": 1}}",
			"{\"a\": \"\\u0000\"}");

	/** Words that mean an answer shows the code's insides to the client. */
	static final List<String> LEAKS = List.of("java.lang", "java.util", "Exception", "org.springframework",
			"tools.jackson", "null bean instance");

	static final List<String> USERS = List.of("admin", "coordinator", "supervisor", "neighbourhood", "delivery");

	/** The demo administrator, whose place the sweep's own administrator takes. */
	static final String DEMO_ADMIN = "admin";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	ApiTokens tokens;

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	/** The user the administrators' user routes are swept against: never a demo user other tests sign in as. */
	private static String targetUserId = "0";

	/**
	 * The administrator the sweep acts as instead of the demo one: the sweep's malformed re-authentication passwords
	 * are throttled per account (from any client), so as the demo administrator they would leave that account
	 * "Too many wrong passwords" for every later test in the shared context.
	 */
	private static String sweepAdmin;

	private final AtomicInteger client = new AtomicInteger();

	private final List<String> failures = new ArrayList<>();

	private int sent;

	@org.junit.jupiter.api.BeforeEach
	void throwawayUserForTheUserRoutes() {
		// an empty POST to /admin/users/{id}/disable is well-formed: swept against a demo user, it would disable them
		// for every later test in the shared context
		jdbc.sql("""
				INSERT INTO identity.staff_user (username, display_name, password_hash, scope_level, scope_code)
				VALUES ('sweep-target', 'Sweep Target', '{noop}not-a-password-anyone-uses', 'ICB', NULL)
				ON CONFLICT DO NOTHING""").update();
		targetUserId = String.valueOf(
				jdbc.sql("SELECT id FROM identity.staff_user WHERE username = 'sweep-target'").query(Long.class).single());
		if (sweepAdmin == null) {
			sweepAdmin = IdentityFixtures.staffUser(context, "sweep-admin", Role.ICB_ADMIN, OrganisationScope.ICB);
		}
	}

	/** A user by name, with the sweep's own administrator for the demo one. */
	private UserDetails load(String username) {
		return userDetails.loadUserByUsername(username.equals(DEMO_ADMIN) ? sweepAdmin : username);
	}

	@Test
	void noMalformedInputGetsAServerError() throws Exception {
		List<Route> routes = RouteCatalog.routes(mapping);
		Map<String, Map<String, List<String>>> samples = RouteCatalog.samples(mvc, userDetails, routes);
		for (Route route : routes) {
			UserDetails who = userWithAccess(route, samples);
			String url = sampleUrl(route, samples);
			Set<String> fields = fields(route);
			for (String value : VALUES) {
				Map<String, String> params = new LinkedHashMap<>();
				fields.forEach(field -> params.put(field, value));
				send(route, url, who, params, null);
			}
			for (String field : fields) {
				send(route, url, who, Map.of(field, "w".repeat(600)), null);
				send(route, url, who, Map.of(field + "[0]", "x", field + ".bytes", "y"), null);
			}
			send(route, url, who, Map.of(), null);
			if (route.hasVariables()) {
				for (String value : PATH_VALUES) {
					send(route, RouteCatalog.fill(route.pattern(), java.net.URLEncoder
						.encode(value, java.nio.charset.StandardCharsets.UTF_8)), who, Map.of(), null);
				}
			}
			if (route.method().equals("POST")) {
				send(route, url, who, Map.of(), "{\"form\": true}");
				if (route.restController()) {
					for (String json : BROKEN_JSON) {
						send(route, url, who, Map.of(), json);
					}
					send(route, url, who, Map.of(), wrongTypes(route));
					send(route, url, who, Map.of(), jsonStrings(route, "a\u0000b"));
					send(route, url, who, Map.of(), jsonStrings(route, "q".repeat(100_000)));
				}
			}
		}
		int throughTomcat = throughTheServer(routes);
		System.out.printf("Malformed-input sweep: %d routes, %d requests through MockMvc and %d through the server, "
				+ "%d failures (5xx or Java names shown)%n", routes.size(), sent, throughTomcat, failures.size());
		assertThat(failures).isEmpty();
	}

	/** What only the servlet container parses: the path, multipart bodies, direct error dispatch. */
	private int throughTheServer(List<Route> routes) throws Exception {
		HttpSession session = new HttpSession(port);
		assertThat(session.signIn(sweepAdmin, IdentityFixtures.PASSWORD).statusCode()).isEqualTo(302);
		String token = HttpSession.csrfToken(session.get("/admin/users/new").body());
		HttpClient plain = HttpClient.newHttpClient();
		int count = 0;
		for (String path : List.of("/error", "/population/people/%00", "/request?x=%00", "/triage%00",
				"/directory/services?q=" + "%E2%80".repeat(3))) {
			HttpResponse<String> response = session.get(path);
			count++;
			check("GET " + path, response.statusCode(), response.body());
		}
		HttpResponse<String> error = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
			.build(), HttpResponse.BodyHandlers.ofString());
		count++;
		assertThat(error.statusCode()).as("/error asked for directly").isEqualTo(404);
		for (Route route : routes) {
			if (!route.method().equals("POST") || route.api()) {
				continue;
			}
			String url = RouteCatalog.fill(route.pattern(), "0");
			for (String body : List.of("--broken\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb",
					"no boundary at all", "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
							+ "\r\n--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n\u0000\r\n--")) {
				HttpResponse<String> response = session.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + url + "?_csrf=" + token))
					.header("Content-Type", "multipart/form-data; boundary=b")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build());
				count++;
				check("POST (multipart) " + url, response.statusCode(), response.body());
			}
		}
		return count;
	}

	private void send(Route route, String url, UserDetails who, Map<String, String> params, String json) {
		sent++;
		MockHttpServletRequestBuilder request = request(org.springframework.http.HttpMethod.valueOf(route.method()),
				URI.create(url.replace(" ", "%20")));
		request.accept(route.api() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
		// APIs take a system's access token with every scope; pages a signed-in member of staff
		request.with(route.api() ? ApiTokens.withToken(tokens.token()) : user(who)).with(csrf());
		int n = client.incrementAndGet();
		// a client address of its own per request, so sign-in attempts here throttle nobody else
		request.with(r -> {
			r.setRemoteAddr("10.77." + (n / 250 % 250) + "." + (n % 250 + 1));
			return r;
		});
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		params.forEach(request::param);
		String label = route + " " + url + " " + describe(params, json);
		try {
			MvcResult result = mvc.perform(request).andReturn();
			check(label, result.getResponse().getStatus(), result.getResponse().getContentAsString());
		}
		catch (Exception ex) {
			failures.add(label + " -> exception " + ex);
		}
	}

	private void check(String label, int status, String body) {
		if (status >= 500) {
			failures.add(label + " -> " + status);
		}
		else if (status >= 400) {
			for (String leak : LEAKS) {
				if (body.contains(leak)) {
					failures.add(label + " -> " + status + " shows '" + leak + "'");
					break;
				}
			}
		}
	}

	private static String describe(Map<String, String> params, String json) {
		String shown = json != null ? "json " + json : params.toString();
		shown = shown.replace("\u0000", "\\0").replace("\u0007", "\\a");
		return shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
	}

	/** Parameter names a route reads: request parameters, form record components and JSON body components. */
	static Set<String> fields(Route route) {
		Set<String> fields = new LinkedHashSet<>();
		for (Parameter parameter : route.handler().getMethod().getParameters()) {
			RequestParam param = parameter.getAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
						: parameter.getName();
				fields.add(name);
			}
			else if (parameter.getType().isRecord() && parameter.getAnnotation(PathVariable.class) == null
					&& parameter.getAnnotation(RequestBody.class) == null) {
				for (RecordComponent component : parameter.getType().getRecordComponents()) {
					fields.add(component.getName());
				}
			}
			else if (parameter.getAnnotation(ModelAttribute.class) != null) {
				fields.add(parameter.getName());
			}
		}
		return fields;
	}

	/** A JSON body with every component of the body record given a value of the wrong type. */
	static String wrongTypes(Route route) {
		StringBuilder json = new StringBuilder("{");
		for (RecordComponent component : bodyComponents(route)) {
			json.append(json.length() > 1 ? "," : "").append('"').append(component.getName()).append("\":");
			json.append(component.getType() == String.class ? "{\"nested\": [1, 2]}" : "\"not a number\"");
		}
		return json.append(",\"unknownField\": true}").toString().replace("{,", "{");
	}

	/** A JSON body with every text component of the body record set to the value. */
	static String jsonStrings(Route route, String value) {
		StringBuilder json = new StringBuilder("{");
		for (RecordComponent component : bodyComponents(route)) {
			if (component.getType() == String.class) {
				json.append(json.length() > 1 ? "," : "")
					.append('"')
					.append(component.getName())
					.append("\":\"")
					.append(value.replace("\u0000", "\\u0000"))
					.append('"');
			}
		}
		return json.append("}").toString();
	}

	private static List<RecordComponent> bodyComponents(Route route) {
		for (Parameter parameter : route.handler().getMethod().getParameters()) {
			if (parameter.getAnnotation(RequestBody.class) != null && parameter.getType().isRecord()) {
				return List.of(parameter.getType().getRecordComponents());
			}
		}
		return List.of();
	}

	/**
	 * A user who reaches the route: one whose pages link to it, otherwise the first demo user not refused it (APIs
	 * are called with a system's token instead).
	 */
	private UserDetails userWithAccess(Route route, Map<String, Map<String, List<String>>> samples) throws Exception {
		if (route.api()) {
			return load(DEMO_ADMIN);
		}
		Map<String, List<String>> byUser = samples.getOrDefault(route.pattern(), Map.of());
		if (!byUser.isEmpty()) {
			return load(byUser.keySet().iterator().next());
		}
		String url = sampleUrl(route, samples);
		for (String username : USERS) {
			UserDetails candidate = load(username);
			int status = mvc.perform(request(org.springframework.http.HttpMethod.valueOf(route.method()), URI.create(url))
				.with(user(candidate))
				.with(csrf())
				.with(r -> {
					r.setRemoteAddr("10.78.0." + (client.incrementAndGet() % 250 + 1));
					return r;
				})).andReturn().getResponse().getStatus();
			if (status != 403 && status != 401) {
				return candidate;
			}
		}
		return load(DEMO_ADMIN);
	}

	private static String sampleUrl(Route route, Map<String, Map<String, List<String>>> samples) {
		if (!route.hasVariables()) {
			return route.pattern();
		}
		if (route.pattern().startsWith("/admin/users/{")) {
			return RouteCatalog.fill(route.pattern(), targetUserId);
		}
		return samples.getOrDefault(route.pattern(), Map.of())
			.values()
			.stream()
			.flatMap(List::stream)
			.findFirst()
			.orElse(RouteCatalog.fill(route.pattern(), "0"));
	}

}
