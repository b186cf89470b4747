package uk.nhs.bob.primarycare.platform;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out in a real headless Chromium against the running app. */
@IntegrationTest
class SignInBrowserTests extends BrowserTestSupport {

	@Test
	void aWrongPasswordShowsTheErrorSummaryAndARightOneSignsIn() throws IOException {
		open("/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(Accessibility.violations(browser)).isEmpty();

		browser.findElement(By.id("username")).sendKeys("supervisor");
		browser.findElement(By.id("password")).sendKeys("not-the-password");
		clickAndWait(By.cssSelector("button[type=submit]"));
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("Username or password is incorrect");
		assertThat(Accessibility.violations(browser)).isEmpty();

		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys("supervisor");
		browser.findElement(By.id("password")).sendKeys("demo-password");
		clickAndWait(By.cssSelector("button[type=submit]"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Welcome, Sam Supervisor");
		assertThat(browser.findElement(By.className("nhsuk-lede-text")).getText()).contains("Buckinghamshire");
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.className("nhsuk-header__account-button"));
		assertThat(browser.getCurrentUrl()).contains("/login?signedOut");
		open("/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}

}
