package uk.nhs.bob.primarycare.identity;

import org.jspecify.annotations.Nullable;

/** A new password set by an administrator; the rules are {@link UserAdministration#passwordProblem}. */
record PasswordForm(@Nullable String password) {

}
