package uk.nhs.bob.primarycare.programme;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.platform.Accessibility;
import uk.nhs.bob.primarycare.platform.BrowserTestSupport;
import uk.nhs.bob.primarycare.shared.IsoWeek;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: the Berkshire West Place delivery user adds a site, enrols it in a cohort, adds a measure with
 * weekly values, records a PDSA cycle, and sees the site's SPC chart with the cycle as an annotation. Every page
 * passes the WCAG A/AA checks.
 */
@IntegrationTest
class ProgrammeBrowserTests extends BrowserTestSupport {

	private void type(String id, String text) {
		browser.findElement(By.id(id)).clear();
		browser.findElement(By.id(id)).sendKeys(text);
	}

	private void typeDate(String prefix, LocalDate date) {
		type(prefix + "Day", String.valueOf(date.getDayOfMonth()));
		type(prefix + "Month", String.valueOf(date.getMonthValue()));
		type(prefix + "Year", String.valueOf(date.getYear()));
	}

	private void submit() {
		clickAndWait(By.cssSelector("main form button[type=submit].nhsuk-button"));
	}

	@Test
	void theOverviewPlaceIcbAndProjectPagesPassTheAccessibilityChecks() throws IOException {
		signIn("admin", "demo-password");
		open("/programme");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Integrated Neighbourhood Teams",
				"Mobilisation", "No sites");
		assertThat(Accessibility.violations(browser)).isEmpty();
		clickAndWait(By.linkText("ICB view across the Places"));
		assertThat(Accessibility.violations(browser)).isEmpty();
		clickAndWait(By.linkText("Oxfordshire"));
		assertThat(browser.findElements(By.cssSelector(".programme-icon"))).isNotEmpty();
		assertThat(Accessibility.violations(browser)).isEmpty();
		clickAndWait(By.cssSelector("main .nhsuk-card__link"));
		String project = browser.getCurrentUrl();
		assertThat(browser.findElements(By.cssSelector("svg.programme-chart__svg"))).hasSizeGreaterThanOrEqualTo(2);
		assertThat(browser.findElements(By.cssSelector(".programme-chart__point-button"))).isNotEmpty();
		assertThat(Accessibility.violations(browser)).isEmpty();
		// each point is a button named by its week; choosing one reads its details out
		browser.findElement(By.cssSelector(".programme-chart__point-button")).click();
		assertThat(browser.findElement(By.cssSelector(".programme-chart__details")).getText())
			.startsWith("Week commencing");
		clickAndWait(By.linkText("See and change the driver diagram"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Change idea:", "Ramp: PDSA 1");
		assertThat(Accessibility.violations(browser)).isEmpty();
		browser.get(project);
		clickAndWait(By.linkText("Change the team"));
		assertThat(Accessibility.violations(browser)).isEmpty();
		browser.get(project);
		clickAndWait(By.linkText("Record a progress score"));
		assertThat(Accessibility.violations(browser)).isEmpty();
		open("/programme/cohorts/1/edit");
		assertThat(Accessibility.violations(browser)).isEmpty();

		// the portfolio for a Place board: the summary matrix, then the board pack to print
		open("/programme/portfolio");
		assertThat(Accessibility.violations(browser)).isEmpty();
		new Select(browser.findElement(By.id("place"))).selectByVisibleText("Berkshire West");
		submit();
		assertThat(browser.findElement(By.id("portfolio-showing")).getText()).startsWith("Berkshire West");
		assertThat(browser.findElements(By.cssSelector(".programme-matrix__table .programme-measure-icons")))
			.isNotEmpty();
		assertThat(Accessibility.violations(browser)).isEmpty();
		clickAndWait(By.linkText("Open the board pack to print"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Board pack: Berkshire West");
		assertThat(browser.findElements(By.cssSelector(".programme-pack__site"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("[data-print]"))).hasSize(1);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Milestones", "Risks and issues");
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

	@Test
	void aPlaceDeliveryUserEnrolsASiteRecordsAPdsaCycleAndSeesItOnTheChart() throws IOException {
		String siteName = "Newbury East " + UUID.randomUUID().toString().substring(0, 6);
		signIn("delivery", "demo-password");
		open("/programme");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Delivery programme");
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.linkText("Add a programme site"));
		assertThat(Accessibility.violations(browser)).isEmpty();
		type("name", siteName);
		type("footprint", "OX-CTY");
		submit();
		// a footprint outside the Place is refused, and what was typed stays
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("OX-CTY is not a neighbourhood site or PCN code in Berkshire West");
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(siteName);
		assertThat(Accessibility.violations(browser)).isEmpty();
		type("footprint", "BW-NEW");
		submit();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(siteName);

		// finished cohorts are not offered, and the table says why
		Select cohorts = new Select(browser.findElement(By.id("cohortId")));
		assertThat(cohorts.getOptions()).extracting(option -> option.getText())
			.noneMatch(text -> text.contains("Cohort 1 (March 2024"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("finished on 31 August 2024");
		cohorts.getOptions()
			.stream()
			.filter(option -> option.getText().startsWith("CVD prevention: Cohort 4"))
			.findFirst()
			.orElseThrow()
			.click();
		submit();
		assertThat(browser.findElement(By.className("nhsuk-notification-banner")).getText())
			.contains("enrolled in Cohort 4 of CVD prevention");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("History across cohorts and workstreams")
			.contains("Cohort 4");
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.linkText("CVD prevention"));
		clickAndWait(By.linkText("Add a measure"));
		assertThat(Accessibility.violations(browser)).isEmpty();
		new Select(browser.findElement(By.id("feed"))).selectByVisibleText("CVD outreach done");
		new Select(browser.findElement(By.id("kind"))).selectByVisibleText("Process");
		submit();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("CVD outreach done");

		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		IsoWeek thisWeek = IsoWeek.of(today);
		for (int weeksAgo = 4; weeksAgo >= 1; weeksAgo--) {
			typeDate("week", thisWeek.monday().minusWeeks(weeksAgo));
			type("value", String.valueOf(20 + weeksAgo));
			submit();
		}
		assertThat(browser.findElements(By.cssSelector(".programme-chart__point-button"))).hasSize(4);
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.cssSelector("a.nhsuk-back-link"));
		String project = browser.getCurrentUrl();
		// the cycle tests a change idea of the driver diagram
		clickAndWait(By.linkText("See and change the driver diagram"));
		for (String[] driver : new String[][] { { "Primary driver", "", "People at high risk are found" },
				{ "Secondary driver", "Primary driver: People at high risk are found", "Invitations are easy to act on" },
				{ "Change idea", "Secondary driver: Invitations are easy to act on", "Text invitations with a booking link" } }) {
			new Select(browser.findElement(By.id("level"))).selectByVisibleText(driver[0]);
			if (!driver[1].isEmpty()) {
				new Select(browser.findElement(By.id("parentId"))).selectByVisibleText(driver[1]);
			}
			type("text", driver[2]);
			clickAndWait(By.cssSelector("#add-driver button[type=submit]"));
		}
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("Change idea: Text invitations with a booking link");
		assertThat(Accessibility.violations(browser)).isEmpty();
		browser.get(project);
		clickAndWait(By.linkText("Record a PDSA cycle"));
		assertThat(Accessibility.violations(browser)).isEmpty();
		new Select(browser.findElement(By.id("changeIdeaId"))).selectByVisibleText("Text invitations with a booking link");
		type("predictions[0].prediction", "Ten more contacts a week");
		type("title", "Text invitations with a booking link");
		submit();
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText()).contains("Enter the plan");
		assertThat(browser.findElement(By.id("title")).getAttribute("value"))
			.isEqualTo("Text invitations with a booking link");
		type("plan", "Send invitations by text to the first 50 people on the worklist.");
		type("prediction", "More people book an outreach appointment.");
		typeDate("start", thisWeek.monday().minusWeeks(2).plusDays(1));
		submit();

		assertThat(browser.findElement(By.className("nhsuk-notification-banner")).getText())
			.contains("PDSA cycle recorded: Text invitations with a booking link");
		assertThat(browser.findElements(By.cssSelector("svg.programme-chart__svg"))).hasSize(1);
		assertThat(browser.findElement(By.cssSelector(".programme-chart__pdsa-label")).getText()).isEqualTo("PDSA 1");
		assertThat(browser.findElement(By.cssSelector(".programme-chart__annotations")).getText())
			.contains("PDSA 1: Text invitations with a booking link");
		assertThat(browser.findElement(By.id("pdsa-1")).getText()).contains("More people book an outreach appointment",
				"Change idea tested", "Ten more contacts a week", "Not studied yet");
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

}
