/**
 * The population: people registered at BOB practices with their demographics, deprivation and coded record
 * (problems, observations, medications, hospital admissions), person search and summary, and the synthetic
 * population generator for demonstrations and benchmarks. Case finding (CVD) and caseloads (INTs) read it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Population",
		allowedDependencies = { "shared", "directory", "identity", "audit", "terminology" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.population;
