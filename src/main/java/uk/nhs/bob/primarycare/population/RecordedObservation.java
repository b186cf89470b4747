package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One observation newly recorded for a person: its code and system as stored, and its type and value in the type's
 * unit where the platform recognises it (type null otherwise).
 */
public record RecordedObservation(@Nullable ObservationType type, @Nullable String codeSystem, String code,
		@Nullable BigDecimal value, @Nullable String unit, LocalDate date, @Nullable BloodPressureSetting setting) {
}
