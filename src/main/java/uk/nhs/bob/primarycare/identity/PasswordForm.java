package uk.nhs.bob.primarycare.identity;

import org.jspecify.annotations.Nullable;

/**
 * A new password set by an administrator, confirmed with the administrator's own password; the rules are
 * {@link PasswordPolicy}.
 */
record PasswordForm(@Nullable String password, @Nullable String adminPassword) {

}
