package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.platform.Accessibility;
import uk.nhs.bob.primarycare.platform.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PCN clinical pharmacist (signed in as the Oxford City hub's coordinator) works the worklist in headless
 * Chromium: filters "not yet contacted", assigns ten people to themselves, records invitations sent for them, and sees
 * them move to "invited". Every page passes the WCAG A/AA checks.
 */
@IntegrationTest
class CvdPharmacistBrowserTests extends BrowserTestSupport {

	static final String PHARMACIST = "coordinator-oxon";

	@Autowired
	JdbcClient jdbc;

	List<String> listed() {
		return browser.findElements(By.cssSelector("table.cvd-worklist tbody tr"))
			.stream()
			.map(row -> row.getAttribute("data-nhs-number"))
			.toList();
	}

	void select(List<String> people) {
		for (String nhs : people) {
			WebElement box = browser.findElement(By.cssSelector("input.cvd-select[value='" + nhs + "']"));
			// the NHS.UK checkbox draws its own box over the input; a click on the input is what a user's click does
			((JavascriptExecutor) browser).executeScript("arguments[0].click();", box);
			assertThat(box.isSelected()).isTrue();
		}
	}

	@Test
	void aPharmacistAssignsTenNotYetContactedPeopleToThemselvesAndRecordsInvitations() throws Exception {
		signIn(PHARMACIST, "demo-password");
		open("/cvd/worklist");
		new Select(browser.findElement(By.id("status"))).selectByValue("NOT_CONTACTED");
		new Select(browser.findElement(By.id("owner"))).selectByValue("UNASSIGNED");
		clickAndWait(By.id("apply-filters"));
		assertThat(Accessibility.violations(browser)).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".cvd-status__text")))
			.isNotEmpty()
			.allSatisfy(status -> assertThat(status.getText()).isEqualTo("Not yet contacted"));
		List<String> ten = listed().subList(0, 10);

		// Apply with nothing chosen: the error summary, and nothing changes
		clickAndWait(By.id("apply-action"));
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("Select at least one person", "Choose an action");
		assertThat(Accessibility.violations(browser)).isEmpty();

		select(ten);
		new Select(browser.findElement(By.id("action"))).selectByValue("ASSIGN");
		clickAndWait(By.id("apply-action"));
		assertThat(browser.findElement(By.className("nhsuk-notification-banner")).getText())
			.contains("10 people assigned to you.");

		new Select(browser.findElement(By.id("owner"))).selectByValue("MINE");
		clickAndWait(By.id("apply-filters"));
		assertThat(listed()).containsExactlyInAnyOrderElementsOf(ten);
		assertThat(browser.findElements(By.cssSelector(".cvd-owner")))
			.allSatisfy(owner -> assertThat(owner.getText()).isEqualTo("Owner: " + PHARMACIST));

		select(ten);
		new Select(browser.findElement(By.id("action"))).selectByValue("INVITE");
		new Select(browser.findElement(By.id("outreachType"))).selectByValue("PHARMACY_BP_CHECK");
		clickAndWait(By.id("apply-action"));
		assertThat(browser.findElement(By.className("nhsuk-notification-banner")).getText())
			.contains("Invitation recorded for 10 people");
		// still filtered to "not yet contacted" and mine: they have all moved on
		assertThat(browser.findElement(By.id("no-rows")).getText()).contains("No one in your area matches");
		assertThat(Accessibility.violations(browser)).isEmpty();

		new Select(browser.findElement(By.id("status"))).selectByValue("INVITED");
		clickAndWait(By.id("apply-filters"));
		assertThat(listed()).containsExactlyInAnyOrderElementsOf(ten);
		assertThat(browser.findElements(By.cssSelector(".cvd-status__text"))).allSatisfy(status -> assertThat(
				status.getText()).isEqualTo("Invited " + RiskAssessment.date(LocalDate.now(PersonEvaluation.UK))));
		assertThat(browser.findElement(By.id("worklist-total")).getText()).isEqualTo("10 people listed");
		assertThat(Accessibility.violations(browser)).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.outreach WHERE recorded_by = ? AND type = 'PHARMACY_BP_CHECK'")
			.param(PHARMACIST).query(Long.class).single()).isEqualTo(10);
	}

}
