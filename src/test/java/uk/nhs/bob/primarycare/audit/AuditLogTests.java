package uk.nhs.bob.primarycare.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The audit log: entries are written in the reader's transaction and ICB administrators browse them newest first,
 * 50 a page, filtered. Each test writes entries under its own username, so other entries in the shared database do
 * not matter.
 */
@AuditModuleTest
class AuditLogTests {

	static final NhsNumber PERSON = new NhsNumber("9434765919");

	static final NhsNumber OTHER_PERSON = validNumber("999000123");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	static RequestPostProcessor admin() {
		return user("admin").roles("ICB_ADMIN");
	}

	static String unique() {
		return "auditor-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The first valid NHS number from the given nine digits upwards. */
	static NhsNumber validNumber(String nineDigits) {
		long digits = Long.parseLong(nineDigits);
		while (NhsNumber.checkDigit(String.format("%09d", digits)) == null) {
			digits++;
		}
		String first = String.format("%09d", digits);
		return new NhsNumber(first + NhsNumber.checkDigit(first));
	}

	void record(String username, NhsNumber person, int count) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			for (int i = 1; i <= count; i++) {
				auditLog.recordView(username, person, "Person summary", String.format("purpose-%03d", i));
			}
		});
	}

	@Test
	void anEntryNeedsTheReadersTransaction() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> auditLog.recordView(unique(), PERSON, "Person summary", "Direct care"));
	}

	@Test
	void aListOfPeopleAndRequestsWithoutAnNhsNumberIsOneEntryEachInTheOrderShown() {
		String username = unique();
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> auditLog.recordViews(username,
				List.of(PERSON, OTHER_PERSON), List.of("TR-QUEUE-1", "TR-QUEUE-2"), "Queue", "Direct care: queue"));
		assertThat(jdbc.sql("""
				SELECT coalesce(nhs_number, request_reference) FROM audit.record_view
				WHERE username = ? AND page = 'Queue' AND purpose = 'Direct care: queue' AND outcome = 'VIEWED'
				ORDER BY id""").param(username).query(String.class).list())
			.containsExactly(PERSON.value(), OTHER_PERSON.value(), "TR-QUEUE-1", "TR-QUEUE-2");
		new TransactionTemplate(transactionManager).executeWithoutResult(
				status -> auditLog.recordViews(username, List.of(), List.of("TR-QUEUE-3"), "Queue", "Direct care: queue"));
		assertThat(jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = ? AND nhs_number IS NULL")
			.param(username)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void searchFindsEntriesNewestFirstAPageAtATime() {
		String username = unique();
		record(username, PERSON, 55);

		Page<RecordView> first = auditLog.search(new AuditQuery(username.toUpperCase(), null, null, null),
				PageRequest.of(0, 50));
		assertThat(first.getTotalElements()).isEqualTo(55);
		assertThat(first.getContent()).hasSize(50);
		assertThat(first.getContent().get(0).purpose()).isEqualTo("purpose-055");
		assertThat(first.getContent().get(0).username()).isEqualTo(username);
		assertThat(first.getContent().get(0).nhsNumber()).isEqualTo(PERSON);
		assertThat(first.getContent()).isSortedAccordingTo((a, b) -> b.viewedAt().compareTo(a.viewedAt()));

		Page<RecordView> second = auditLog.search(new AuditQuery(username, null, null, null), PageRequest.of(1, 50));
		assertThat(second.getContent()).extracting(RecordView::purpose)
			.containsExactly("purpose-005", "purpose-004", "purpose-003", "purpose-002", "purpose-001");
	}

	@Test
	void theAuditPageIsPaginatedFiftyAtATime() {
		String username = unique();
		record(username, PERSON, 55);

		assertThat(mvc.get().uri("/audit").param("username", username).with(admin())).hasStatusOk()
			.bodyText()
			.contains("55 entries, page 1 of 2", "purpose-055", "purpose-006", "943 476 5919", "nhsuk-pagination",
					"page=2")
			.doesNotContain("purpose-005");
		assertThat(mvc.get().uri("/audit").param("username", username).param("page", "2").with(admin()))
			.hasStatusOk()
			.bodyText()
			.contains("page 2 of 2", "purpose-005", "purpose-001")
			.doesNotContain("purpose-006");
		// past the end or nonsense: the nearest real page, not an error
		assertThat(mvc.get().uri("/audit").param("username", username).param("page", "99").with(admin()))
			.hasStatusOk()
			.bodyText()
			.contains("page 2 of 2");
		assertThat(mvc.get().uri("/audit").param("username", username).param("page", "two").with(admin()))
			.hasStatusOk()
			.bodyText()
			.contains("page 1 of 2");
	}

	@Test
	void filtersByNhsNumberTypedWithSpaces() {
		String username = unique();
		record(username, PERSON, 2);
		record(username, OTHER_PERSON, 3);

		assertThat(mvc.get()
			.uri("/audit")
			.param("username", username)
			.param("nhsNumber", " " + OTHER_PERSON.formatted() + " ")
			.with(admin())).hasStatusOk()
			.bodyText()
			.contains("3 entries", ">" + OTHER_PERSON.formatted() + "<")
			.doesNotContain(">943 476 5919<");
	}

	@Test
	void anInvalidNhsNumberGivesAMessage() {
		assertThat(mvc.get().uri("/audit").param("nhsNumber", "943 476 5918").with(admin())).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter a valid NHS number", "value=\"943 476 5918\"")
			.doesNotContain("nhsuk-table__body");
	}

	@Test
	void filtersByDates() {
		String username = unique();
		record(username, PERSON, 3);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		LocalDate yesterday = today.minusDays(1);

		assertThat(mvc.get()
			.uri("/audit")
			.param("username", username)
			.param("fromDay", String.valueOf(today.getDayOfMonth()))
			.param("fromMonth", String.valueOf(today.getMonthValue()))
			.param("fromYear", String.valueOf(today.getYear()))
			.param("toDay", String.valueOf(today.getDayOfMonth()))
			.param("toMonth", String.valueOf(today.getMonthValue()))
			.param("toYear", String.valueOf(today.getYear()))
			.with(admin())).hasStatusOk().bodyText().contains("3 entries");
		assertThat(mvc.get()
			.uri("/audit")
			.param("username", username)
			.param("toDay", String.valueOf(yesterday.getDayOfMonth()))
			.param("toMonth", String.valueOf(yesterday.getMonthValue()))
			.param("toYear", String.valueOf(yesterday.getYear()))
			.with(admin())).hasStatusOk().bodyText().contains("No entries match these filters");
	}

	@Test
	void badDatesGiveMessages() {
		assertThat(mvc.get()
			.uri("/audit")
			.param("fromDay", "31")
			.param("fromMonth", "2")
			.param("fromYear", "2026")
			.param("toDay", "1")
			.param("toMonth", "")
			.param("toYear", "2026")
			.with(admin())).hasStatusOk()
			.bodyText()
			.contains("Date from must be a real date", "Date to must include a day, month and year",
					"value=\"31\"");
		assertThat(mvc.get()
			.uri("/audit")
			.param("fromDay", "2")
			.param("fromMonth", "3")
			.param("fromYear", "2026")
			.param("toDay", "1")
			.param("toMonth", "3")
			.param("toYear", "2026")
			.with(admin())).hasStatusOk()
			.bodyText()
			.contains("Date to must be the same as or after date from");
		assertThat(mvc.get()
			.uri("/audit")
			.param("fromDay", "x")
			.param("fromMonth", "99")
			.param("fromYear", "-1")
			.with(admin())).hasStatusOk()
			.bodyText()
			.contains("Date from must be a real date");
	}

	@Test
	void browsingTheLogWritesNoEntries() {
		long before = jdbc.sql("SELECT count(*) FROM audit.record_view").query(Long.class).single();
		assertThat(mvc.get().uri("/audit").with(admin())).hasStatusOk();
		assertThat(mvc.get().uri("/audit").param("nhsNumber", PERSON.value()).with(admin())).hasStatusOk();
		assertThat(jdbc.sql("SELECT count(*) FROM audit.record_view").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyIcbAdministratorsSeeTheLog() {
		assertThat(mvc.get().uri("/audit").with(user("supervisor").roles("CLINICAL_SUPERVISOR"))).hasStatus(403);
	}

}
