/**
 * The audit trail: who looked at whose identifiable record, when, on which page and for what purpose. Writes happen
 * inside the transaction of the read they record, so a view is never shown without its entry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "shared" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.audit;
