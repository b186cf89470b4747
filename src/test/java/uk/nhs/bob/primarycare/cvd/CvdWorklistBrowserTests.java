package uk.nhs.bob.primarycare.cvd;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.platform.Accessibility;
import uk.nhs.bob.primarycare.platform.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A care coordinator works a CVD worklist in headless Chromium: filters it, exports it as CSV (with their own
 * session, as the browser would download it), opens a person and tries the calculator with bad input. Every page
 * passes the WCAG A/AA checks.
 */
@IntegrationTest
class CvdWorklistBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	long exportAudits() {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = 'coordinator' AND purpose = ?")
			.param(Worklists.PURPOSE_EXPORT)
			.query(Long.class)
			.single();
	}

	@Test
	void aCoordinatorFiltersAWorklistExportsItAndOpensAPerson() throws Exception {
		signIn("coordinator", "demo-password");
		open("/cvd");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("CVD prevention");
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.linkText("Worklists"));
		assertThat(Accessibility.violations(browser)).isEmpty();
		new Select(browser.findElement(By.id("rule"))).selectByValue("CVD-ASSESS-5Y");
		clickAndWait(By.id("apply-filters"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("No CVD risk assessment in 5 years");
		List<WebElement> rows = browser.findElements(By.cssSelector("table.cvd-worklist tbody tr"));
		assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(WorklistController.PAGE_SIZE);
		assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains("CVD-ASSESS-5Y v1").contains("Aged "));
		assertThat(Accessibility.violations(browser)).isEmpty();

		String exportUrl = browser.findElement(By.id("export-csv")).getAttribute("href");
		assertThat(exportUrl).contains("rule=CVD-ASSESS-5Y");
		String cookies = browser.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		long auditedBefore = exportAudits();
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(exportUrl)).header("Cookie", cookies).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				value -> assertThat(value).contains("attachment").contains(".csv"));
		List<String> lines = csv.body().lines().toList();
		long listed = jdbc.sql("SELECT count(*) FROM cvd.finding WHERE rule_code = 'CVD-ASSESS-5Y' AND site_code = 'BK-AYL'")
			.query(Long.class)
			.single();
		assertThat(lines).hasSize((int) listed + 1);
		assertThat(lines.get(0)).startsWith("\uFEFFnhs_number").contains("findings");
		assertThat(exportAudits()).isEqualTo(auditedBefore + listed);

		String firstName = browser.findElement(By.cssSelector("table.cvd-worklist tbody tr a")).getText();
		clickAndWait(By.cssSelector("table.cvd-worklist tbody tr a"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(firstName);
		assertThat(browser.findElement(By.id("findings-table")).getText()).contains("No CVD risk assessment in 5 years");
		assertThat(Accessibility.violations(browser)).isEmpty();

		open("/cvd/calculator");
		browser.findElement(By.id("age")).sendKeys("19");
		clickAndWait(By.cssSelector("#calculator-form button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector(".nhsuk-error-summary")).getText()).contains("Age");
		assertThat(browser.findElement(By.id("age")).getAttribute("value")).isEqualTo("19");
		assertThat(Accessibility.violations(browser)).isEmpty();

		open("/cvd/dashboard");
		assertThat(browser.findElement(By.id("impact-table")).getText()).contains("797");
		assertThat(Accessibility.violations(browser)).isEmpty();
		assertThat(browser.manage().getCookies()).extracting(Cookie::getName).isNotEmpty();
	}


	/**
	 * A coordinator opens someone on the hypertension register who is not treated to target: the summary shows the
	 * register with its code, the CVD page takes a personalised care adjustment (after an error), shows it and the
	 * finding it excepts, and withdraws it.
	 */
	@Test
	void aCoordinatorSeesRegistersAndRecordsAndWithdrawsAPersonalisedCareAdjustment() throws Exception {
		String nhs = jdbc.sql("""
				SELECT nhs_number FROM cvd.finding WHERE rule_code = 'CVD-HTN-TARGET' AND site_code = 'BK-AYL'
				ORDER BY nhs_number DESC LIMIT 1""").query(String.class).single();
		signIn("coordinator", "demo-password");
		open("/population/people/" + nhs);
		assertThat(browser.findElement(By.id("registers")).getText()).contains("Hypertension", "(HYP)", "SNOMED CT ");
		assertThat(Accessibility.violations(browser)).isEmpty();

		open("/cvd/people/" + nhs);
		assertThat(browser.findElement(By.id("findings-table")).getText()).contains("Hypertension not treated to target");
		assertThat(browser.findElement(By.id("no-adjustments")).getText()).isEqualTo("None recorded.");
		clickAndWait(By.cssSelector("#adjustment-form button[type=submit]"));
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("Choose the rule the adjustment is for", "Choose the reason");
		assertThat(Accessibility.violations(browser)).isEmpty();

		new Select(browser.findElement(By.id("adjustmentRule"))).selectByValue("CVD-HTN-TARGET");
		new Select(browser.findElement(By.id("adjustmentReason"))).selectByValue("MAXIMUM_TOLERATED");
		browser.findElement(By.id("adjustmentNote")).sendKeys("On four agents; postural symptoms at higher doses");
		clickAndWait(By.cssSelector("#adjustment-form button[type=submit]"));
		assertThat(browser.findElement(By.id("adjustments-table")).getText())
			.contains("Hypertension not treated to target", "On the maximum tolerated therapy", "In force until");
		assertThat(browser.findElement(By.id("excepted")).getText()).contains("Hypertension not treated to target");
		assertThat(browser.findElements(By.id("findings-table")).stream().map(WebElement::getText).toList())
			.noneMatch(text -> text.contains("Hypertension not treated to target"));
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.cssSelector("#adjustments-table form button"));
		assertThat(browser.findElement(By.id("adjustments-table")).getText()).contains("Withdrawn by coordinator");
		assertThat(browser.findElement(By.id("findings-table")).getText()).contains("Hypertension not treated to target");
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

}
