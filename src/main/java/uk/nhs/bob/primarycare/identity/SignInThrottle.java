package uk.nhs.bob.primarycare.identity;

import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and locks it for 15 minutes after the fifth in a row; a successful sign-in
 * clears the count. Attempts on a locked account are refused before the password is checked, so they neither count
 * nor extend the lock.
 */
@Component
class SignInThrottle {

	private final StaffAccountRepository accounts;

	SignInThrottle(StaffAccountRepository accounts) {
		this.accounts = accounts;
	}

	@EventListener
	@Transactional
	void on(AuthenticationFailureBadCredentialsEvent event) {
		accounts.findByUsername(event.getAuthentication().getName())
			.ifPresent(account -> account.recordFailedSignIn(Instant.now()));
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		accounts.findByUsername(event.getAuthentication().getName()).ifPresent(account -> {
			if (account.getFailedSignIns() > 0 || account.getLockedUntil() != null) {
				account.recordSuccessfulSignIn();
			}
		});
	}

}
