package uk.nhs.bob.primarycare.cvd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.population.ObservationsRecorded;

/**
 * New observations for a person (a FHIR import, a pharmacy or home reading) re-evaluate that person's rules at
 * once, not at the next population refresh, so the worklists change as soon as the reading is committed.
 */
@Component
class ObservationsListener {

	private static final Logger log = LoggerFactory.getLogger(ObservationsListener.class);

	private final PersonEvaluation evaluation;

	ObservationsListener(PersonEvaluation evaluation) {
		this.evaluation = evaluation;
	}

	@ApplicationModuleListener
	void on(ObservationsRecorded event) {
		long started = System.nanoTime();
		evaluation.reevaluate(event.nhsNumber());
		// No NHS number in the log: the timing is for the benchmark (bench/cvd-refresh.sh)
		log.info("CVD re-evaluation after {} new observation(s) took {} ms", event.observations().size(),
				String.format(java.util.Locale.UK, "%.1f", (System.nanoTime() - started) / 1e6));
	}

}
