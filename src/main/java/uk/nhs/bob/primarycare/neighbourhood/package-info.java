/**
 * Integrated Neighbourhood Teams: a multidisciplinary team per neighbourhood site finds people with complex needs
 * (electronic Frailty Index, configurable cohort definitions), holds them on a caseload with one shared personalised
 * care and support plan, and runs MDT meetings. It hears the triage and CVD modules through their events only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integrated Neighbourhood Teams",
		allowedDependencies = { "shared", "directory", "identity", "audit", "population", "terminology",
				"triage :: events", "triage :: requests", "triage :: person-context", "cvd :: events" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.neighbourhood;
