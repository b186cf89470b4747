/**
 * Same-day triage and navigation: requests from care coordinators, the public online form and the 111 /
 * online-consultation API land in the queue of the hub for the person's neighbourhood site; the versioned
 * navigation rule pack (red flags first, then Pharmacy First and the other services) suggests where to send each
 * person; coordinators decide under clinical supervision, and the outcome is counted per hub and ISO week.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Same-day triage and navigation",
		allowedDependencies = { "shared", "directory", "identity", "audit", "population" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.triage;
