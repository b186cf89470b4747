package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.platform.Accessibility;
import uk.nhs.bob.primarycare.platform.BrowserTestSupport;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: an INT member records the personalised care and support planning parts of a plan,
 * gets a mistake back on its field with what they typed kept, sees them on the plan (the Clinical Frailty Scale beside
 * the eFI) and opens the person's printable copy. Every page passes the WCAG A/AA checks.
 */
@IntegrationTest
class PersonalisedCareBrowserTests extends BrowserTestSupport {

	@Autowired
	TeamRepository teams;

	@Autowired
	CohortDefinitionRepository definitions;

	@Autowired
	Candidates candidates;

	@Autowired
	Caseload caseload;

	void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	@Test
	void aMemberRecordsConsentCarersAdvanceCareAndTheFrailtyScaleAndPrintsThePersonsCopy() throws IOException {
		Team team = NeighbourhoodTestData.oxfordTeam(teams, definitions);
		Candidates.Candidate candidate = NeighbourhoodTestData.candidate(candidates, team, 15);
		CaseloadEntry entry = caseload.add(team, candidate.nhsNumber(),
				candidate.profile().practiceCode(), "Browser test", null, "neighbourhood");
		String today = DateTimeFormatter.ofPattern("d/M/yyyy").format(LocalDate.now());
		signIn("neighbourhood", "demo-password");
		open("/neighbourhood/care-plans/" + entry.getId() + "/edit");
		type("whatMatters", "Getting to the allotment on Saturdays");
		new Select(browser.findElement(By.id("consentToShare"))).selectByVisibleText("Agreed to share");
		new Select(browser.findElement(By.id("agreedWith"))).selectByVisibleText("The person");
		type("agreedOn", today);
		type("carers[0].name", "Sam Example");
		new Select(browser.findElement(By.id("carers[0].role"))).selectByVisibleText("Next of kin");
		type("carers[0].relationship", "Son");
		type("carers[0].contact", "07700 900456");
		new Select(browser.findElement(By.id("respect"))).selectByVisibleText("Yes");
		type("careDocumentsHeld", "Purple folder by the front door");
		new Select(browser.findElement(By.id("frailtyScore"))).selectByVisibleText("5: Living with mild frailty");
		type("frailtyJudgedOn", today);
		clickAndWait(By.id("save-plan"));
		// consent to share needs whom: shown on the field, everything typed kept
		assertThat(browser.findElement(By.className("nhsuk-error-summary")).getText())
			.contains("Enter who the person agreed their plan can be shared with");
		assertThat(browser.findElement(By.id("carers[0].name")).getAttribute("value")).isEqualTo("Sam Example");
		assertThat(Accessibility.violations(browser)).isEmpty();
		type("sharedWith", "GP practice and the district nurses");
		clickAndWait(By.id("save-plan"));

		assertThat(browser.findElement(By.id("cfs-beside-efi")).getText())
			.isEqualTo("5: Living with mild frailty, confirmed by neighbourhood on "
					+ DateTimeFormatter.ofPattern("d MMM yyyy").format(LocalDate.now()));
		assertThat(browser.findElement(By.id("pcsp-consent")).getText())
			.isEqualTo("Agreed to share with: GP practice and the district nurses");
		assertThat(browser.findElement(By.id("pcsp-carers")).getText())
			.isEqualTo("Sam Example (Next of kin, Son): 07700 900456");
		assertThat(browser.findElement(By.id("pcsp-acp")).getText()).contains("ReSPECT form: Yes",
				"Held: Purple folder by the front door");
		assertThat(Accessibility.violations(browser)).isEmpty();

		clickAndWait(By.id("person-copy"));
		assertThat(browser.findElement(By.id("copy-title")).getText()).startsWith("Your care and support plan");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Getting to the allotment on Saturdays",
				"Sam Example");
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

}
