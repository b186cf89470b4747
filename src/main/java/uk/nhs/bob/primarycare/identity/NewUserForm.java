package uk.nhs.bob.primarycare.identity;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The form that creates a user. Roles and the scope level are text so that no posted value fails binding; the
 * username, password rules, roles and scope are checked together by {@link UserFormChecks}.
 */
@UserFormChecks.NewAccount
@UserFormChecks.RolesAndScope
record NewUserForm(
		@NotBlank(message = "Enter a username") @Size(max = 60,
				message = "Username must be 60 characters or fewer") @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9._@-]*\\s*",
						message = "Username must start with a letter or digit and contain only letters, digits, "
								+ "dots, hyphens, underscores and @") @Nullable String username,
		@NotBlank(message = "Enter the full name of the user") @Size(max = 120,
				message = "Name must be 120 characters or fewer") @Nullable String displayName,
		@Nullable String password, @Nullable List<String> roles, @Nullable String scopeLevel,
		@Nullable String placeCode, @Nullable String siteCode, @Nullable String pcnCode,
		@Email(message = "Enter an email address like name@nhs.net, or leave it empty") @Size(max = 254,
				message = "Email address must be 254 characters or fewer") @Nullable String email) implements ScopeFields {

	static NewUserForm empty() {
		return new NewUserForm(null, null, null, null, null, null, null, null, null);
	}

	@Override
	public Set<Role> roleSet() {
		return ScopeFields.roles(roles);
	}

	String trimmedUsername() {
		return username == null ? "" : username.trim();
	}

}
