package uk.nhs.bob.primarycare.identity;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.identity.OrganisationScope.Level;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The form that changes a user. {@code version} is the version of the user the form was filled in from, so a save
 * over someone else's newer change is refused instead of overwriting it; {@code adminPassword} is the administrator's
 * own password, asked for when roles or scope change. Values are text so no posted value fails binding.
 */
@UserFormChecks.KnownVersion
@UserFormChecks.RolesAndScope
record EditUserForm(@Nullable String version,
		@NotBlank(message = "Enter the full name of the user") @Size(max = 120,
				message = "Name must be 120 characters or fewer") @Nullable String displayName,
		@Nullable List<String> roles, @Nullable String scopeLevel, @Nullable String placeCode,
		@Nullable String siteCode, @Nullable String pcnCode, @Nullable String enabled,
		@Nullable String adminPassword,
		@Email(message = "Enter an email address like name@nhs.net, or leave it empty") @Size(max = 254,
				message = "Email address must be 254 characters or fewer") @Nullable String email) implements ScopeFields {

	static EditUserForm from(ManagedUser user) {
		OrganisationScope scope = user.scope();
		return new EditUserForm(String.valueOf(user.version()), user.displayName(),
				user.roles().stream().map(Role::name).toList(), scope.level().name(),
				scope.level() == Level.PLACE ? scope.code() : null, scope.level() == Level.SITE ? scope.code() : null,
				scope.level() == Level.PCN ? scope.code() : null, String.valueOf(user.enabled()), null, user.email());
	}

	@Override
	public Set<Role> roleSet() {
		return ScopeFields.roles(roles);
	}

	boolean enabledTicked() {
		return "true".equals(enabled) || "on".equals(enabled);
	}

	/** The version the form was filled in from, or {@code null} when it was lost or tampered with. */
	@Nullable
	Long versionNumber() {
		return version != null && version.matches("\\d{1,18}") ? Long.valueOf(version) : null;
	}

}
