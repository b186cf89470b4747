package uk.nhs.bob.primarycare.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** APIs answer in problem+json with the caller's real scope; people get styled HTML error pages. */
@IntegrationTest
class ApiAndErrorPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@LocalServerPort
	int port;

	@Test
	void aSystemSeesItsOwnRoleAndScope() {
		assertThat(mvc.get().uri("/api/v1/me").with(tokens.bearer())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.roles", roles -> assertThat(roles).asArray().containsExactly("API_CLIENT"))
			.hasPathSatisfying("$.scopeLevel", level -> assertThat(level).isEqualTo("ICB"));
		// a member of staff's page sign-in is no API credential
		assertThat(mvc.get().uri("/api/v1/me").with(user("coordinator").roles("CARE_COORDINATOR")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void wrongApiCredentialsGetProblemJsonNotTheSignInPage() {
		assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("api-client", "demo-password")))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri("/api/v1/me").with(ApiTokens.withToken("wrong")))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	// Error pages come from the servlet container's error dispatch, which MockMvc does not perform: real HTTP here.

	@Test
	void anUnknownApiAddressIsAProblemJson404() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/no-such-thing"))
			.header("Authorization", "Bearer " + tokens.token())
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"instance\":\"/api/v1/no-such-thing\"").doesNotContain("Exception");
	}

	@Test
	void anUnknownPageIsTheStyledNotFoundPage() {
		HttpSession session = new HttpSession(port);
		session.signIn("coordinator", "demo-password");
		HttpResponse<String> response = session.get("/no-such-page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found").contains("nhsuk-header").doesNotContain("Exception");
	}

	@Test
	void aPageOutsideTheRoleIsTheStyledForbiddenPage() {
		HttpSession session = new HttpSession(port);
		session.signIn("coordinator", "demo-password");
		HttpResponse<String> response = session.get("/admin/users");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("You do not have access to this page");
	}

	@Test
	void theHomePageShowsOnlyTheLinksOfTheRole() {
		assertThat(mvc.get().uri("/").with(user("delivery").roles("PLACE_DELIVERY"))).hasStatusOk()
			.bodyText()
			.contains("Dev Delivery")
			.contains("Berkshire West")
			.doesNotContain("Find a person")
			.doesNotContain("Audit log");
		assertThat(mvc.get().uri("/").with(user("admin").roles("ICB_ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("Find a person")
			.contains("Audit log");
	}


	@Test
	void aSystemCannotUseThePages() {
		HttpSession session = new HttpSession(port);
		assertThat(session.signIn("api-client", "demo-password").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).contains("/login?error"));
		String token = tokens.token();
		for (String page : new String[] { "/", "/directory/services", "/admin/users" }) {
			var response = session.get(page, "Authorization", "Bearer " + token);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page).hasValue("/login");
		}
	}

}
