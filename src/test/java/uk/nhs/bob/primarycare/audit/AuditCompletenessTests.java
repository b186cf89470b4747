package uk.nhs.bob.primarycare.audit;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.RouteCatalog;
import uk.nhs.bob.primarycare.RouteCatalog.Route;
import uk.nhs.bob.primarycare.identity.IdentityDemoData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every route that shows a person writes an audit entry for that person: each GET route (from the handler mappings)
 * is opened at real addresses by users who reach it, and every NHS number of the population on the answer must have
 * an entry for that user written by that request. Requests for people without an NHS number are named by their
 * reference, so those shown must have entries by reference. Routes with a {@code search} parameter are also tried as
 * a search for a person the user may see. Only the audit trail's own pages are left out: they show the trail.
 */
@IntegrationTest
class AuditCompletenessTests {

	/** The audit trail itself (ICB administrators only): showing its entries is not a view of a record. */
	static final List<String> NOT_RECORD_VIEWS = List.of("/audit", "/api/v1/audit");

	static final Pattern REFERENCE = Pattern.compile("\\bTR-[A-Z0-9-]+\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Test
	void everyRouteThatShowsAPersonAuditsIt() throws Exception {
		List<Route> routes = RouteCatalog.routes(mapping);
		Map<String, Map<String, List<String>>> samples = RouteCatalog.samples(mvc, userDetails, routes);
		Map<String, Set<String>> shownTo = RouteCatalog.shownNhsNumbers(mvc, userDetails, routes);
		Set<String> population = new HashSet<>(
				jdbc.sql("SELECT nhs_number FROM population.person").query(String.class).list());
		// a request's reference names its person: by NHS number when it has one, by the reference otherwise
		Map<String, String> personOfReference = new HashMap<>();
		jdbc.sql("SELECT reference, coalesce(nhs_number, reference) FROM triage.request")
			.query((rs, i) -> personOfReference.put(rs.getString(1), rs.getString(2)))
			.list();

		Set<String> rendering = new LinkedHashSet<>();
		Set<String> audited = new LinkedHashSet<>();
		List<String> missing = new ArrayList<>();
		for (Route route : routes) {
			if (!route.method().equals("GET") || NOT_RECORD_VIEWS.stream().anyMatch(route.pattern()::startsWith)) {
				continue;
			}
			for (Visit visit : visits(route, samples, shownTo, population)) {
				long before = lastEntry();
				// APIs are called by a system with an access token (every scope), and audited under its client id
				visit = route.api() ? new Visit(visit.url(), IdentityDemoData.DEMO_CLIENT_ID) : visit;
				MockHttpServletResponse response = mvc
					.perform(get(visit.url())
						.with(route.api() ? ApiTokens.withToken(tokens.token())
								: user(userDetails.loadUserByUsername(visit.username())))
						.accept(route.api() ? "application/json" : "text/html"))
					.andReturn()
					.getResponse();
				if (response.getStatus() != 200) {
					continue;
				}
				String body = response.getContentAsString();
				Set<String> people = new LinkedHashSet<>();
				Matcher nhs = RouteCatalog.NHS_NUMBER.matcher(body);
				while (nhs.find()) {
					String number = nhs.group(1) + nhs.group(2) + nhs.group(3);
					if (population.contains(number)) {
						people.add(number);
					}
				}
				Set<String> references = new LinkedHashSet<>();
				Matcher reference = REFERENCE.matcher(body);
				while (reference.find()) {
					if (personOfReference.containsKey(reference.group())) {
						references.add(personOfReference.get(reference.group()));
					}
				}
				if (people.isEmpty() && references.isEmpty()) {
					continue;
				}
				rendering.add(route.toString());
				Set<String> entries = new HashSet<>(jdbc
					.sql("SELECT coalesce(nhs_number, request_reference) FROM audit.record_view "
							+ "WHERE id > ? AND lower(username) = lower(?)")
					.params(before, visit.username())
					.query(String.class)
					.list());
				Set<String> notAudited = new LinkedHashSet<>(people);
				notAudited.addAll(references);
				notAudited.removeAll(entries);
				if (notAudited.isEmpty()) {
					audited.add(route.toString());
				}
				else {
					missing.add(route + " " + visit.url() + " as " + visit.username() + ": " + notAudited.size()
							+ " of " + (people.size() + references.size()) + " people shown have no entry, e.g. "
							+ notAudited.iterator().next());
				}
			}
		}
		System.out.printf("Audit completeness: %d routes show people; %d of them audited every person shown%n",
				rendering.size(), audited.size());
		rendering.forEach(r -> System.out.println("  shows people: " + r));
		assertThat(missing).as("people shown without an audit entry").isEmpty();
		assertThat(rendering).as("routes found showing people").hasSizeGreaterThanOrEqualTo(12);
	}

	record Visit(String url, String username) {
	}

	/**
	 * Where to open a route and as whom: each address a user found on their own pages, the route itself when it has
	 * no variables (as every crawled user), and a search for a person the user saw when it takes a search parameter.
	 */
	private List<Visit> visits(Route route, Map<String, Map<String, List<String>>> samples,
			Map<String, Set<String>> shownTo, Set<String> population) {
		List<Visit> visits = new ArrayList<>();
		if (route.hasVariables()) {
			samples.getOrDefault(route.pattern(), Map.of())
				.forEach((username, urls) -> urls.stream().limit(1).forEach(url -> visits.add(new Visit(url, username))));
			// care plans as FHIR: no page links to them, so real plans are taken from the database
			if (route.pattern().equals("/api/v1/care-plans/{id}")) {
				jdbc.sql("SELECT care_plan_id FROM neighbourhood.caseload_entry WHERE care_plan_id IS NOT NULL LIMIT 3")
					.query(String.class)
					.list()
					.forEach(id -> visits.add(new Visit("/api/v1/care-plans/" + id, IdentityDemoData.DEMO_CLIENT_ID)));
			}
			return visits;
		}
		boolean search = false;
		for (Parameter parameter : route.handler().getMethod().getParameters()) {
			RequestParam param = parameter.getAnnotation(RequestParam.class);
			if (param != null && "search".equals(param.name().isEmpty() ? param.value() : param.name())) {
				search = true;
			}
		}
		Map<String, String> oneEach = new HashMap<>();
		for (String username : RouteCatalog.CRAWLED_USERS) {
			visits.add(new Visit(route.pattern(), username));
			if (search) {
				shownTo.getOrDefault(username, Set.of())
					.stream()
					.filter(population::contains)
					.findFirst()
					.ifPresent(number -> oneEach.put(username, number));
			}
		}
		oneEach.forEach((username, number) -> visits
			.add(new Visit(route.pattern() + "?search=1&nhsNumber=" + number, username)));
		return visits;
	}

	private long lastEntry() {
		return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit.record_view").query(Long.class).single();
	}

}
