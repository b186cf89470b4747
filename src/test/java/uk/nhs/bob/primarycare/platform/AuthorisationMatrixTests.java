package uk.nhs.bob.primarycare.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.RouteCatalog;
import uk.nhs.bob.primarycare.RouteCatalog.Route;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.Role;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every route (from the handler mappings) for every demo user and no user, with addresses in and out of each user's
 * scope (found on the pages of users of every Place). What must never happen:
 * <ul>
 * <li>a route outside the small public list answering anyone who has not signed in;</li>
 * <li>a service account (APIs only) getting a page, or anyone but an ICB administrator the administration pages,
 * the audit log or the audit API;</li>
 * <li>a page or API showing a person (an NHS number of the population) to a user whose role sees no identifiable
 * data (Place delivery teams) or whose organisation scope does not cover the person's registered practice.</li>
 * </ul>
 * GET routes are tried by everyone; POST routes by those who are refused before anything runs (no sign-in, service
 * accounts on pages, wrong roles on administration pages), so the matrix changes no data.
 */
@IntegrationTest
class AuthorisationMatrixTests {

	/** Routes anyone may reach without signing in. */
	static final Set<String> PUBLIC = Set.of("/login", "/request", "/request/sent/{reference}", "/error",
			"/accessibility", "/privacy");

	static final List<String> ADMIN_ONLY_PREFIXES = List.of("/admin/", "/audit", "/api/v1/audit");

	static final String SERVICE_ACCOUNT = "api-client";

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
		usernames.add(SERVICE_ACCOUNT);
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
				for (String username : usernames) {
					StaffUser user = staff.get(username);
					boolean adminOnly = ADMIN_ONLY_PREFIXES.stream().anyMatch(route.pattern()::startsWith);
					boolean serviceOnPage = user.hasRole(Role.API_CLIENT) && !route.api()
							&& !PUBLIC.contains(route.pattern());
					if (route.method().equals("POST") && !(serviceOnPage || (adminOnly && !user.hasRole(Role.ICB_ADMIN)))) {
						continue;
					}
					if (sample.owner() != null && !placeOf(staff.get(sample.owner())).equals(placeOf(user))) {
						outOfScope++;
					}
					MockHttpServletResponse response = send(route, sample.url(), principals.get(username));
					tried++;
					int status = response.getStatus();
					boolean success = status >= 200 && status < 300;
					if (serviceOnPage && success) {
						unexpected.add(username + " (service account) " + route + " " + sample.url() + " -> " + status);
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
									Role.INT_MEMBER, Role.ICB_ADMIN, Role.API_CLIENT);
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
				+ "addresses), %d users and no user, %d requests (%d out of the user's Place), %d unexpected answers%n",
				routesTried.size(), resolved, withVariables, usernames.size(), tried, outOfScope, unexpected.size());
		routes.stream()
			.filter(r -> r.hasVariables() && !samples.containsKey(r.pattern()))
			.forEach(r -> System.out.println("  no page links to " + r));
		assertThat(unexpected).as("requests answered that should have been refused").isEmpty();
		assertThat(routesTried).as("routes discovered").hasSizeGreaterThan(80);
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
		if (route.api()) {
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
		String lower = body.toLowerCase(java.util.Locale.UK);
		return url.contains(nhsNumber)
				&& (familyName == null || !lower.contains(familyName.toLowerCase(java.util.Locale.UK)))
				&& (practice == null || !body.contains(practice.name()));
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
