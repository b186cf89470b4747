package uk.nhs.bob.primarycare.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * With {@code primarycare.security.local-sign-in=false} (a context of its own): the sign-in page offers the identity
 * provider only, and a username and password sign no one in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "primarycare.security.local-sign-in=false")
@AutoConfigureMockMvc
class LocalSignInOffTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theSignInPageOffersTheProviderOnlyAndPasswordsSignNoOneIn() {
		assertThat(mvc.get().uri("/login")).hasStatusOk()
			.bodyText()
			.contains("Sign in with " + TestIdentityProvider.PROVIDER_NAME)
			.doesNotContain("type=\"password\"")
			.doesNotContain("Or sign in with a username and password");
		MvcTestResult posted = mvc.post()
			.uri("/login")
			.with(csrf())
			.param("username", "admin")
			.param("password", IdentityDemoData.DEMO_PASSWORD)
			.exchange();
		assertThat(posted.getResponse().getStatus()).isNotIn(200, 302);
		assertThat(posted.getResponse().getHeader("Location")).isNull();
		assertThat(mvc.get().uri("/").exchange().getResponse().getRedirectedUrl()).endsWith("/login");
	}

}
