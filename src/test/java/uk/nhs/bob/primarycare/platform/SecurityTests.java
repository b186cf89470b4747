package uk.nhs.bob.primarycare.platform;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.identity.IdentityDemoData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Who reaches what, the security headers, CSRF, the API's problem responses and session fixation protection. */
@IntegrationTest
class SecurityTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Test
	void anonymousUsersAreSentToSignIn() {
		for (String page : new String[] { "/", "/admin/users", "/audit", "/directory", "/population/people" }) {
			MvcTestResult result = mvc.get().uri(page).exchange();
			assertThat(result).as(page).hasStatus3xxRedirection();
			assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
		}
	}

	@Test
	void theSignInPageAndStaticAssetsNeedNoSignIn() {
		assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("Sign in");
		assertThat(mvc.get().uri("/nhsuk/nhsuk-frontend.min.css")).hasStatusOk()
			.hasContentTypeCompatibleWith("text/css");
	}

	@Test
	void onlyIcbAdministratorsReachUserManagementAndTheAuditLog() {
		assertThat(mvc.get().uri("/admin/users").with(user("coordinator").roles("CARE_COORDINATOR"))).hasStatus(403);
		assertThat(mvc.get().uri("/audit").with(user("coordinator").roles("CARE_COORDINATOR"))).hasStatus(403);
		assertThat(mvc.get().uri("/admin/users").with(user("admin").roles("ICB_ADMIN"))).hasStatusOk();
		assertThat(mvc.get().uri("/audit").with(user("admin").roles("ICB_ADMIN"))).hasStatusOk();
	}

	@Test
	void pagesCarryAContentSecurityPolicyWithoutInlineCode() {
		MvcTestResult result = mvc.get().uri("/login").exchange();
		String policy = result.getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(result).hasHeader("X-Content-Type-Options", "nosniff").hasHeader("X-Frame-Options", "DENY");
	}

	@Test
	void aPostWithoutCsrfTokenIsRefused() {
		assertThat(mvc.post().uri("/admin/users/new").param("username", "no-csrf").with(user("admin").roles("ICB_ADMIN")))
			.hasStatus(403);
		assertThat(mvc.post()
			.uri("/login")
			.param("username", "coordinator")
			.param("password", IdentityDemoData.DEMO_PASSWORD)).hasStatus(403);
	}

	@Test
	void theApiAnswersAnonymousCallsWithProblemJsonNotTheSignInPage() {
		MvcTestResult result = mvc.get().uri("/api/anything").accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponse().getRedirectedUrl()).isNull();
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
	}

	@Test
	void theApiTakesBearerTokensAndNoLongerHttpBasic() {
		assertThat(mvc.get().uri("/api/anything").with(tokens.bearer()))
			.satisfies(result -> assertThat(result.getResponse().getStatus()).isEqualTo(404));
		assertThat(mvc.get().uri("/api/anything").with(httpBasic("api-client", IdentityDemoData.DEMO_PASSWORD)))
			.hasStatus(401);
		assertThat(mvc.get().uri("/api/anything").with(httpBasic("admin", IdentityDemoData.DEMO_PASSWORD)))
			.hasStatus(401);
	}

	@Test
	void signingInWithADemoUserChangesTheSessionId() {
		// an anonymous visit to a page starts a session (it remembers where to go after sign-in)
		MvcTestResult visit = mvc.get().uri("/directory").exchange();
		Cookie before = visit.getResponse().getCookie("SESSION");
		assertThat(before).as("session cookie before sign-in").isNotNull();

		MvcTestResult signIn = mvc.post()
			.uri("/login")
			.cookie(before)
			.param("username", "coordinator")
			.param("password", IdentityDemoData.DEMO_PASSWORD)
			.with(csrf())
			.exchange();
		assertThat(signIn).hasStatus3xxRedirection();
		assertThat(signIn.getResponse().getRedirectedUrl()).doesNotContain("/login");
		Cookie after = signIn.getResponse().getCookie("SESSION");
		assertThat(after).as("session cookie after sign-in").isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());

		assertThat(mvc.get().uri("/").cookie(after)).hasStatusOk().bodyText().contains("Casey Coordinator");
		// the old session id is no longer signed in
		assertThat(mvc.get().uri("/").cookie(before)).hasStatus3xxRedirection();
	}

	@Test
	void aWrongPasswordIsRefused() {
		assertThat(mvc.post()
			.uri("/login")
			.param("username", "delivery")
			.param("password", "not-the-password")
			.with(csrf())).hasRedirectedUrl("/login?error");
	}

}
