package uk.nhs.bob.primarycare.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * An ISO-8601 week (Monday to Sunday), the period every weekly measure is counted in. Its {@link #monday()} is the
 * key modules exchange in events; {@link #label()} is how people read it, for example {@code 2026-W47}.
 */
public record IsoWeek(LocalDate monday) implements Comparable<IsoWeek> {

	public IsoWeek {
		if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
			throw new IllegalArgumentException("An ISO week starts on a Monday, not " + monday);
		}
	}

	public static IsoWeek of(LocalDate date) {
		return new IsoWeek(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
	}

	public LocalDate sunday() {
		return monday.plusDays(6);
	}

	public IsoWeek next() {
		return new IsoWeek(monday.plusWeeks(1));
	}

	public IsoWeek previous() {
		return new IsoWeek(monday.minusWeeks(1));
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(monday) && !date.isAfter(sunday());
	}

	public String label() {
		// the week-based year, not the calendar year: 29 December 2025 is in 2026-W01
		return "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	@Override
	public int compareTo(IsoWeek other) {
		return monday.compareTo(other.monday);
	}

	@Override
	public String toString() {
		return label();
	}

}
