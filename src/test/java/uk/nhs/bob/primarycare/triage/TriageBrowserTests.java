package uk.nhs.bob.primarycare.triage;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
 * The triage journeys in headless Chromium, with the WCAG A/AA checks on every page: a coordinator records a urinary
 * request for an eligible woman, sees Pharmacy First with a pharmacy open now and completes it; a red-flag request
 * from the public form reaches the clinical supervisor, who completes it.
 */
@IntegrationTest
class TriageBrowserTests extends BrowserTestSupport {

	static final String ALWAYS_OPEN = "Browser test all-hours pharmacy";

	@Autowired
	JdbcClient jdbc;

	/**
	 * The demo pharmacies keep real hours, so a test at night would find them all closed: this one is open every hour
	 * of the week, and is removed afterwards.
	 */
	void addAnAlwaysOpenPharmacyInBuckinghamshire() {
		long id = jdbc.sql("""
				INSERT INTO directory.service (name, service_type, place_code, postcode, phone, accepts_referrals,
				                               self_referral)
				VALUES (?, 'COMMUNITY_PHARMACY', '14Y', 'HP20 1AA', '01296 000000', true, true) RETURNING id""")
			.param(ALWAYS_OPEN)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO directory.service_offer (service_id, offer) VALUES (?, 'PHARMACY_FIRST')").param(id).update();
		for (int day = 1; day <= 7; day++) {
			jdbc.sql("INSERT INTO directory.service_opening_period VALUES (?, ?, 0, 1440)").params(id, day).update();
		}
	}

	@AfterEach
	void removeThePharmacy() {
		jdbc.sql("DELETE FROM directory.service WHERE name = ?").param(ALWAYS_OPEN).update();
	}

