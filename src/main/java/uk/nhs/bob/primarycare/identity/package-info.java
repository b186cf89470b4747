/**
 * Identity: staff users and service accounts, their roles and organisation scope, sign-in throttling, the first
 * administrator of a new installation, and user management for ICB administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
		allowedDependencies = { "shared", "directory", "audit" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.identity;
