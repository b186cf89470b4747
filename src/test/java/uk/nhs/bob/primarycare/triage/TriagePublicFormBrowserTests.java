package uk.nhs.bob.primarycare.triage;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.platform.Accessibility;
import uk.nhs.bob.primarycare.platform.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: the public form's emergency interrupt, with JavaScript and without, and the advice it keeps
 * showing on later pages and their errors; the out-of-hours confirmation driven by the hub's hours; the hub queue
 * refreshing itself and announcing a new red flag.
 */
@IntegrationTest
class TriagePublicFormBrowserTests extends BrowserTestSupport {

	static final String CLOSED_HUB = "BK-ACH";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TriageRequests requests;

	/** The WCAG checks run in the page, so only where the browser runs script. */
	void check() throws IOException {
		if (javascript) {
			assertThat(Accessibility.violations(browser)).isEmpty();
		}
	}

	void next() {
		clickAndWait(By.id("continue"));
	}

	void emergencyInterruptsAtOnceAndStaysOnLaterPages() throws IOException {
		open("/request");
		assertThat(browser.getTitle()).startsWith("Does the person have any of these now?");
		assertThat(browser.findElement(By.id("footer-links")).getText()).contains("Accessibility statement",
				"Privacy notice");
		check();
		browser.findElement(By.cssSelector("label[for='redFlags']")).click();
		next();
		assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith("Call 999 now");
		assertThat(browser.findElement(By.id("urgent-advice")).getText()).contains("Chest pain");
		check();
		next();
		// the next question, and its error page, still say what to do now
		assertThat(browser.findElement(By.id("emergency-banner")).getText()).contains("Call 999 now");
		next();
		assertThat(browser.getTitle()).startsWith("Error: Who is this request for?");
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("Choose who the request is for");
		assertThat(browser.findElement(By.id("emergency-banner")).getText()).contains("Call 999 now");
		check();
		// back to the red-flag question keeps the answer
		clickAndWait(By.id("back"));
		clickAndWait(By.id("back"));
		assertThat(browser.findElement(By.id("redFlags")).isSelected()).isTrue();
	}

	@Test
	void theEmergencyInterruptWithJavaScript() throws IOException {
		emergencyInterruptsAtOnceAndStaysOnLaterPages();
	}

	@Test
	void theEmergencyInterruptWithoutJavaScript() throws IOException {
		withoutJavaScript();
		emergencyInterruptsAtOnceAndStaysOnLaterPages();
	}

	@AfterEach
	void reopenTheHub() {
		jdbc.sql("DELETE FROM triage.hub_opening_period WHERE site_code = ?").param(CLOSED_HUB).update();
		for (int day = 1; day <= 5; day++) {
			jdbc.sql("INSERT INTO triage.hub_opening_period VALUES (?, ?, 480, 1110)").params(CLOSED_HUB, day).update();
		}
	}

