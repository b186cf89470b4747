package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with the OpenID Connect provider in a real headless Chromium: "Sign in with NHS CIS2 (test)" on the
 * sign-in page, through the provider in the test JVM and back, to the start page of the mapped role; and a person
 * whose role is not mapped, to the page that says they have no access.
 */
@IntegrationTest
class ProviderSignInBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	String mappedOrg() {
		String org = "Z" + (int) (Math.random() * 900_000 + 100_000);
		jdbc.sql("""
				INSERT INTO identity.sign_in_mapping (role_code, org_code, app_role, scope_level, scope_code, created_by)
				VALUES ('R8000', ?, 'CLINICAL_SUPERVISOR', 'PLACE', '10Q', 'admin')""").param(org).update();
		return org;
	}

	@Test
	void aMappedRoleSignsInThroughTheProviderToTheStartPage() throws IOException {
		String org = mappedOrg();
		TestIdentityProvider.nextSignIn("browser-" + UUID.randomUUID(), Map.of("name", "Bo Browser", "email",
				"bo.browser." + org.toLowerCase() + "@nhs.test", "nhsid_nrbac_roles",
				List.of(TestIdentityProvider.role("777001", "R8000", org))));
		open("/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.findElement(By.id("sign-in-with-" + TestIdentityProvider.REGISTRATION)).getText())
			.isEqualTo("Sign in with " + TestIdentityProvider.PROVIDER_NAME);
		assertThat(browser.findElements(By.id("password"))).as("the local form beside it").hasSize(1);
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.id("sign-in-with-" + TestIdentityProvider.REGISTRATION));
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Welcome, Bo Browser");
		assertThat(browser.findElement(By.className("nhsuk-lede-text")).getText()).contains("Oxfordshire");
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.className("nhsuk-header__account-button"));
		assertThat(browser.getCurrentUrl()).contains("/login?signedOut");
	}

	@Test
	void anUnmappedRoleSeesThatItHasNoAccessAndWhichRolesItSent() throws IOException {
		String org = "Z" + (int) (Math.random() * 900_000 + 100_000);
		TestIdentityProvider.nextSignIn("browser-" + UUID.randomUUID(), Map.of("name", "Una Unmapped",
				"nhsid_nrbac_roles", List.of(TestIdentityProvider.role("777002", "R8001", org))));
		open("/login");
		clickAndWait(By.id("sign-in-with-" + TestIdentityProvider.REGISTRATION));
		assertThat(browser.getCurrentUrl()).endsWith("/sign-in/no-access");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to BOB Primary Care");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Una Unmapped")
			.contains("S8000:G8000:R8001 at " + org);
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

}
