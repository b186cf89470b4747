package uk.nhs.bob.primarycare.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from this client (for this account or in all): the password was not checked. */
public class SignInThrottledException extends AuthenticationException {

	public SignInThrottledException() {
		super("Too many failed sign-in attempts; wait a few minutes and try again");
	}

}
