package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.CodedRecord.Observation;

/**
 * A blood pressure reading: the systolic and diastolic observations taken together, for display. The thresholds
 * are NICE NG136 clinic thresholds (DOMAIN.md B4): 140/90 raised, 180/120 severe.
 */
record BloodPressureReading(LocalDate date, int systolic, int diastolic, @Nullable BloodPressureSetting setting,
		boolean raised, boolean severe) {

	BloodPressureReading(LocalDate date, int systolic, int diastolic, @Nullable BloodPressureSetting setting) {
		this(date, systolic, diastolic, setting, systolic >= 140 || diastolic >= 90, systolic >= 180 || diastolic >= 120);
	}

	/** Pairs systolic and diastolic observations of the same day and setting, newest first. */
	static List<BloodPressureReading> from(List<Observation> observations) {
		List<Observation> diastolics = new ArrayList<>(observations.stream()
			.filter(o -> o.type() == ObservationType.DIASTOLIC_BP)
			.toList());
		List<BloodPressureReading> readings = new ArrayList<>();
		for (Observation systolic : observations) {
			if (systolic.type() != ObservationType.SYSTOLIC_BP) {
				continue;
			}
			Observation diastolic = diastolics.stream()
				.filter(d -> d.date().equals(systolic.date()) && d.setting() == systolic.setting())
				.findFirst()
				.orElse(null);
			if (diastolic != null) {
				diastolics.remove(diastolic);
				readings.add(new BloodPressureReading(systolic.date(), whole(systolic.value()),
						whole(diastolic.value()), systolic.setting()));
			}
		}
		readings.sort(Comparator.comparing(BloodPressureReading::date).reversed());
		return readings;
	}

	private static int whole(BigDecimal value) {
		return value.setScale(0, java.math.RoundingMode.HALF_UP).intValue();
	}

}