	@Test
	void outOfHoursTheConfirmationSaysWhenTheHubWillSeeItAndToUse111Meanwhile() throws IOException {
		// the hub works one hour, on the day after tomorrow, so it is closed now whatever the time of the test
		LocalDate opening = LocalDate.now(ServiceDirectory.UK_TIME).plusDays(2);
		DayOfWeek day = opening.getDayOfWeek();
		jdbc.sql("DELETE FROM triage.hub_opening_period WHERE site_code = ?").param(CLOSED_HUB).update();
		jdbc.sql("INSERT INTO triage.hub_opening_period VALUES (?, ?, 540, 600)").params(CLOSED_HUB, day.getValue())
			.update();
		String family = "Ooh" + UUID.randomUUID().toString().substring(0, 6);
		open("/request");
		browser.findElement(By.cssSelector("label[for='redFlags-NONE']")).click();
		next();
		browser.findElement(By.cssSelector("label[for='forWhom']")).click();
		next();
		assertThat(browser.findElement(By.id("givenName")).getAttribute("autocomplete")).isEqualTo("given-name");
		browser.findElement(By.id("givenName")).sendKeys("Night");
		browser.findElement(By.id("familyName")).sendKeys(family);
		next();
		assertThat(browser.findElement(By.id("day")).getAttribute("autocomplete")).isEqualTo("bday-day");
		browser.findElement(By.id("day")).sendKeys("31");
		browser.findElement(By.id("month")).sendKeys("2");
		browser.findElement(By.id("year")).sendKeys("1975");
		next();
		assertThat(browser.getTitle()).startsWith("Error: What is their date of birth?");
		assertThat(browser.findElement(By.id("day")).getAttribute("value")).isEqualTo("31");
		browser.findElement(By.id("day")).clear();
		browser.findElement(By.id("day")).sendKeys("28");
		next();
		browser.findElement(By.cssSelector("label[for='sex-male']")).click();
		next();
		next();
		new Select(browser.findElement(By.id("practiceCode"))).selectByValue("NONE");
		next();
		new Select(browser.findElement(By.id("siteCode"))).selectByValue(CLOSED_HUB);
		next();
		assertThat(browser.findElement(By.id("postcode")).getAttribute("autocomplete")).isEqualTo("postal-code");
		next();
		new Select(browser.findElement(By.id("problem"))).selectByValue("BACK_OR_JOINT_PAIN");
		next();
		browser.findElement(By.id("onset")).sendKeys("Lifting a box");
		next();
		// a man with back pain is asked nothing about pregnancy or a catheter
		assertThat(browser.findElement(By.id("contactPhone")).getAttribute("autocomplete")).isEqualTo("tel");
		browser.findElement(By.id("contactPhone")).sendKeys("abc");
		next();
		assertThat(browser.getTitle()).startsWith("Error: What number can we call you on?");
		browser.findElement(By.id("contactPhone")).clear();
		browser.findElement(By.id("contactPhone")).sendKeys("0118 496 0456");
		next();
		assertThat(browser.findElement(By.id("answers")).getText()).contains(family, "Back, muscle or joint pain")
			.doesNotContain("pregnant", "catheter");
		check();
		clickAndWait(By.id("send"));
		String when = browser.findElement(By.id("out-of-hours")).getText();
		assertThat(when).contains("The hub is closed now",
				"will see your request when it opens on " + day.getDisplayName(TextStyle.FULL, Locale.UK) + " "
						+ opening.getDayOfMonth(), "at 09:00", "NHS 111 online", "call 111");
		check();
	}

	@Test
	void theQueueRefreshesItselfAndAnnouncesANewRedFlag() throws IOException {
		signIn("coordinator", "demo-password");
		open("/triage?site=BK-AYL");
		check();
		String family = "Live" + UUID.randomUUID().toString().substring(0, 6);
		TriageRequests.Recorded red = requests.record(new NewRequest(TriageRequest.Channel.API, null, "api-client",
				new RequestedPerson(null, "Queue", family, LocalDate.of(1950, 1, 1), NavigationInput.Sex.MALE, null),
				null, "BK-AYL", new RequestDetails(PresentingProblem.OTHER, null, null, Set.of(RedFlag.STROKE_SYMPTOMS),
						null, null, null, null, null, null, null, null, null, false)));
		Object page = browser.findElement(By.tagName("html"));
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(d -> d.findElement(By.id("queue-announcer")).getText().contains(red.reference()));
		assertThat(browser.findElement(By.id("queue-announcer")).getAttribute("aria-live")).isEqualTo("polite");
		assertThat(browser.findElement(By.id("queue-announcer")).getText()).contains("New red-flag request",
				family.toUpperCase(Locale.UK));
		assertThat(browser.findElement(By.id("queue")).getText()).contains(family.toUpperCase(Locale.UK));
		// no reload: the page the test opened is the page it reads
		assertThat(browser.findElement(By.tagName("html"))).isEqualTo(page);
		check();
	}

}
