/**
 * Terminology: the published clinical code sets (NHS Primary Care Domain and drug reference sets, OpenCodelists and
 * other published lists) shipped with the application as versioned data, and the one place every module asks which
 * clusters a code belongs to. Registers and rules are built on it elsewhere; this module only knows codes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Terminology", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.terminology;
