package uk.nhs.bob.primarycare.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.SignInMappings.RoleClaim;
import uk.nhs.bob.primarycare.identity.SignInRefusedException.Reason;
import uk.nhs.bob.primarycare.identity.SignInRefusedException.Refusal;

/**
 * Staff sign-in with an OpenID Connect provider (Spring Security's OIDC login calls this with the checked ID token):
 * reads the person's roles from the roles claim ({@code primarycare.security.oidc.roles-claim}, CIS2's
 * {@code nhsid_nrbac_roles} by default; from the ID token and the UserInfo response), maps them with
 * {@link SignInMappings}, and signs the person in to their staff account ({@link SignInAccounts}). When the provider
 * says which role the person selected ({@code selected_roleid}, as CIS2 does) only that role counts. Roles that map to
 * one organisation scope are given together; roles that map to several leave the person to choose one (they hold
 * {@link #ACCESS_CHOICE_REQUIRED} until they have). No mapped role: {@link SignInRefusedException}, no account.
 */
@Component
public class StaffSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** The authority of a person who signed in with several roles at different scopes and has not chosen one yet. */
	public static final String ACCESS_CHOICE_REQUIRED = "ACCESS_CHOICE_REQUIRED";

	/** Where they choose. */
	public static final String CHOOSE_PATH = "/sign-in/choose-role";

	/** Where a person whose sign-in gives no access here is sent (no sign-in needed to see it). */
	public static final String NO_ACCESS_PATH = "/sign-in/no-access";

	/** Session attribute with the {@link SignInRefusedException.Refusal} that page shows. */
	public static final String REFUSAL_ATTRIBUTE = StaffSignIn.class.getName() + ".refusal";

	/** Session attribute with the local path to go back to after signing in again. */
	public static final String RETURN_TO_ATTRIBUTE = StaffSignIn.class.getName() + ".returnTo";

	/** The parameter of {@code /oauth2/authorization/{id}} that asks the provider to sign the person in afresh. */
	public static final String REAUTHENTICATE_PARAMETER = "reauthenticate";

	static final String SELECTED_ROLE_CLAIM = "selected_roleid";

	private final OidcUserService provider = new OidcUserService();

	private final SignInMappings mappings;

	private final SignInAccounts accounts;

	private final String rolesClaim;

	StaffSignIn(SignInMappings mappings, SignInAccounts accounts,
			@Value("${primarycare.security.oidc.roles-claim:nhsid_nrbac_roles}") String rolesClaim) {
		this.mappings = mappings;
		this.accounts = accounts;
		this.rolesClaim = rolesClaim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = provider.loadUser(request);
		String providerName = request.getClientRegistration().getClientName();
		List<RoleClaim> claims = roleClaims(user.getClaims().get(rolesClaim));
		String selected = user.getClaimAsString(SELECTED_ROLE_CLAIM);
		if (selected != null && !selected.isBlank()) {
			claims = claims.stream().filter(claim -> selected.equals(claim.personRoleId())).toList();
		}
		List<String> described = claims.stream().map(RoleClaim::describe).toList();
		SignInMappings.Access access = mappings.access(claims);
		String name = user.getFullName() != null ? user.getFullName()
				: user.getGivenName() != null ? user.getGivenName() + " " + String.valueOf(user.getFamilyName())
						: user.getPreferredUsername();
		if (access.none()) {
			throw new SignInRefusedException(new Refusal(Reason.NO_MAPPED_ROLE, providerName,
					name == null ? user.getSubject() : name, described));
		}
		Object verified = user.getClaims().get(StandardClaimNames.EMAIL_VERIFIED);
		SignInAccounts.Person person = new SignInAccounts.Person(String.valueOf(user.getIdToken().getIssuer()),
				user.getSubject(), providerName, user.getEmail(), Boolean.FALSE.equals(verified), name,
				user.getPreferredUsername(), described);
		String username = accounts.signIn(person, access.choices());
		List<AccessChoice> choices = access.choices().size() > 1 ? access.choices() : List.of();
		Collection<GrantedAuthority> authorities = choices.isEmpty() ? authorities(access.choices().get(0))
				: List.of(new SimpleGrantedAuthority(ACCESS_CHOICE_REQUIRED));
		return new StaffOidcUser(authorities, user.getIdToken(), user.getUserInfo(), username,
				request.getClientRegistration().getRegistrationId(), choices);
	}

	/** The authorities of a choice: its roles. */
	static List<GrantedAuthority> authorities(AccessChoice choice) {
		return choice.roles().stream().sorted().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	/**
	 * The roles in the claim: a list of objects with {@code role_code} and {@code org_code} (and CIS2's
	 * {@code person_roleid} and {@code role_name}). Entries without a role or organisation code are skipped.
	 */
	static List<RoleClaim> roleClaims(@Nullable Object claim) {
		List<RoleClaim> roles = new ArrayList<>();
		if (claim instanceof Collection<?> entries) {
			for (Object entry : entries) {
				if (entry instanceof Map<?, ?> fields) {
					String role = text(fields.get("role_code"));
					String org = text(fields.get("org_code"));
					if (role != null && org != null) {
						roles.add(new RoleClaim(role, org, text(fields.get("person_roleid")),
								text(fields.get("role_name"))));
					}
				}
			}
		}
		return roles;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().trim();
		return text.isEmpty() || text.length() > 200 ? null : text;
	}

}
