package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The care plan page keeps the markup of the plan by the value of everything it shows, read on every view: a change
 * written by another instance (straight to the database) shows on the next view, the alerts and forms are rendered
 * for each request (their CSRF token is the session's), and every view is still audited.
 */
@IntegrationTest
class CarePlanKeptPartsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangeWrittenElsewhereShowsOnTheNextViewAndEveryViewIsAudited() {
		UUID entry = jdbc.sql("SELECT id FROM neighbourhood.caseload_entry WHERE site_code = 'OX-CTY' ORDER BY id LIMIT 1")
			.query(UUID.class)
			.single();
		String page = "/neighbourhood/care-plans/" + entry;
		String whatMatters = jdbc.sql("SELECT what_matters FROM neighbourhood.caseload_entry WHERE id = ?")
			.param(entry)
			.query(String.class)
			.single();
		long audited = audited(entry);
		assertThat(mvc.get().uri(page).with(user("neighbourhood").roles("INT_MEMBER"))).hasStatusOk()
			.bodyText()
			.contains("What matters to me")
			.doesNotContain("Walking to the allotment again");
		try {
			jdbc.sql("UPDATE neighbourhood.caseload_entry SET what_matters = 'Walking to the allotment again' WHERE id = ?")
				.param(entry)
				.update();
			assertThat(mvc.get().uri(page).with(user("neighbourhood").roles("INT_MEMBER"))).hasStatusOk()
				.bodyText()
				.contains("Walking to the allotment again");
		}
		finally {
			jdbc.sql("UPDATE neighbourhood.caseload_entry SET what_matters = ? WHERE id = ?")
				.params(whatMatters, entry)
				.update();
		}
		assertThat(mvc.get().uri(page).with(user("neighbourhood").roles("INT_MEMBER"))).hasStatusOk()
			.bodyText()
			.doesNotContain("Walking to the allotment again");
		assertThat(audited(entry)).isEqualTo(audited + 3);
	}

	private long audited(UUID entry) {
		return jdbc.sql("""
				SELECT count(*) FROM audit.record_view WHERE page = 'INT care plan'
				AND nhs_number = (SELECT nhs_number FROM neighbourhood.caseload_entry WHERE id = ?)""")
			.param(entry)
			.query(Long.class)
			.single();
	}

}
