package uk.nhs.bob.primarycare.cvd;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.population.ObservationsRecorded;

/**
 * New observations for a person (a FHIR import, a pharmacy or home reading) re-evaluate that person's rules at
 * once, not at the next population refresh, so the worklists change as soon as the reading is committed.
 */
@Component
class ObservationsListener {

	private final PersonEvaluation evaluation;

	ObservationsListener(PersonEvaluation evaluation) {
		this.evaluation = evaluation;
	}

	@ApplicationModuleListener
	void on(ObservationsRecorded event) {
		evaluation.reevaluate(event.nhsNumber());
	}

}
