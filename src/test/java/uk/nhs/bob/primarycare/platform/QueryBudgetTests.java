package uk.nhs.bob.primarycare.platform;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.StatementCounting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each main page runs at most its budget of SQL statements, counted over the whole request (session read, the
 * signed-in user, the page's reads, the audit entries, any session write), so that a query per row (N+1) cannot come
 * back unnoticed. A page is one line below: who signs in, the path (with a placeholder for demo data it needs) and
 * its budget. A page's second visit is counted: the first may create the CSRF token in the session. Budgets are the
 * counts measured when each was set; a request page reads the directory's data version once (the services, practices
 * and sites themselves are held in memory), however many kinds of service its navigation suggests; a programme
 * page reads the inputs of all its measure charts in one statement, however many it shows. The triage queues hold a
 * request of someone with no NHS number every time, whatever ran before: such rows are audited by their request
 * reference, in the statement that audits the page's people (once a statement each, so a queue's count grew with
 * requests other test classes had made).
 */
@IntegrationTest
class QueryBudgetTests {

	private static final Logger log = LoggerFactory.getLogger(QueryBudgetTests.class);

	private static final Map<String, HttpSession> SESSIONS = new ConcurrentHashMap<>();

	/** Demo data the paths refer to, by placeholder. */
	private static final Map<String, String> PLACEHOLDERS = Map.of(
			"{request}", "SELECT id::text FROM triage.request WHERE site_code = 'BK-AYL' AND status = 'OPEN' ORDER BY id LIMIT 1",
			"{person}", """
					SELECT p.nhs_number FROM population.person p
					JOIN directory.practice pr ON pr.ods_code = p.registered_practice
					JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code
					WHERE pc.site_code = 'BK-AYL' ORDER BY p.nhs_number LIMIT 1""",
			"{entry}", "SELECT id::text FROM neighbourhood.caseload_entry WHERE site_code = 'OX-CTY' ORDER BY id LIMIT 1",
			"{site}", "SELECT id::text FROM programme.programme_site WHERE place_code = '15A' ORDER BY id LIMIT 1");

	/** A request, made once per run, of someone the hub cannot match to a registered person, with a red flag. */
	private static final String UNREGISTERED_WITH_A_RED_FLAG = """
			{"givenName": "Bea", "familyName": "Budget", "dateOfBirth": "1980-02-03", "sex": "female",
			 "siteCode": "BK-AYL", "problem": "OTHER", "onset": "Started today", "redFlags": ["CHEST_PAIN"],
			 "contactPhone": "0118 496 0123"}""";

	private static boolean unregisteredRequestMade;

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

	@Autowired
	uk.nhs.bob.primarycare.ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	// The care plan reads 8 statements, and one more for each of its keyworker alerts, CVD risk flags and break-glass
	// uses that is not empty: which of those the demo entry has depends on what ran before, so its budget is 8 + 3.
	@ParameterizedTest(name = "{0} {1}: at most {2} statements")
	@CsvSource(delimiter = '|', textBlock = """
			coordinator   | /                                    | 3
			coordinator   | /triage                              | 7
			coordinator   | /triage/requests/{request}           | 9
			coordinator   | /population/people/{person}          | 10
			coordinator   | /cvd/worklist                        | 10
			coordinator   | /cvd                                 | 6
			coordinator   | /directory/services                  | 6
			supervisor    | /                                    | 3
			supervisor    | /triage/supervision                  | 6
			neighbourhood | /                                    | 3
			neighbourhood | /neighbourhood/teams/OX-CTY/caseload | 9
			neighbourhood | /neighbourhood/care-plans/{entry}    | 11
			delivery      | /                                    | 3
			delivery      | /programme                           | 8
			delivery      | /programme/sites/{site}              | 7
			admin         | /                                    | 2
			admin         | /audit                               | 3
			""")
	void pageStaysWithinItsStatementBudget(String username, String path, int budget) {
		unregisteredRequestInTheQueues();
		String page = resolve(path);
		HttpSession session = SESSIONS.computeIfAbsent(username, this::signIn);
		assertThat(session.get(page).statusCode()).as(page).isEqualTo(200);

		String key = UUID.randomUUID().toString();
		HttpResponse<String> response = session.get(page, StatementCounting.HEADER, key);
		assertThat(response.statusCode()).as(page).isEqualTo(200);
		List<String> statements = StatementCounting.statementsOf(key);
		log.info("{} {}: {} statements (budget {})", username, path, statements.size(), budget);
		assertThat(statements.size())
			.as("SQL statements run by %s for %s:%n%s", page, username, String.join("\n", statements))
			.isLessThanOrEqualTo(budget);
	}

	private void unregisteredRequestInTheQueues() {
		if (!unregisteredRequestMade) {
			assertThat(mvc.post()
				.uri("/api/v1/triage/requests")
				.with(tokens.bearer("triage.requests"))
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content(UNREGISTERED_WITH_A_RED_FLAG)).hasStatus(org.springframework.http.HttpStatus.CREATED)
				.bodyJson()
				.hasPathSatisfying("$.identity", identity -> assertThat(identity).isEqualTo("NOT_REGISTERED"));
			unregisteredRequestMade = true;
		}
	}

	private HttpSession signIn(String username) {
		HttpSession session = new HttpSession(port);
		assertThat(session.signIn(username, "demo-password").statusCode()).isEqualTo(302);
		return session;
	}

	private String resolve(String path) {
		String resolved = path;
		for (Map.Entry<String, String> placeholder : PLACEHOLDERS.entrySet()) {
			if (resolved.contains(placeholder.getKey())) {
				String value = jdbc.sql(placeholder.getValue())
					.query(String.class)
					.optional()
					.orElseThrow(() -> new IllegalStateException("No demo data for " + placeholder.getKey()));
				resolved = resolved.replace(placeholder.getKey(), value);
			}
		}
		return resolved;
	}

}
