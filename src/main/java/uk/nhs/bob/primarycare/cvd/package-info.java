/**
 * CVD prevention: QRISK3-2017 from the coded record, the named and versioned case-finding rules evaluated for the
 * whole population (and again for one person the moment a new observation arrives), worklists ranked by clinical
 * priority then deprivation, outreach and its outcome, and CVDPREVENT-style indicators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CVD prevention",
		allowedDependencies = { "shared", "directory", "identity", "audit", "population", "terminology",
				"triage :: person-context" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.cvd;
