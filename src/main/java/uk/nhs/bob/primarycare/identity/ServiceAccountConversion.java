package uk.nhs.bob.primarycare.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AdminAction;
import uk.nhs.bob.primarycare.audit.AuditLog;

/**
 * Before access tokens, systems signed in to the APIs with HTTP Basic as service accounts (staff accounts with the
 * role API_CLIENT). At start-up each one left becomes an API client with the same id and the same secret (its
 * password hash), allowed the APIs a service account could call, and the account is deleted: HTTP Basic is gone from
 * the APIs, so it could no longer be used. Recorded in the audit log. Instances starting together convert each
 * account once (the rows are locked).
 */
@Component
@Order(1)
class ServiceAccountConversion implements ApplicationRunner {

	/** What a service account could call: every API but the audit trail (administrators) and care plans (members). */
	static final Set<ApiScope> SERVICE_ACCOUNT_SCOPES = EnumSet.of(ApiScope.TRIAGE_REQUESTS,
			ApiScope.TRIAGE_NAVIGATION, ApiScope.CVD_QRISK3, ApiScope.FHIR_IMPORT, ApiScope.PROGRAMME_SPC);

	static final String BY = "platform";

	private static final Logger log = LoggerFactory.getLogger(ServiceAccountConversion.class);

	record ServiceAccount(long id, String username, String displayName, String passwordHash) {
	}

	private final JdbcClient jdbc;

	private final ApiClients apiClients;

	private final AuditLog auditLog;

	ServiceAccountConversion(JdbcClient jdbc, ApiClients apiClients, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.apiClients = apiClients;
		this.auditLog = auditLog;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		List<ServiceAccount> accounts = jdbc.sql("""
				SELECT u.id, u.username, u.display_name, u.password_hash FROM identity.staff_user u
				WHERE EXISTS (SELECT 1 FROM identity.staff_user_role r WHERE r.user_id = u.id AND r.role = 'API_CLIENT')
				ORDER BY u.id FOR UPDATE""").query(ServiceAccount.class).list();
		for (ServiceAccount account : accounts) {
			String clientId = account.username().toLowerCase(java.util.Locale.ROOT);
			boolean usable = ApiClients.clientIdProblem(clientId).isEmpty();
			boolean registered = usable && apiClients.registerWithHashedSecret(clientId, account.displayName(),
					account.passwordHash(), SERVICE_ACCOUNT_SCOPES);
			jdbc.sql("DELETE FROM identity.staff_user WHERE id = ?").param(account.id()).update();
			String detail = registered ? "Now the API client " + clientId + " with the same secret and the scopes "
					+ String.join(" ", ApiClients.values(SERVICE_ACCOUNT_SCOPES))
					: "Removed: HTTP Basic no longer opens the APIs and an API client " + clientId
							+ (usable ? " already exists" : " cannot have this name") + "; register the system again";
			log.warn("Service account '{}': {}", account.username(), detail);
			auditLog.recordAdminAction(BY, AdminAction.SERVICE_ACCOUNT_CONVERTED, account.username(), detail);
		}
	}

}
