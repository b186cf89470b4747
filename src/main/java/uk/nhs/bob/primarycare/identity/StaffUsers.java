package uk.nhs.bob.primarycare.identity;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;

/**
 * Who is signed in, with roles and organisation scope, for other modules' scope checks.
 */
@Component
@Transactional(readOnly = true)
public class StaffUsers {

	private final StaffAccountRepository accounts;

	private final Directory directory;

	StaffUsers(StaffAccountRepository accounts, Directory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	/** The signed-in user, if any. */
	public Optional<StaffUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return find(authentication.getName());
	}

	/** The signed-in user; for code that runs only behind sign-in. */
	public StaffUser currentUser() {
		return current().orElseThrow(() -> new IllegalStateException("No user is signed in"));
	}

	public Optional<StaffUser> find(String username) {
		return accounts.findByUsername(username).filter(StaffAccount::isEnabled).map(this::toStaffUser);
	}

	/** Every enabled user with any of these roles, by display name: for pick lists such as reassigning work. */
	public java.util.List<StaffUser> withAnyRole(Set<Role> roles) {
		return accounts.findAllByOrderByUsernameAsc()
			.stream()
			.filter(StaffAccount::isEnabled)
			.filter(a -> a.getRoles().stream().anyMatch(roles::contains))
			.map(this::toStaffUser)
			.sorted(java.util.Comparator.comparing(StaffUser::displayName))
			.toList();
	}

	StaffUser toStaffUser(StaffAccount account) {
		OrganisationScope scope = account.scope();
		return new StaffUser(account.getUsername(), account.getDisplayName(), Set.copyOf(account.getRoles()), scope,
				scopeName(scope));
	}

	/** A readable name for a scope ("Oxfordshire", "Reading Central PCN"). */
	public String scopeName(OrganisationScope scope) {
		String code = scope.code();
		return switch (scope.level()) {
			case ICB -> "BOB ICB";
			case PLACE -> directory.place(code).map(p -> p.name()).orElse(code);
			case SITE -> directory.site(code).map(s -> s.name()).orElse(code);
			case PCN -> directory.pcn(code).map(p -> p.name()).orElse(code);
		};
	}

}
