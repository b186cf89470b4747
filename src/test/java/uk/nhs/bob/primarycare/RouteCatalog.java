package uk.nhs.bob.primarycare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.server.PathContainer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every route of the application, read from Spring MVC's handler mappings (never a hand-kept list), and real
 * addresses for the routes with path variables, found by following the links and form actions of the pages each
 * demo user sees. Routes added later are picked up the same way. Shared by the authorisation matrix, the audit
 * completeness test and the malformed-input sweep; the crawl runs once per test run.
 */
public final class RouteCatalog {

	/** Demo users whose pages are crawled for addresses: one or more per role and Place. */
	public static final List<String> CRAWLED_USERS = List.of("admin", "coordinator", "coordinator-oxon",
			"coordinator-berks", "supervisor", "supervisor-oxon", "supervisor-berks", "neighbourhood",
			"neighbourhood-bucks", "neighbourhood-berks", "delivery", "delivery-bucks", "delivery-oxon");

	/** Visits per user: enough to reach every kind of page, bounded so the crawl stays quick. */
	static final int MAX_VISITS_PER_USER = 120;

	/** Addresses kept per route and user. */
	static final int SAMPLES_PER_ROUTE = 2;

	private static final Pattern HREF = Pattern.compile("(href|action)=\"(/[^\"#]*)\"");

	/** NHS numbers as pages show them (943 476 5919) or in links (9434765919). */
	public static final Pattern NHS_NUMBER = Pattern.compile("(?<![\\d-])(\\d{3}) ?(\\d{3}) ?(\\d{4})(?![\\d-])");

	/** A route: one HTTP method and one path pattern of a handler method. */
	public record Route(String method, String pattern, HandlerMethod handler) {

		public boolean api() {
			return pattern.startsWith("/api/");
		}

		public boolean restController() {
			return handler.getBeanType().isAnnotationPresent(RestController.class);
		}

