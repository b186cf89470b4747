package uk.nhs.bob.primarycare.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.identity.OrganisationScope.Level;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The scope part of the user forms: a level and one organisation list per level. Only the list of the chosen level
 * counts; the others may still hold an earlier choice. Values stay text so that nothing posted can fail binding.
 */
interface ScopeFields {

	@Nullable
	String scopeLevel();

	@Nullable
	String placeCode();

	@Nullable
	String siteCode();

	@Nullable
	String pcnCode();

	/** The staff roles chosen. */
	Set<Role> roleSet();

	/** The chosen level, or {@code null} when none (or no real one) was chosen. */
	default @Nullable Level level() {
		return Arrays.stream(Level.values()).filter(l -> l.name().equals(scopeLevel())).findFirst().orElse(null);
	}

	/** The organisation code of the chosen level, or {@code null} for the ICB or when none was chosen. */
	default @Nullable String scopeCode() {
		Level level = level();
		if (level == null) {
			return null;
		}
		String code = switch (level) {
			case ICB -> null;
			case PLACE -> placeCode();
			case SITE -> siteCode();
			case PCN -> pcnCode();
		};
		return code == null || code.isBlank() ? null : code.trim();
	}

	/** The staff roles among the posted values; unknown values (and a system's role) are ignored. */
	static Set<Role> roles(@Nullable List<String> values) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (values != null) {
			for (Role role : Role.staffRoles()) {
				if (values.contains(role.name())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

}
