package uk.nhs.bob.primarycare.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.audit.RefusedAccess;

/**
 * Records every refused (403) request of a signed-in user in the audit log: the page asked for, and the person when
 * the refusal names one. Called by the pages' and the APIs' access-denied handlers, so refusals by URL rule and by
 * scope check inside a module are recorded alike.
 */
@Component
class RefusalAudit {

	private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);

	private final AuditLog auditLog;

	RefusalAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	void record(HttpServletRequest request, AccessDeniedException ex) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return;
		}
		String page = request.getMethod() + " " + request.getRequestURI();
		try {
			if (ex instanceof RefusedAccess refused) {
				if (!refused.audited()) {
					auditLog.recordRefusal(authentication.getName(), refused.nhsNumber(), refused.requestReference(),
							page, "Refused: " + refused.getMessage());
				}
			}
			else {
				auditLog.recordRefusal(authentication.getName(), null, null, page,
						"Refused: role or organisation scope");
			}
		}
		catch (RuntimeException auditFailure) {
			// the answer is a refusal either way; a failed entry must not turn it into a 500
			log.error("Could not record a refused request of {} to {}", authentication.getName(), page, auditFailure);
		}
	}

}
