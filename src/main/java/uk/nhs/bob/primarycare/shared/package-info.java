/**
 * Value types every module speaks in (NHS number, ODS code, postcode, the pagination of long lists). No beans, no
 * persistence: anything here is part of every module's vocabulary.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared value types", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.shared;
