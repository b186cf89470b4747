package uk.nhs.bob.primarycare.audit;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The audit module on its own, on PostgreSQL: no other module's beans are needed. */
@ApplicationModuleTest
class AuditModuleTests {

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final ApplicationContext context;

	AuditModuleTests(AuditLog auditLog, TransactionTemplate transactions, ApplicationContext context) {
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.context = context;
	}

	@Test
	void startsWithoutTheOtherModules() {
		assertThat(context.getBeanNamesForType(uk.nhs.bob.primarycare.directory.Directory.class)).isEmpty();
	}

	@Test
	void aViewIsRecordedOnlyInsideTheTransactionOfTheRead() {
		NhsNumber person = new NhsNumber("9434765919");
		String username = "audit-module-" + UUID.randomUUID().toString().substring(0, 8);
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> auditLog.recordView(username, person, "/test", "Testing"));

		transactions.executeWithoutResult(tx -> auditLog.recordView(username, person, "/test", "Testing"));

		var found = auditLog.search(new AuditQuery(username, null, null, null), PageRequest.of(0, 10));
		assertThat(found.getContent()).singleElement().satisfies(view -> {
			assertThat(view.nhsNumber()).isEqualTo(person);
			assertThat(view.page()).isEqualTo("/test");
			assertThat(view.purpose()).isEqualTo("Testing");
		});
	}

}