	void check() throws IOException {
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

	@Test
	void aCoordinatorSendsAnEligibleWomanToAnOpenPharmacyAndCompletesTheRequest() throws IOException {
		addAnAlwaysOpenPharmacyInBuckinghamshire();
		Map<String, Object> person = TriageTestData.person(jdbc, "BK-AYL", "F", 20, 60, 30);
		String nhsNumber = person.get("nhs_number").toString().trim();

		signIn("coordinator", "demo-password");
		clickAndWait(By.linkText("Same-day requests"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Aylesbury");
		check();
		clickAndWait(By.id("record-request"));
		check();
		browser.findElement(By.id("nhsNumber")).sendKeys(nhsNumber);
		clickAndWait(By.cssSelector("button[type=submit].nhsuk-button"));
		check();
		clickAndWait(By.cssSelector("table.nhsuk-table tbody tr a"));
		assertThat(browser.findElement(By.id("person-summary")).getText())
			.containsIgnoringCase(person.get("family_name").toString());
		check();

		// submitting with nothing answered explains each problem and keeps what was typed
		browser.findElement(By.id("onset")).sendKeys("Burning when peeing since yesterday");
		clickAndWait(By.cssSelector("button[type=submit].nhsuk-button"));
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("Answer the urgent symptoms question", "Choose what the problem is about");
		assertThat(browser.findElement(By.id("onset")).getAttribute("value"))
			.isEqualTo("Burning when peeing since yesterday");
		check();

		browser.findElement(By.cssSelector("label[for='redFlags-NONE']")).click();
		new Select(browser.findElement(By.id("problem"))).selectByValue("URINARY_SYMPTOMS");
		browser.findElement(By.cssSelector("label[for='pregnant-no']")).click();
		browser.findElement(By.cssSelector("label[for='urinaryCatheter-no']")).click();
		clickAndWait(By.cssSelector("button[type=submit].nhsuk-button"));

		assertThat(browser.findElement(By.id("suggestion-0")).getText()).isEqualTo("Pharmacy First consultation");
		assertThat(browser.findElement(By.id("suggestions")).getText()).contains("PF-UTI", "Age: ", "Pregnant: No");
		assertThat(browser.findElement(By.id("services-PHARMACY_FIRST")).getText()).contains(ALWAYS_OPEN,
				"Open now");
		check();

		clickAndWait(By.id("claim"));
		assertThat(browser.findElement(By.id("claimed-by")).getText()).isEqualTo("Claimed by coordinator");
		check();
		String pharmacyId = jdbc.sql("SELECT id FROM directory.service WHERE name = ?")
			.param(ALWAYS_OPEN)
			.query(String.class)
			.single();
		new Select(browser.findElement(By.id("serviceId"))).selectByValue(pharmacyId);
		clickAndWait(By.id("confirm-decision"));
		assertThat(browser.findElement(By.id("flash-message")).getText()).contains("Request completed");
		check();
		assertThat(jdbc.sql("""
				SELECT status || ' ' || decided_disposition || ' ' || service_name FROM triage.request
				WHERE nhs_number = ? ORDER BY received_at DESC LIMIT 1""")
			.param(nhsNumber)
			.query(String.class)
			.single()).isEqualTo("COMPLETED PHARMACY_FIRST " + ALWAYS_OPEN);
	}

	@Test
	void aRedFlagFromThePublicFormReachesTheSupervisor() throws IOException {
		String familyName = "Redflag" + UUID.randomUUID().toString().substring(0, 6);
		open("/request");
		check();
		browser.findElement(By.cssSelector("label[for='redFlags']")).click();
		clickAndWait(By.id("continue"));
		check();
		clickAndWait(By.id("continue"));
		browser.findElement(By.cssSelector("label[for='forWhom-someone']")).click();
		clickAndWait(By.id("continue"));
		browser.findElement(By.id("givenName")).sendKeys("Robin");
		browser.findElement(By.id("familyName")).sendKeys(familyName);
		clickAndWait(By.id("continue"));
		browser.findElement(By.id("day")).sendKeys("12");
		browser.findElement(By.id("month")).sendKeys("6");
		browser.findElement(By.id("year")).sendKeys("1961");
		clickAndWait(By.id("continue"));
		browser.findElement(By.cssSelector("label[for='sex-male']")).click();
		clickAndWait(By.id("continue"));
		clickAndWait(By.id("continue"));
		new Select(browser.findElement(By.id("practiceCode"))).selectByValue("NONE");
		clickAndWait(By.id("continue"));
		new Select(browser.findElement(By.id("siteCode"))).selectByValue("BK-AYL");
		clickAndWait(By.id("continue"));
		clickAndWait(By.id("continue"));
		new Select(browser.findElement(By.id("problem"))).selectByValue("OTHER");
		clickAndWait(By.id("continue"));
		clickAndWait(By.id("continue"));
		browser.findElement(By.id("contactPhone")).sendKeys("0118 496 0456");
		clickAndWait(By.id("continue"));
		check();
		clickAndWait(By.id("send"));
		assertThat(browser.findElement(By.id("urgent-advice")).getText()).contains("Call 999 now");
		String reference = browser.findElement(By.id("reference")).getText();
		assertThat(reference).startsWith("TR-");
		check();

		signIn("supervisor", "demo-password");
		open("/triage/supervision");
		check();
		assertThat(browser.findElement(By.id("supervision")).getText()).containsIgnoringCase(familyName);
		clickAndWait(By.partialLinkText(familyName.toUpperCase()));
		assertThat(browser.findElement(By.id("supervision-reason")).getText()).contains("Red flag");
		assertThat(browser.findElement(By.id("suggestion-0")).getText()).isEqualTo("Call 999");
		check();
		browser.findElement(By.id("note")).sendKeys("Called back: ambulance already on its way");
		clickAndWait(By.id("approve"));
		assertThat(browser.findElement(By.id("flash-message")).getText()).contains(reference);
		check();
		assertThat(jdbc.sql("SELECT status FROM triage.request WHERE reference = ?")
			.param(reference)
			.query(String.class)
			.single()).isEqualTo("COMPLETED");
	}

}
