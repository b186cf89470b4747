package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's whole journey in a real headless Chromium: a care coordinator signs in, searches for a person in
 * their hub by NHS number (typed with spaces) and by name and date of birth, and opens the summary, which is audited.
 * Every page also passes the WCAG A/AA checks.
 */
@IntegrationTest
class FindAPersonBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	/** A living person registered in the coordinator's hub, the Aylesbury neighbourhood site. */
	Map<String, Object> personInAylesbury() {
		return jdbc.sql("""
				SELECT p.nhs_number, p.family_name, p.date_of_birth FROM population.person p
				JOIN directory.practice pr ON pr.ods_code = p.registered_practice
				JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code
				WHERE pc.site_code = 'BK-AYL' AND p.date_of_death IS NULL
				ORDER BY p.nhs_number LIMIT 1""").query().singleRow();
	}

	long auditEntries(String nhsNumber) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = 'coordinator' AND nhs_number = ?")
			.param(nhsNumber)
			.query(Long.class)
			.single();
	}

	void signInAsCoordinator() {
		signIn("coordinator", "demo-password");
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Welcome");
	}

	@Test
	void aCoordinatorFindsAPersonByNhsNumberAndOpensTheAuditedSummary() throws IOException {
		Map<String, Object> person = personInAylesbury();
		NhsNumber nhsNumber = new NhsNumber(person.get("nhs_number").toString().trim());
		long auditedBefore = auditEntries(nhsNumber.value());

		signInAsCoordinator();
		clickAndWait(By.linkText("Find a person"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Find a person");
		assertThat(Accessibility.violations(browser)).isEmpty();

		browser.findElement(By.id("nhsNumber")).sendKeys(nhsNumber.formatted());
		clickAndWait(By.cssSelector("button[type=submit].nhsuk-button"));
		assertThat(browser.findElements(By.cssSelector("table.nhsuk-table tbody tr"))).hasSize(1);
		assertThat(Accessibility.violations(browser)).isEmpty();
		assertThat(auditEntries(nhsNumber.value())).as("the search result shows the person").isEqualTo(auditedBefore + 1);

		clickAndWait(By.cssSelector("table.nhsuk-table tbody tr a"));
		assertThat(browser.getCurrentUrl()).endsWith("/population/people/" + nhsNumber.value());
		assertThat(browser.findElement(By.tagName("h1")).getText())
			.containsIgnoringCase(person.get("family_name").toString());
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(nhsNumber.formatted())
			.contains("Blood pressure");
		assertThat(Accessibility.violations(browser)).isEmpty();
		assertThat(auditEntries(nhsNumber.value())).isEqualTo(auditedBefore + 2);
	}

	@Test
	void aMistypedNhsNumberKeepsWhatWasTypedAndExplainsTheProblem() throws IOException {
		signInAsCoordinator();
		open("/population/people");
		browser.findElement(By.id("nhsNumber")).sendKeys("943 476 5918");
		clickAndWait(By.cssSelector("button[type=submit].nhsuk-button"));
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText()).contains("NHS number");
		assertThat(browser.findElement(By.id("nhsNumber")).getAttribute("value")).isEqualTo("943 476 5918");
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

	@Test
	void aCoordinatorFindsAPersonByNameAndDateOfBirth() {
		Map<String, Object> person = personInAylesbury();
		LocalDate dateOfBirth = ((java.sql.Date) person.get("date_of_birth")).toLocalDate();

		signInAsCoordinator();
		open("/population/people");
		browser.findElement(By.id("familyName")).sendKeys(person.get("family_name").toString().toLowerCase());
		browser.findElement(By.id("day")).sendKeys(String.valueOf(dateOfBirth.getDayOfMonth()));
		browser.findElement(By.id("month")).sendKeys(String.valueOf(dateOfBirth.getMonthValue()));
		browser.findElement(By.id("year")).sendKeys(String.valueOf(dateOfBirth.getYear()));
		clickAndWait(By.cssSelector("button[type=submit].nhsuk-button"));
		assertThat(browser.findElements(By.cssSelector("table.nhsuk-table tbody tr a")))
			.anySatisfy(link -> assertThat(link.getAttribute("href"))
				.endsWith("/population/people/" + person.get("nhs_number").toString().trim()));
	}

}
