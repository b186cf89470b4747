package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.CodedRecord.Observation;

/**
 * A blood pressure reading: the systolic and diastolic observations taken together, for display. Raised is NICE
 * NG136's 140/90 or higher for a single reading (either number) and 135/85 or higher for a home monitoring or
 * ambulatory average; severe is 180/120 or higher (docs/cvd.md).
 */
public record BloodPressureReading(LocalDate date, int systolic, int diastolic, @Nullable BloodPressureSetting setting,
		boolean raised, boolean severe) {

	BloodPressureReading(LocalDate date, int systolic, int diastolic, @Nullable BloodPressureSetting setting) {
		this(date, systolic, diastolic, setting,
				setting != null && setting.average() ? systolic >= 135 || diastolic >= 85
						: systolic >= 140 || diastolic >= 90,
				systolic >= 180 || diastolic >= 120);
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
