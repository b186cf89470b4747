/**
 * The delivery programme: workstreams, cohorts, enrolled sites, local action teams, aims, measures, PDSA cycles and
 * Making Data Count SPC charts. Measures are fed each ISO week from the other modules' events. It holds counts and
 * rates only, never identifiable data, and nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery programme",
		allowedDependencies = { "shared", "directory", "identity", "triage :: events", "neighbourhood :: events",
				"cvd :: events" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.programme;
import uk.nhs.bob.primarycare.programme.spc.Measures;

