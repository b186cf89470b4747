package uk.nhs.bob.primarycare.platform;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed-in sessions live in PostgreSQL (so any instance can serve the user) and end at sign-out. */
@IntegrationTest
class SessionStoreTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long sessionsOf(String username) {
		return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	@Test
	void aSignedInSessionIsStoredInTheDatabaseAndRemovedAtSignOut() {
		long before = sessionsOf("neighbourhood-berks");
		HttpSession session = new HttpSession(port);
		HttpResponse<String> signIn = session.signIn("neighbourhood-berks", "demo-password");
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(sessionsOf("neighbourhood-berks")).isEqualTo(before + 1);

		String token = HttpSession.csrfToken(session.get("/").body());
		HttpResponse<String> signOut = session.postForm("/logout", "_csrf=" + token);
		assertThat(signOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?signedOut"));
		assertThat(sessionsOf("neighbourhood-berks")).isEqualTo(before);
		assertThat(session.get("/").statusCode()).isEqualTo(302);
	}


	@Test
	void concurrentRequestsOfOneSessionAllSucceed() {
		HttpSession session = new HttpSession(port);
		session.signIn("delivery-oxon", "demo-password");
		assertThat(session.getConcurrently("/", 120, 12)).containsOnly(200);
	}

}
