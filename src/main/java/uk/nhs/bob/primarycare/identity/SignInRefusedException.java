package uk.nhs.bob.primarycare.identity;

import java.io.Serializable;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A person signed in at their identity provider but gets no access here: none of their roles is mapped, their account
 * is disabled, or the email address names an account linked to someone else. Not an error: the sign-in page sends
 * them to a page that says which, with what the provider said, for them to give their ICB administrator.
 */
public class SignInRefusedException extends OAuth2AuthenticationException {

	private static final long serialVersionUID = 1L;

	public static final String ERROR_CODE = "access_denied_here";

	/** Why there is no access. */
	public enum Reason {

		NO_MAPPED_ROLE, ACCOUNT_DISABLED, EMAIL_OF_ANOTHER_ACCOUNT

	}

	/** What the no-access page shows. */
	public record Refusal(Reason reason, String provider, String personName, List<String> roles)
			implements Serializable {
	}

	private final Refusal refusal;

	SignInRefusedException(Refusal refusal) {
		super(new OAuth2Error(ERROR_CODE, refusal.reason().name(), null), refusal.reason().name());
		this.refusal = refusal;
	}

	public Refusal refusal() {
		return refusal;
	}

}
