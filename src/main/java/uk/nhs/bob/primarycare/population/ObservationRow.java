package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An observation as it is stored: the code, system and display the source gave, the value and unit as sent, or a
 * coded answer. What it means is read from the codes when the record is read ({@link RecordCodes}).
 */
record ObservationRow(@Nullable String codeSystem, String code, @Nullable String display, @Nullable BigDecimal value,
		@Nullable String unit, LocalDate date, @Nullable BloodPressureSetting setting, @Nullable String valueSystem,
		@Nullable String valueCode, @Nullable String valueDisplay) {
}