		public boolean hasVariables() {
			return pattern.contains("{");
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

	private static List<Route> routes;

	private static Map<String, Map<String, List<String>>> samples;

	private static Map<String, Set<String>> shownNhsNumbers;

	private RouteCatalog() {
	}

	/** Every method and pattern the application's controllers answer. */
	public static synchronized List<Route> routes(RequestMappingHandlerMapping mapping) {
		if (routes == null) {
			List<Route> found = new ArrayList<>();
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = entry.getKey();
				Set<String> patterns = info.getPatternValues();
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : patterns) {
					if (methods.isEmpty()) {
						found.add(new Route("GET", pattern, entry.getValue()));
						found.add(new Route("POST", pattern, entry.getValue()));
					}
					for (RequestMethod method : methods) {
						found.add(new Route(method.name(), pattern, entry.getValue()));
					}
				}
			}
			found.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(Route::method));
			routes = List.copyOf(found);
		}
		return routes;
	}

	/**
	 * Real addresses by route pattern and by the user who saw them (links and form actions of the pages each crawled
	 * user reaches from the start page). A user's addresses are in their scope.
	 */
	public static synchronized Map<String, Map<String, List<String>>> samples(MockMvc mvc,
			UserDetailsService users, List<Route> routes) {
		if (samples == null) {
			crawl(mvc, users, routes);
		}
		return samples;
	}

	/** The NHS numbers each crawled user saw on their pages: people in their scope. */
	public static synchronized Map<String, Set<String>> shownNhsNumbers(MockMvc mvc, UserDetailsService users,
			List<Route> routes) {
		if (samples == null) {
			crawl(mvc, users, routes);
		}
		return shownNhsNumbers;
	}

	private static void crawl(MockMvc mvc, UserDetailsService users, List<Route> routes) {
		Map<String, PathPattern> patterns = new LinkedHashMap<>();
		for (Route route : routes) {
			patterns.putIfAbsent(route.pattern(), PathPatternParser.defaultInstance.parse(route.pattern()));
		}
		Map<String, Map<String, List<String>>> found = new LinkedHashMap<>();
		Map<String, Set<String>> numbers = new LinkedHashMap<>();
		for (String username : CRAWLED_USERS) {
			var principal = users.loadUserByUsername(username);
			Deque<String> queue = new ArrayDeque<>(List.of("/"));
			Set<String> seen = new HashSet<>(queue);
			Map<String, Integer> visitsPerPattern = new LinkedHashMap<>();
			Set<String> shown = new LinkedHashSet<>();
			int visits = 0;
			while (!queue.isEmpty() && visits < MAX_VISITS_PER_USER) {
				String url = queue.poll();
				visits++;
				String body;
				try {
					MvcResult result = mvc.perform(get(url).with(user(principal)).accept("text/html")).andReturn();
					if (Boolean.getBoolean("routes.debug")) {
						System.out.println("crawl " + username + " " + url + " -> " + result.getResponse().getStatus());
					}
					String location = result.getResponse().getRedirectedUrl();
					if (result.getResponse().getStatus() == 302 && location != null && location.startsWith("/")
							&& !location.startsWith("/login") && seen.add(location)) {
						queue.addFirst(location);
					}
					if (result.getResponse().getStatus() != 200
							|| !String.valueOf(result.getResponse().getContentType()).startsWith("text/html")) {
						continue;
					}
					body = result.getResponse().getContentAsString();
				}
				catch (Exception ex) {
					continue;
				}
				Matcher nhs = NHS_NUMBER.matcher(body);
				while (nhs.find()) {
					shown.add(nhs.group(1) + nhs.group(2) + nhs.group(3));
				}
				Matcher links = HREF.matcher(body);
				while (links.find()) {
					boolean formAction = links.group(1).equals("action");
					String link = links.group(2).replace("&amp;", "&");
					String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
					Optional<String> pattern = match(patterns, path);
					if (pattern.isEmpty()) {
						continue;
					}
					Map<String, List<String>> byUser = found.computeIfAbsent(pattern.get(), p -> new LinkedHashMap<>());
					List<String> list = byUser.computeIfAbsent(username, u -> new ArrayList<>());
					if (list.size() < SAMPLES_PER_ROUTE && !list.contains(path)) {
						list.add(path);
					}
					// follow a few links of each kind, a kind not yet seen first, so every kind of page is reached
					// within the budget without visiting them all
					int visitsOfPattern = visitsPerPattern.getOrDefault(pattern.get(), 0);
					if (!formAction && visitsOfPattern < SAMPLES_PER_ROUTE && !path.startsWith("/logout")
							&& seen.add(link)) {
						visitsPerPattern.put(pattern.get(), visitsOfPattern + 1);
						if (visitsOfPattern == 0) {
							queue.addFirst(link);
						}
						else {
							queue.addLast(link);
						}
					}
				}
			}
			numbers.put(username, shown);
			// a person's own pages ({nhsNumber}) that no page links to: the people this user was shown
			for (String pattern : patterns.keySet()) {
				if (pattern.matches("[^{]*\\{nhsNumber}[^{]*") && !shown.isEmpty()) {
					found.computeIfAbsent(pattern, p -> new LinkedHashMap<>())
						.computeIfAbsent(username, u -> new ArrayList<>(
								List.of(pattern.replace("{nhsNumber}", shown.iterator().next()))));
				}
			}
		}
		samples = found;
		shownNhsNumbers = numbers;
	}

	private static Optional<String> match(Map<String, PathPattern> patterns, String path) {
		PathContainer container;
		try {
			container = PathContainer.parsePath(path);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		// the most specific pattern (fewest variables, longest) wins, as in Spring MVC
		return patterns.entrySet()
			.stream()
			.filter(e -> e.getValue().matches(container))
			.min(java.util.Comparator.comparing(Map.Entry::getValue, PathPattern.SPECIFICITY_COMPARATOR))
			.map(Map.Entry::getKey);
	}

	/** A route's pattern with its variables replaced by a value, for routes no page links to. */
	public static String fill(String pattern, String value) {
		return pattern.replaceAll("\\{[^}]+}", value);
	}

}
