package uk.nhs.bob.primarycare.identity;

import java.util.Arrays;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The form that adds a sign-in mapping. Values stay text so that nothing posted fails binding; the role and scope are
 * checked together ({@link UserFormChecks.RolesAndScope}).
 */
@UserFormChecks.RolesAndScope(rolesField = "appRole", message = "Choose the role it gives here")
record SignInMappingForm(
		@NotBlank(message = "Enter the role code, such as R8000") @Size(max = 60,
				message = "The role code must be 60 characters or fewer") @Nullable String roleCode,
		@NotBlank(message = "Enter the ODS code of the organisation, such as K81001") @Size(max = 10,
				message = "An ODS code is 10 characters or fewer") @Nullable String orgCode,
		@Nullable String appRole, @Nullable String scopeLevel, @Nullable String placeCode, @Nullable String siteCode,
		@Nullable String pcnCode, @Nullable String adminPassword) implements ScopeFields {

	static SignInMappingForm empty() {
		return new SignInMappingForm(null, null, null, null, null, null, null, null);
	}

	@Nullable
	Role role() {
		return Role.staffRoles().stream().filter(r -> r.name().equals(appRole)).findFirst().orElse(null);
	}

	@Override
	public Set<Role> roleSet() {
		Role role = role();
		return role == null ? Set.of() : Set.of(role);
	}

	static boolean known(@Nullable String role) {
		return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role));
	}

}
