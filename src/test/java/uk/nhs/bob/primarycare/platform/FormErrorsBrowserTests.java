package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An empty form sent as is: the NHS.UK error summary appears, lists its errors in the order the fields appear on
 * the page (Bean Validation reports them in no fixed order), and the page still passes the accessibility checks.
 */
@IntegrationTest
class FormErrorsBrowserTests extends BrowserTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "/admin/users/new", "/admin/directory/pcns/new", "/admin/directory/sites/new" })
	void theErrorSummaryFollowsTheOrderOfTheFields(String form) throws IOException {
		signIn("admin", "demo-password");
		open(form);
		clickAndWait(By.cssSelector("main form button[type=submit].nhsuk-button"));

		List<String> targets = browser.findElements(By.cssSelector(".nhsuk-error-summary__list a"))
			.stream()
			.map(link -> link.getAttribute("href").replaceFirst("^.*#", ""))
			.toList();
		assertThat(targets).hasSizeGreaterThan(1);
		// the position of each target in the document, by walking every element once
		@SuppressWarnings("unchecked")
		List<Long> positions = (List<Long>) ((JavascriptExecutor) browser).executeScript("""
				const all = Array.from(document.querySelectorAll('*'));
				return arguments[0].map(id => all.indexOf(document.getElementById(id)));""", targets);
		assertThat(positions).doesNotContain(-1L).isSorted();
		assertThat(Accessibility.violations(browser)).isEmpty();
	}

}
