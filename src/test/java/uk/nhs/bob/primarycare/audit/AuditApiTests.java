package uk.nhs.bob.primarycare.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** {@code GET /api/v1/audit}: the scope audit.read only, the promised JSON shape, newest first, paged, 400 for nonsense. */
@AuditModuleTest
class AuditApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditLog auditLog;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void answersTheEntriesOfAPersonNewestFirstInThePromisedShape() {
		NhsNumber person = AuditLogTests.validNumber(String.valueOf(100_000_000 + (int) (Math.random() * 800_000_000)));
		String reader = "reader-" + UUID.randomUUID().toString().substring(0, 6);
		Instant before = Instant.now().minusSeconds(1);
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			auditLog.recordView(reader, person, "/population/people/" + person.value(), "Direct care: first");
			auditLog.recordBreakGlassView(reader, person, "INT care plan", "Break-glass: second");
		});
		auditLog.recordRefusal(reader, person, null, "GET /cvd/people/" + person.value(), "Refused: third");

		MvcTestResult result = mvc.get()
			.uri("/api/v1/audit?nhsNumber={n}&since={s}", person.value(), before.toString())
			.with(tokens.otherClientBearer("audit.read"))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.entries.length()").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.entries[0].outcome").isEqualTo("refused");
		assertThat(result).bodyJson().extractingPath("$.entries[1].outcome").isEqualTo("break-glass");
		assertThat(result).bodyJson().extractingPath("$.entries[2].outcome").isEqualTo("viewed");
		assertThat(result).bodyJson().extractingPath("$.entries[2].user").isEqualTo(reader);
		assertThat(result).bodyJson().extractingPath("$.entries[2].nhsNumber").isEqualTo(person.value());
		assertThat(result).bodyJson().extractingPath("$.entries[2].requestReference").isNull();
		assertThat(result).bodyJson().extractingPath("$.entries[2].page").isEqualTo("/population/people/" + person.value());
		assertThat(result).bodyJson().extractingPath("$.entries[2].purpose").isEqualTo("Direct care: first");
		assertThat(result).bodyJson().extractingPath("$.entries[2].at").asString().startsWith("20");

		MvcTestResult firstPage = mvc.get()
			.uri("/api/v1/audit?nhsNumber={n}&size=2", person.value())
			.with(tokens.otherClientBearer("audit.read"))
			.exchange();
		assertThat(firstPage).bodyJson().extractingPath("$.entries.length()").isEqualTo(2);
		assertThat(firstPage).hasHeader("X-Total-Count", "3");
		assertThat(firstPage.getResponse().getHeader("Link")).contains("page=2", "rel=\"next\"")
			.doesNotContain("http");
	}

	@Test
	void namesRequestsWithoutAnNhsNumberByReference() {
		String reference = "TR-TEST" + (int) (Math.random() * 10_000);
		new TransactionTemplate(transactionManager).executeWithoutResult(
				status -> auditLog.recordRequestView("coordinator", reference, "/triage", "Direct care: queue"));
		assertThat(mvc.get()
			.uri("/api/v1/audit?requestReference={r}", reference)
			.with(tokens.otherClientBearer("audit.read"))).bodyJson()
			.extractingPath("$.entries[0].requestReference")
			.isEqualTo(reference);
	}

	@Test
	void refusesBadParametersWithAProblemNamingThem() {
		for (String query : new String[] { "nhsNumber=1234567890", "since=yesterday", "page=0", "size=100000",
				"colour=blue", "nhsNumber=9434765919&nhsNumber=9434765919", "since=2026-02-30" }) {
			MvcTestResult result = mvc.get().uri("/api/v1/audit?" + query).with(tokens.otherClientBearer("audit.read")).exchange();
			assertThat(result).as(query).hasStatus(400).hasContentType("application/problem+json");
			assertThat(result).as(query).bodyJson().extractingPath("$.errors[0].field").isNotNull();
		}
	}

	@Test
	void needsTheAuditScope() {
		assertThat(mvc.get().uri("/api/v1/audit").with(tokens.otherClientBearer("triage.requests", "careplan.read")))
			.hasStatus(403);
		// an administrator's page sign-in opens no API
		assertThat(mvc.get().uri("/api/v1/audit").with(user("admin").roles("ICB_ADMIN"))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/audit")).hasStatus(401);
	}

}
