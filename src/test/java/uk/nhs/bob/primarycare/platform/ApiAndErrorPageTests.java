package uk.nhs.bob.primarycare.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** APIs answer in problem+json with the caller's real scope; people get styled HTML error pages. */
@IntegrationTest
class ApiAndErrorPageTests {

	@Autowired
	MockMvcTester mvc;

	@LocalServerPort
	int port;

	@Test
	void aServiceAccountSeesItsOwnRolesAndScope() {
		assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("api-client", "demo-password"))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.roles", roles -> assertThat(roles).asArray().containsExactly("API_CLIENT"))
			.hasPathSatisfying("$.scopeLevel", level -> assertThat(level).isEqualTo("ICB"));
		assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("coordinator", "demo-password"))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.scopeCode", code -> assertThat(code).isEqualTo("BK-AYL"));
	}

	@Test
	void wrongApiCredentialsGetProblemJsonNotTheSignInPage() {
		assertThat(mvc.get().uri("/api/v1/me").with(httpBasic("api-client", "wrong-password")))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	// Error pages come from the servlet container's error dispatch, which MockMvc does not perform: real HTTP here.

	@Test
	void anUnknownApiAddressIsAProblemJson404() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/no-such-thing"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("api-client:demo-password".getBytes()))
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
	void aServiceAccountCannotUseThePages() {
		HttpSession session = new HttpSession(port);
		session.signIn("api-client", "demo-password");
		assertThat(session.get("/").statusCode()).isEqualTo(403);
		assertThat(session.get("/directory/services").statusCode()).isEqualTo(403);
	}

}
