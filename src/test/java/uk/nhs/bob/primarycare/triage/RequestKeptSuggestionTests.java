package uk.nhs.bob.primarycare.triage;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The request page keeps the markup of its suggestion (dispositions with the matching services) by the value of what
 * it shows: a service renamed straight in the database (as another instance would) shows on the next view.
 */
@IntegrationTest
class RequestKeptSuggestionTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aServiceChangedElsewhereShowsOnTheNextView() throws Exception {
		String page = null;
		String service = null;
		for (UUID id : jdbc.sql("SELECT id FROM triage.request WHERE site_code = 'BK-AYL' ORDER BY id")
			.query(UUID.class)
			.list()) {
			String html = view("/triage/requests/" + id);
			Matcher shown = Pattern.compile("<tr class=\"nhsuk-table__row\">\\s*<td class=\"nhsuk-table__cell\">([^<&]+)</td>")
				.matcher(html.substring(html.indexOf("id=\"suggestions\"")));
			if (shown.find()) {
				page = "/triage/requests/" + id;
				service = shown.group(1);
				break;
			}
		}
		assertThat(service).as("a demo request whose suggestion lists a service").isNotNull();
		String renamed = service + " (renamed elsewhere)";
		assertThat(jdbc.sql("UPDATE directory.service SET name = ? WHERE name = ?").params(renamed, service).update())
			.isPositive();
		try {
			assertThat(view(page)).contains(renamed);
		}
		finally {
			jdbc.sql("UPDATE directory.service SET name = ? WHERE name = ?").params(service, renamed).update();
		}
		assertThat(view(page)).contains(service).doesNotContain(renamed);
	}

	private String view(String page) throws Exception {
		var result = mvc.get().uri(page).with(user("coordinator").roles("CARE_COORDINATOR")).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
