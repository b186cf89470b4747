package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.platform.Accessibility;
import uk.nhs.bob.primarycare.platform.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: a Place delivery user is told break-glass is not for them; the Reading Central care
 * coordinator breaks the glass on a Reading plan (a reason from the list and their own words, bad input first) and
 * sees it; the Berkshire West supervisor finds the use on the review list and marks it appropriate. Every page passes
 * the WCAG A/AA checks.
 */
@IntegrationTest
class BreakGlassBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCoordinatorBreaksTheGlassAndTheSupervisorReviewsIt() throws Exception {
		UUID entry = jdbc.sql("""
				SELECT e.id FROM neighbourhood.caseload_entry e JOIN neighbourhood.team t ON t.id = e.team_id
				WHERE t.site_code = 'BW-RDG' ORDER BY e.id DESC LIMIT 1""").query(UUID.class).single();

		signIn("delivery", "demo-password");
		open("/neighbourhood/care-plans/" + entry);
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("You do not have access to this care plan", "Break-glass is only for clinical staff");
		assertThat(present(By.id("reasonCode"))).isEmpty();
		browser.manage().deleteAllCookies();

		signIn("coordinator-berks", "demo-password");
		open("/neighbourhood/care-plans/" + entry);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to this care plan");
		assertThat(Accessibility.violations(browser)).isEmpty();
		clickAndWait(By.cssSelector("button.nhsuk-button--warning"));
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("Choose why you need to see this plan now", "in at least 20 characters");
		assertThat(Accessibility.violations(browser)).isEmpty();
		new Select(browser.findElement(By.id("reasonCode"))).selectByValue("PERSON_ASKED");
		browser.findElement(By.id("reason")).sendKeys("Daughter called the hub about her father's medicines today");
		clickAndWait(By.cssSelector("button.nhsuk-button--warning"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Break-glass access to this plan",
				"The person or their carer asked me for help with their care", "not reviewed yet");
		assertThat(Accessibility.violations(browser)).isEmpty();
		browser.manage().deleteAllCookies();

		signIn("supervisor-berks", "demo-password");
		open("/neighbourhood");
		clickAndWait(By.linkText("Break-glass reviews"));
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("coordinator-berks", "Daughter called the hub about her father's medicines today");
		assertThat(Accessibility.violations(browser)).isEmpty();
		long id = jdbc.sql("SELECT id FROM neighbourhood.break_glass_access WHERE caseload_entry_id = ? "
				+ "AND username = 'coordinator-berks' ORDER BY id DESC LIMIT 1").param(entry).query(Long.class).single();
		browser.findElement(By.id("outcome-" + id + "-APPROPRIATE")).click();
		browser.findElement(By.id("note-" + id)).sendKeys("Carer's call, same day");
		clickAndWait(By.cssSelector("form[action$='/" + id + "/review'] button"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Marked appropriate",
				"Appropriate (supervisor-berks): Carer's call, same day");
	}

}
