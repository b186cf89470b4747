package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One observation newly recorded for a person, in the platform's code and unit (see {@link ObservationType}). */
public record RecordedObservation(ObservationType type, String snomedCode, BigDecimal value, String unit,
		LocalDate date, @Nullable BloodPressureSetting setting) {
}
