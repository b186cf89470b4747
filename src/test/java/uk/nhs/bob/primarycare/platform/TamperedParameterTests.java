package uk.nhs.bob.primarycare.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Parameters naming nested or indexed properties of a form record are ignored, never a 500. */
@IntegrationTest
class TamperedParameterTests {

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest
	@CsvSource({ "/population/people, nhsNumber[0]", "/population/people, familyName.bytes",
			"/population/people, postcode.x", "/audit, username[0]", "/audit, fromDay.x", "/directory/services, q.x",
			"/admin/users, role[1]" })
	void areIgnored(String path, String parameter) {
		assertThat(mvc.get().uri(path).param("search", "1").param(parameter, "x").with(user("admin").roles("ICB_ADMIN")))
			.hasStatusOk();
	}

}
