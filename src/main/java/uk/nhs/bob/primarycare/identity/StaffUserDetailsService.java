package uk.nhs.bob.primarycare.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users from the database for form sign-in and HTTP Basic. A user whose password an administrator reset
 * carries {@value #PASSWORD_CHANGE_REQUIRED} until they choose a new one (service accounts never do: they have no
 * pages to do it on).
 */
@Component
class StaffUserDetailsService implements UserDetailsService {

	/** The authority of a signed-in user who must choose a new password before doing anything else. */
	static final String PASSWORD_CHANGE_REQUIRED = StaffUsers.PASSWORD_CHANGE_REQUIRED;

	private final StaffAccountRepository accounts;

	StaffUserDetailsService(StaffAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		StaffAccount account = accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		List<GrantedAuthority> authorities = new ArrayList<>(
				account.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
		if (account.isPasswordChangeRequired() && !account.isServiceAccount()) {
			authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
		}
		return User.withUsername(account.getUsername())
			.password(account.getPasswordHash())
			.authorities(authorities)
			.disabled(!account.isEnabled())
			.build();
	}

}
