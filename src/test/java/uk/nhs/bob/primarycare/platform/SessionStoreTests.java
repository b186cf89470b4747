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


	/**
	 * Stored attributes are deserialized once per distinct stored bytes ({@link SessionAttributeReads}); a security
	 * context written by another instance has other bytes, and the next request here sees it.
	 */
	@Test
	void aSignedInUserWrittenThroughAnotherInstanceIsSeenOnTheNextRequest() {
		HttpSession first = new HttpSession(port);
		first.signIn("supervisor", "demo-password");
		HttpSession second = new HttpSession(port);
		second.signIn("delivery-oxon", "demo-password");
		assertThat(first.get("/").body()).contains("<span>supervisor</span>");
		assertThat(first.get("/").body()).contains("<span>supervisor</span>");

		// as another instance would write it: the first session's stored security context becomes the second's
		int changed = jdbc.sql("""
				UPDATE spring_session_attributes a SET attribute_bytes = (
				  SELECT b.attribute_bytes FROM spring_session_attributes b
				  JOIN spring_session s ON s.primary_id = b.session_primary_id
				  WHERE s.principal_name = 'delivery-oxon' AND b.attribute_name = 'SPRING_SECURITY_CONTEXT'
				  ORDER BY s.creation_time DESC LIMIT 1)
				WHERE a.attribute_name = 'SPRING_SECURITY_CONTEXT' AND a.session_primary_id = (
				  SELECT primary_id FROM spring_session WHERE principal_name = 'supervisor'
				  ORDER BY creation_time DESC LIMIT 1)""").update();
		assertThat(changed).isEqualTo(1);
		assertThat(first.get("/").body()).contains("<span>delivery-oxon</span>").doesNotContain("<span>supervisor</span>");
	}

	@Test
	void concurrentRequestsOfOneSessionAllSucceed() {
		HttpSession session = new HttpSession(port);
		session.signIn("delivery-oxon", "demo-password");
		assertThat(session.getConcurrently("/", 120, 12)).containsOnly(200);
	}

}
