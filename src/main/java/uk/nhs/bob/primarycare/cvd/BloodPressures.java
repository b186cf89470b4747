package uk.nhs.bob.primarycare.cvd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.ObservationType;

/**
 * Blood pressure readings as NICE NG136 reads them (docs/cvd.md). A single reading (clinic, community pharmacy,
 * optometry, or one whose setting the record does not say) is raised at 140 systolic or 90 diastolic or more, either
 * number; a home monitoring or ambulatory average at 135 or 85 or more. Single home readings count only as a home
 * monitoring series: readings on at least 4 days within 7, the first day's discarded, the rest averaged.
 */
final class BloodPressures {

	static final int RAISED_SYSTOLIC = 140;

	static final int RAISED_DIASTOLIC = 90;

	static final int AVERAGE_RAISED_SYSTOLIC = 135;

	static final int AVERAGE_RAISED_DIASTOLIC = 85;

	/** NG136 home monitoring: readings on at least 4 days (of 4 to 7), the first day discarded. */
	static final int HOME_SERIES_MIN_DAYS = 4;

	static final int HOME_SERIES_WINDOW_DAYS = 7;

	/** Readings used for diagnosis and targets are from the last 12 months (12 months ago to the day counts). */
	static final int WINDOW_MONTHS = 12;

	private BloodPressures() {
	}

	enum Kind {

		SINGLE, AVERAGE, HOME_SERIES

	}

	/**
	 * A reading: the systolic and diastolic of the same day and setting, a recorded home or ambulatory average, or the
	 * average of a home monitoring series (with the readings it used).
	 */
	record Reading(LocalDate date, int systolic, int diastolic, @Nullable BloodPressureSetting setting, Kind kind,
			List<Reading> used) {

		Reading(LocalDate date, int systolic, int diastolic, @Nullable BloodPressureSetting setting) {
			this(date, systolic, diastolic, setting,
					setting != null && setting.average() ? Kind.AVERAGE : Kind.SINGLE, List.of());
		}

		/** A home or ambulatory average (recorded or from a series): the 135/85 thresholds apply. */
		public boolean average() {
			return kind != Kind.SINGLE;
		}

		/** A single home reading: used only within a home monitoring series. */
		public boolean singleHome() {
			return kind == Kind.SINGLE && setting == BloodPressureSetting.HOME;
		}

		/** NG136: 140/90 or higher (either number) for a single reading, 135/85 or higher for an average. */
		public boolean raised() {
			return average() ? systolic >= AVERAGE_RAISED_SYSTOLIC || diastolic >= AVERAGE_RAISED_DIASTOLIC
					: systolic >= RAISED_SYSTOLIC || diastolic >= RAISED_DIASTOLIC;
		}

		public String where() {
			return switch (kind) {
				case HOME_SERIES -> "home monitoring average of " + used.size() + " readings from "
						+ RiskAssessment.date(used.get(used.size() - 1).date()) + " to " + RiskAssessment.date(date)
						+ ", first day discarded";
				case AVERAGE -> setting == null ? "average" : setting.label();
				case SINGLE -> setting == null ? "setting not recorded, read as clinic" : setting.label();
			};
		}

		public String text() {
			return systolic + "/" + diastolic + " mmHg on " + RiskAssessment.date(date) + " (" + where() + ")";
		}

	}

	/** Readings, newest first: systolic and diastolic paired by day and setting. */
	static List<Reading> readings(RecordIndex record) {
		List<Observation> systolics = record.observations(ObservationType.SYSTOLIC_BP);
		List<Observation> diastolics = new ArrayList<>(record.observations(ObservationType.DIASTOLIC_BP));
		if (systolics.isEmpty()) {
			return List.of();
		}
		List<Reading> readings = new ArrayList<>(systolics.size());
		for (Observation s : systolics) {
			for (int i = 0; i < diastolics.size(); i++) {
				Observation d = diastolics.get(i);
				if (d.date().equals(s.date()) && d.setting() == s.setting()) {
					diastolics.remove(i);
					readings.add(new Reading(s.date(), whole(s), whole(d), s.setting()));
					break;
				}
			}
		}
		// already newest first: systolics come sorted from the index
		return readings;
	}

	/**
	 * The latest home monitoring series in the window, averaged as NG136 asks, or null when the latest run of home
	 * readings spans fewer than 4 days.
	 */
	static @Nullable Reading homeSeries(List<Reading> readings, LocalDate since, LocalDate today) {
		LocalDate last = null;
		for (Reading reading : readings) {
			if (reading.singleHome() && !reading.date().isBefore(since) && !reading.date().isAfter(today)) {
				last = reading.date();
				break;
			}
		}
		if (last == null) {
			return null;
		}
		LocalDate from = last.minusDays(HOME_SERIES_WINDOW_DAYS - 1L);
		List<Reading> series = new ArrayList<>();
		TreeSet<LocalDate> days = new TreeSet<>();
		for (Reading reading : readings) {
			if (reading.singleHome() && !reading.date().isBefore(from) && !reading.date().isAfter(last)) {
				series.add(reading);
				days.add(reading.date());
			}
		}
		if (days.size() < HOME_SERIES_MIN_DAYS) {
			return null;
		}
		LocalDate firstDay = days.first();
		List<Reading> used = series.stream().filter(r -> !r.date().equals(firstDay)).toList();
		return new Reading(last, mean(used, true), mean(used, false), BloodPressureSetting.HOME, Kind.HOME_SERIES,
				used);
	}

	/**
	 * The reading the hypertension rules judge: the latest of the last 12 months among single readings (not single
	 * home readings), recorded averages and the latest home monitoring series; of two on the same day the average.
	 */
	static @Nullable Reading latestInWindow(List<Reading> readings, LocalDate today) {
		LocalDate since = today.minusMonths(WINDOW_MONTHS);
		Reading latest = null;
		for (Reading reading : readings) {
			if (reading.singleHome() || reading.date().isBefore(since) || reading.date().isAfter(today)) {
				continue;
			}
			if (latest == null || reading.date().isAfter(latest.date())
					|| (reading.date().equals(latest.date()) && reading.average() && !latest.average())) {
				latest = reading;
			}
		}
		Reading series = homeSeries(readings, since, today);
		if (series != null && (latest == null || !series.date().isBefore(latest.date()))) {
			latest = series;
		}
		return latest;
	}

	private static int mean(List<Reading> readings, boolean systolic) {
		int sum = 0;
		for (Reading reading : readings) {
			sum += systolic ? reading.systolic() : reading.diastolic();
		}
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(readings.size()), 0, RoundingMode.HALF_UP).intValue();
	}

	private static int whole(Observation o) {
		return o.value().setScale(0, RoundingMode.HALF_UP).intValue();
	}

}
