package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.platform.Accessibility;
import uk.nhs.bob.primarycare.platform.Browser;
import uk.nhs.bob.primarycare.platform.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: an INT member finds a candidate, adds them to the caseload and writes their plan;
 * then a second browser session edits the same plan at the same time, saves first, and the member's save shows the
 * conflict with both versions side by side. Every page passes the WCAG A/AA checks.
 */
@IntegrationTest
class CarePlanBrowserTests extends BrowserTestSupport {

	@Autowired
	TeamRepository teams;

	@Autowired
	CohortDefinitionRepository definitions;

	@BeforeEach
	void enoughCandidates() {
		NeighbourhoodTestData.oxfordTeam(teams, definitions);
	}

	static String typed(LocalDate date) {
		return DateTimeFormatter.ofPattern("d/M/yyyy").format(date);
	}

	void type(WebDriver driver, String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	@Test
	void aMemberAddsACandidateWritesThePlanAndASecondSessionCausesAConflict() throws IOException {
		signIn("neighbourhood", "demo-password");
		open("/neighbourhood");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Oxford City Integrated Neighbourhood Team");
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.linkText("Find candidates"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Candidates for the caseload");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Meets:");
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.cssSelector("table.nhsuk-table tbody tr a"));
		String name = browser.findElement(By.tagName("h1")).getText();
		assertThat(Accessibility.violations(browser)).isEmpty();
		// bad input first: the error summary, nothing added
		clickAndWait(By.id("add-to-caseload"));
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("Enter why the person is being added", "Choose the keyworker");
		assertThat(Accessibility.violations(browser)).isEmpty();
		type(browser, "reason", "Moderate frailty confirmed at the huddle");
		new Select(browser.findElement(By.id("keyworkerId"))).selectByIndex(1);
		clickAndWait(By.id("add-to-caseload"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Care plan: " + name);
		assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("Identified");
		assertThat(Accessibility.violations(browser)).isEmpty();
		String planUrl = browser.getCurrentUrl();

		clickAndWait(By.id("edit-plan"));
		assertThat(Accessibility.violations(browser)).isEmpty();
		LocalDate target = LocalDate.now().plusMonths(3);
		type(browser, "whatMatters", "Getting back to the Tuesday choir");
		type(browser, "goals[0].description", "Walk to the church hall with a stick");
		type(browser, "goals[0].targetDate", typed(target));
		new Select(browser.findElement(By.id("goals[0].status"))).selectByValue("IN_PROGRESS");
		type(browser, "actions[0].description", "Physiotherapy assessment");
		type(browser, "actions[0].ownerOrganisation", "Oxford Health community physiotherapy");
		type(browser, "actions[0].dueDate", "not a date");
		type(browser, "nextReviewDate", typed(target));
		clickAndWait(By.id("save-plan"));
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("Due date of action 1 must be a real date");
		assertThat(browser.findElement(By.id("whatMatters")).getAttribute("value")).isEqualTo("Getting back to the Tuesday choir");
		assertThat(Accessibility.violations(browser)).isEmpty();
		type(browser, "actions[0].dueDate", typed(target.minusMonths(1)));
		clickAndWait(By.id("save-plan"));
		assertThat(browser.getCurrentUrl()).isEqualTo(planUrl);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Getting back to the Tuesday choir",
				"Walk to the church hall with a stick", "Oxford Health community physiotherapy",
				"Goal added: Walk to the church hall with a stick");

		// two sessions open the plan for editing at the same time
		clickAndWait(By.id("edit-plan"));
		WebDriver second = Browser.start();
		try {
			second.get(url("/login"));
			second.findElement(By.id("username")).sendKeys("neighbourhood");
			second.findElement(By.id("password")).sendKeys("demo-password");
			WebElement login = second.findElement(By.tagName("html"));
			second.findElement(By.cssSelector("button[type=submit]")).click();
			new WebDriverWait(second, java.time.Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(login));
			second.get(planUrl + "/edit");
			type(second, "whatMatters", "Seeing my sister in Witney every month");
			WebElement form = second.findElement(By.tagName("html"));
			second.findElement(By.id("save-plan")).click();
			new WebDriverWait(second, java.time.Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(form));
			assertThat(second.findElement(By.tagName("main")).getText()).contains("Seeing my sister in Witney every month");
		}
		finally {
			second.quit();
		}

		// the first session changed what matters too (a conflict) and the contingency plan (only theirs: merged)
		type(browser, "whatMatters", "Choir, and the allotment in summer");
		type(browser, "contingencyPlan", "Call my son Dev first, then the district nurses");
		clickAndWait(By.id("save-plan"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Someone else changed this care plan");
		String conflicts = browser.findElement(By.id("conflict-fields")).getText();
		assertThat(conflicts).contains("Both changed: What matters to me", "Choir, and the allotment in summer",
				"Seeing my sister in Witney every month")
			.doesNotContain("Contingency");
		assertThat(Accessibility.violations(browser)).isEmpty();
		// saving without choosing changes nothing and asks again
		clickAndWait(By.id("save-plan"));
		assertThat(browser.findElement(By.id("conflict-fields")).getText()).contains("Both changed: What matters to me");
		browser.findElement(By.cssSelector("label[for='choice-0-mine']")).click();
		clickAndWait(By.id("save-plan"));
		assertThat(browser.getCurrentUrl()).isEqualTo(planUrl);
		String main = browser.findElement(By.tagName("main")).getText();
		assertThat(main).contains("Choir, and the allotment in summer", "Call my son Dev first, then the district nurses",
				"Merged with version");
		// the other session's words are still there to read, in full, in their version
		clickAndWait(By.linkText("Compare with version 3"));
		assertThat(browser.findElement(By.id("differences")).getText()).contains("Seeing my sister in Witney every month",
				"Choir, and the allotment in summer");
		assertThat(Accessibility.violations(browser)).isEmpty();
		clickAndWait(By.linkText("Back to the care plan"));
		clickAndWait(By.linkText("Version 3"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Seeing my sister in Witney every month");
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

}
