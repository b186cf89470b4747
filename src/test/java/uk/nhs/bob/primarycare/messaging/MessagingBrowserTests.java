package uk.nhs.bob.primarycare.messaging;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.platform.Accessibility;
import uk.nhs.bob.primarycare.platform.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.bob.primarycare.messaging.MessagingTestData.awaitStatus;

/**
 * In headless Chromium, with the WCAG A/AA checks on every page: a person sends the public form and its confirmation
 * goes to (the fake) GOV.UK Notify; a coordinator sees it, completes the request, and the outcome goes too.
 */
@IntegrationTest
class MessagingBrowserTests extends BrowserTestSupport {

	static final String ALWAYS_OPEN = "Browser messaging all-hours pharmacy";

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeThePharmacy() {
		jdbc.sql("DELETE FROM directory.service WHERE name = ?").param(ALWAYS_OPEN).update();
	}

	void next() {
		clickAndWait(By.id("continue"));
	}

	void check() throws IOException {
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

	@Test
	void thePublicFormSendsItsConfirmationAndACompletedRequestSendsWhereToGo() throws IOException {
		long pharmacy = MessagingTestData.addAlwaysOpenPharmacy(jdbc, ALWAYS_OPEN);
		String familyName = "Browsermessage" + UUID.randomUUID().toString().substring(0, 6);

		open("/request");
		browser.findElement(By.cssSelector("label[for='redFlags-NONE']")).click();
		next();
		browser.findElement(By.cssSelector("label[for='forWhom']")).click();
		next();
		browser.findElement(By.id("givenName")).sendKeys("Robin");
		browser.findElement(By.id("familyName")).sendKeys(familyName);
		next();
		browser.findElement(By.id("day")).sendKeys("2");
		browser.findElement(By.id("month")).sendKeys("9");
		browser.findElement(By.id("year")).sendKeys("1985");
		next();
		browser.findElement(By.cssSelector("label[for='sex']")).click();
		next();
		next();
		new Select(browser.findElement(By.id("practiceCode"))).selectByValue("NONE");
		next();
		new Select(browser.findElement(By.id("siteCode"))).selectByValue("BK-AYL");
		next();
		next();
		new Select(browser.findElement(By.id("problem"))).selectByValue("URINARY_SYMPTOMS");
		next();
		// the pathway questions that apply, one a page, until the phone number
		for (int page = 0; page < 6 && present(By.id("contactPhone")).isEmpty(); page++) {
			for (String no : List.of("pregnant-no", "urinaryCatheter-no", "immunosuppressed-no")) {
				present(By.cssSelector("label[for='" + no + "']")).forEach(label -> label.click());
			}
			next();
		}
		// the person is told that the number gets text messages, the basis the confirmation and outcome go on
		assertThat(browser.findElement(By.id("contactPhone-hint")).getText())
			.contains("send text messages about it to a mobile");
		browser.findElement(By.id("contactPhone")).sendKeys("07400 900951");
		next();
		clickAndWait(By.id("send"));
		String reference = browser.findElement(By.id("reference")).getText();
		UUID id = jdbc.sql("SELECT id FROM triage.request WHERE reference = ?").param(reference).query(UUID.class).single();

		// the confirmation reached Notify: to the number typed, with the reference shown on screen
		String confirmation = MessageKind.FORM_CONFIRMATION.reference(id);
		awaitStatus(jdbc, confirmation, "CREATED");
		JsonNode sent = FakeNotify.body(FakeNotify.sendsWithReference(confirmation).get(0));
		assertThat(sent.path("phone_number").asString()).isEqualTo("07400900951");
		assertThat(sent.path("personalisation").path("reference").asString()).isEqualTo(reference);
		// and says what the page said about the hub's hours
		boolean closed = !present(By.id("out-of-hours")).isEmpty();
		assertThat(sent.path("personalisation").path("next_steps").asString())
			.startsWith(closed ? "The hub is closed now." : "The hub is open now");

		signIn("coordinator", "demo-password");
		clickAndWait(By.linkText("Messages"));
		check();
		clickAndWait(By.partialLinkText("All messages"));
		assertThat(browser.findElement(By.id("messages")).getText()).contains(familyName.toUpperCase(), reference,
				"Accepted by GOV.UK Notify");
		check();

		open("/triage/requests/" + id);
		clickAndWait(By.id("claim"));
		new Select(browser.findElement(By.id("serviceId"))).selectByValue(Long.toString(pharmacy));
		clickAndWait(By.id("confirm-decision"));
		assertThat(browser.findElement(By.id("flash-message")).getText()).contains("Request completed");

		String outcome = MessageKind.TRIAGE_OUTCOME.reference(id);
		awaitStatus(jdbc, outcome, "CREATED");
		open("/triage/requests/" + id);
		clickAndWait(By.id("request-messages"));
		check();
		assertThat(browser.findElement(By.tagName("table")).getText()).contains("Triage outcome: where to go",
				"Online request confirmation", "Accepted by GOV.UK Notify");
		clickAndWait(By.linkText("Triage outcome: where to go"));
		check();
		assertThat(browser.findElement(By.id("recipient")).getText()).isEqualTo("07400900951");
		assertThat(browser.findElement(By.id("template")).getText()).contains("triage-outcome-sms",
				FakeNotify.templateId(NotifyTemplate.TRIAGE_OUTCOME_SMS));
		assertThat(browser.findElement(By.id("personalisation")).getText()).contains("Pharmacy First consultation",
				ALWAYS_OPEN, "Open now, until midnight");
		JsonNode outcomeSent = FakeNotify.body(FakeNotify.sendsWithReference(outcome).get(0));
		assertThat(outcomeSent.path("personalisation").path("service").asString()).startsWith(ALWAYS_OPEN);
	}

}
