/**
 * The platform: layout, navigation, security configuration, error pages, the embedded database for a set-up-free
 * run, and the demo data run that asks each module to create its part. It sits on top and may use any module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		allowedDependencies = { "shared", "directory", "identity", "audit", "population" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.platform;
