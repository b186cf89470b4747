package uk.nhs.bob.primarycare.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import uk.nhs.bob.primarycare.HttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Sign-in throttling through the real server. Tomcat takes the client's address from X-Forwarded-For (the test's
 * requests come from 127.0.0.1, a trusted proxy address), so each test plays clients of its own and throttles no
 * other test. Failures from one client never stop the account signing in from another; unknown and real usernames
 * get the same answers; parallel attempts check at most five passwords and never fail with a server error. Each test
 * makes the accounts and the API client it signs in as.
 */
@IdentityModuleTest
class SignInThrottleTests {

	static final String PASSWORD = "rightful-owner-passphrase";

	static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@LocalServerPort
	int port;

	@Autowired
	StaffAccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository clients;

	/** A new system registered for the client-credentials grant with this secret; its client id. */
	String newApiClient(String secret) {
		String clientId = "throttle-system-" + UUID.randomUUID().toString().substring(0, 8);
		clients.save(org.springframework.security.oauth2.server.authorization.client.RegisteredClient
			.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientName("Throttled system (test)")
			.clientSecret(passwordEncoder.encode(secret))
			.clientAuthenticationMethod(
					org.springframework.security.oauth2.core.ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(org.springframework.security.oauth2.core.AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(ApiScope.values()[0].value())
			.build());
		return clientId;
	}

	String newUser(Role role) {
		String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(new StaffAccount(username, "Theo Throttle", passwordEncoder.encode(PASSWORD), EnumSet.of(role),
				OrganisationScope.ICB));
		return username;
	}

	static String newAddress() {
		int n = ADDRESSES.getAndIncrement();
		return "198.51." + (n / 250) + "." + (n % 250 + 1);
	}

	/** One browser: gets the sign-in page (for its session and CSRF token), then posts the form. */
	String signIn(String address, String username, String password) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String page = browser.send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-For", address).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String form = "username=" + username + "&password=" + password + "&_csrf=" + HttpSession.csrfToken(page);
		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/login"))
			.header("X-Forwarded-For", address)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("never a server error").isEqualTo(302);
		return response.headers().firstValue("Location").orElse("");
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	int failedSignIns(String username) {
		return jdbc.sql("SELECT failed_sign_ins FROM identity.staff_user WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

	@Test
	void parallelWrongPasswordsCheckAtMostFivePasswordsAndNeverFailWithAServerError() throws Exception {
		String username = newUser(Role.CARE_COORDINATOR);
		String attacker = newAddress();
		int parallel = 24;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(parallel);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < parallel; i++) {
				int attempt = i;
				Callable<String> task = () -> {
					start.await();
					return signIn(attacker, username, "guess-number-" + attempt);
				};
				answers.add(pool.submit(task));
			}
			start.countDown();
			List<String> locations = new ArrayList<>();
			for (Future<String> answer : answers) {
				locations.add(answer.get());
			}
			assertThat(locations).filteredOn(l -> l.endsWith("/login?error")).hasSize(5);
			assertThat(locations).filteredOn(l -> l.endsWith("/login?throttled")).hasSize(parallel - 5);
		}
		finally {
			pool.shutdownNow();
		}
		// exactly five passwords were checked, each failure counted by one atomic update
		assertThat(failedSignIns(username)).isEqualTo(5);
		assertThat(signIn(attacker, username, PASSWORD)).as("the attacker's client stays throttled")
			.endsWith("/login?throttled");
		assertThat(signIn(newAddress(), username, PASSWORD)).as("the owner, from elsewhere, signs in")
			.isEqualTo("/");
		assertThat(failedSignIns(username)).isZero();
	}

	@Test
	void anUnknownUsernameGetsTheSameAnswersAsARealOne() throws Exception {
		String real = newUser(Role.CLINICAL_SUPERVISOR);
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> realAnswers = new ArrayList<>();
		List<String> unknownAnswers = new ArrayList<>();
		String first = newAddress();
		String second = newAddress();
		for (int i = 0; i < 7; i++) {
			realAnswers.add(signIn(first, real, "wrong-" + i));
			unknownAnswers.add(signIn(second, unknown, "wrong-" + i));
		}
		assertThat(unknownAnswers).isEqualTo(realAnswers);
		assertThat(realAnswers).startsWith("/login?error").endsWith("/login?throttled");
	}

	@Test
	void aDisabledAccountGetsTheAnswerOfAWrongPassword() throws Exception {
		String username = newUser(Role.CARE_COORDINATOR);
		StaffAccount account = accounts.findByUsername(username).orElseThrow();
		account.setEnabled(false);
		accounts.save(account);
		assertThat(signIn(newAddress(), username, PASSWORD)).endsWith("/login?error");
	}

	@Test
	void anApiClientIsNeverLockedByGuessesAtItsSecretOrByBadTokens() throws Exception {
		String system = newApiClient(PASSWORD);
		String attacker = newAddress();
		for (int i = 0; i < 12; i++) {
			assertThat(token(attacker, system, "guess-" + i).statusCode()).isEqualTo(401);
			assertThat(me(attacker, "forged-token-" + i)).isEqualTo(401);
		}
		HttpResponse<String> issued = token(attacker, system, PASSWORD);
		assertThat(issued.statusCode()).as("the 111 system still gets its token, even from that address")
			.isEqualTo(200);
		String token = com.jayway.jsonpath.JsonPath.read(issued.body(), "$.access_token");
		assertThat(me(attacker, token)).isEqualTo(200);
	}

	HttpResponse<String> token(String address, String clientId, String secret) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/oauth2/token"))
				.header("X-Forwarded-For", address)
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((clientId + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	int me(String address, String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/api/v1/me"))
				.header("X-Forwarded-For", address)
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	@Test
	void aSuccessfulSignInStartsTheCountAgain() throws Exception {
		String username = newUser(Role.CARE_COORDINATOR);
		String address = newAddress();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(signIn(address, username, "wrong-" + i)).endsWith("/login?error");
			}
			assertThat(signIn(address, username, PASSWORD)).isEqualTo("/");
		}
	}

}
