package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.ObservationType;

/**
 * A person's observations grouped by type, newest first, sorted once: QRISK3 and the rules ask for the latest of
 * several types, and the population refresh asks two million times.
 */
final class RecordIndex {

	private static final ObservationType[] TYPES = ObservationType.values();

	private static final Comparator<Observation> NEWEST_FIRST = Comparator.comparing(Observation::date).reversed();

	private final List<List<Observation>> byType = new ArrayList<>(TYPES.length);

	RecordIndex(CodedRecord record) {
		for (int i = 0; i < TYPES.length; i++) {
			byType.add(new ArrayList<>(2));
		}
		for (Observation observation : record.observations()) {
			byType.get(observation.type().ordinal()).add(observation);
		}
		for (List<Observation> observations : byType) {
			if (observations.size() > 1) {
				// stable: of two on the same day the one recorded later stays later, as CodedRecord.observations does
				observations.sort(NEWEST_FIRST);
			}
		}
	}

	/** The observations of one type, newest first. */
	List<Observation> observations(ObservationType type) {
		return byType.get(type.ordinal());
	}

	Optional<Observation> latest(ObservationType type) {
		List<Observation> observations = observations(type);
		return observations.isEmpty() ? Optional.empty() : Optional.of(observations.get(0));
	}

}
