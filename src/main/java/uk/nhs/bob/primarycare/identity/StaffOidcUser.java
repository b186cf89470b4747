package uk.nhs.bob.primarycare.identity;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A member of staff signed in with an OpenID Connect provider: the provider's tokens and claims, named by the staff
 * account's username (so every page, scope check and audit entry knows them as they know a password user), with the
 * registration they used and, while they have not chosen yet, the choices of role and scope their roles gave.
 */
class StaffOidcUser extends DefaultOidcUser {

	private static final long serialVersionUID = 1L;

	private final String username;

	private final String registrationId;

	private final List<AccessChoice> choices;

	StaffOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
			@Nullable OidcUserInfo userInfo, String username, String registrationId, List<AccessChoice> choices) {
		super(authorities, idToken, userInfo, IdTokenClaimNames.SUB);
		this.username = username;
		this.registrationId = registrationId;
		this.choices = List.copyOf(choices);
	}

	@Override
	public String getName() {
		return username;
	}

	/** The client registration the user signed in through. */
	public String registrationId() {
		return registrationId;
	}

	/** The roles and scopes to choose from; empty once chosen (or when there was one). */
	public List<AccessChoice> choices() {
		return choices;
	}

	/** The same sign-in with the chosen access. */
	StaffOidcUser withChosen(Collection<? extends GrantedAuthority> authorities) {
		return new StaffOidcUser(authorities, getIdToken(), getUserInfo(), username, registrationId, List.of());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return super.equals(other) && other instanceof StaffOidcUser user && user.username.equals(username);
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + username.hashCode();
	}

}
