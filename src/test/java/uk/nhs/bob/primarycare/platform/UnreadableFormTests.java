package uk.nhs.bob.primarycare.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A posted value that cannot be read as its field's type (text for a number, a plain value for a group of fields,
 * text for a file) comes back as the form with an error in plain words, never a 500 or a Java type name.
 */
@IntegrationTest
class UnreadableFormTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aNumberFieldGivenTextIsAFormError() {
		MvcTestResult result = mvc.post()
			.uri("/programme/sites")
			.param("name", "A site")
			.param("version", "not-a-number")
			.with(user("admin").roles("ICB_ADMIN"))
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus2xxSuccessful();
		assertThat(result).bodyText().contains("There is a problem").doesNotContain("java.", "Exception");
	}

	@Test
	void aGroupOfFieldsGivenOneValueIsAFormError() {
		MvcTestResult result = mvc.post()
			.uri("/admin/directory/services")
			.param("name", "A pharmacy")
			.param("monday", "open all day")
			.with(user("admin").roles("ICB_ADMIN"))
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus2xxSuccessful();
		assertThat(result).bodyText().contains("There is a problem").doesNotContain("java.", "Exception");
	}

	@Test
	void aFileFieldGivenTextIsAFormError() {
		MvcTestResult result = mvc.post()
			.uri("/admin/population/import")
			.param("bundle", "not a file")
			.with(user("admin").roles("ICB_ADMIN"))
			.with(csrf())
			.exchange();
		assertThat(result.getResponse().getStatus()).isLessThan(500);
		assertThat(result).bodyText().doesNotContain("java.", "Exception");
	}

}
