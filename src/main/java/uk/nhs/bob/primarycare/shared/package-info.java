/**
 * Value types every module speaks in (NHS number, ODS code, postcode, staff roles, the pagination of long lists) and
 * the contract by which a module brings its pages to the platform ({@link uk.nhs.bob.primarycare.shared.ModulePages}).
 * No beans, no persistence: anything here is part of every module's vocabulary (and {@link
 * uk.nhs.bob.primarycare.shared.RenderedFragment}, a page fragment rendered to a string for a page to keep).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared value types", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.shared;
