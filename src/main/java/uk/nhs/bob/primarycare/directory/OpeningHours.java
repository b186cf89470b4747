package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A service's regular weekly opening hours: any number of periods per weekday (a lunch closure is two periods), none
 * on a closed day. Periods on one day never overlap. No periods at all means the service lists no regular hours (by
 * appointment or online only), so it is never 'open at' a given time.
 */
public record OpeningHours(List<OpeningPeriod> periods) {

	public OpeningHours {
		List<OpeningPeriod> sorted = new ArrayList<>(periods);
		sorted.sort(null);
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i - 1).overlaps(sorted.get(i))) {
				throw new IllegalArgumentException(
						"Opening periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
			}
		}
		periods = List.copyOf(sorted);
	}

	/**
	 * Hours written one part per line, days then periods: {@code MON-FRI 08:00-18:30}, {@code SAT 09:00-12:00
	 * 14:00-17:00}, {@code SUN 00:00-24:00}. Days are named by their first letters; a range includes both ends.
	 *
	 * @throws IllegalArgumentException for anything else, saying what
	 */
	public static OpeningHours parse(String... lines) {
		List<OpeningPeriod> periods = new ArrayList<>();
		for (String line : lines) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length < 2) {
				throw new IllegalArgumentException("Give days and times, like MON-FRI 08:00-18:30: " + line);
			}
			String[] days = parts[0].split("-");
			DayOfWeek first = day(days[0]);
			DayOfWeek last = days.length > 1 ? day(days[1]) : first;
			for (int d = first.getValue(); d <= last.getValue(); d++) {
				for (int i = 1; i < parts.length; i++) {
					String[] times = parts[i].split("-");
					if (times.length != 2 || OpeningPeriod.parseTime(times[0]).isEmpty()
							|| OpeningPeriod.parseTime(times[1]).isEmpty()) {
						throw new IllegalArgumentException("Not a period like 08:00-18:30: " + parts[i]);
					}
					periods.add(OpeningPeriod.of(DayOfWeek.of(d), times[0], times[1]));
				}
			}
		}
		return new OpeningHours(periods);
	}

	private static DayOfWeek day(String abbreviation) {
		String wanted = abbreviation.toUpperCase(java.util.Locale.ROOT);
		return java.util.Arrays.stream(DayOfWeek.values())
			.filter(d -> wanted.length() >= 2 && d.name().startsWith(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not a day: " + abbreviation));
	}

	public static OpeningHours none() {
		return new OpeningHours(List.of());
	}

	/** Whether the service is open at this local (UK) date and time: the weekday has a period containing the time. */
	public boolean isOpenAt(LocalDateTime dateTime) {
		DayOfWeek day = dateTime.getDayOfWeek();
		return periods.stream().anyMatch(p -> p.day() == day && p.contains(dateTime.toLocalTime()));
	}

	/** When the period open at this local date and time closes; empty when closed then. */
	public Optional<LocalTime> closesAfter(LocalDateTime dateTime) {
		DayOfWeek day = dateTime.getDayOfWeek();
		return periods.stream()
			.filter(p -> p.day() == day && p.contains(dateTime.toLocalTime()))
			.map(OpeningPeriod::closes)
			.findFirst();
	}

	/** The next time in the coming week a period opens after this local date and time; empty with no hours. */
	public Optional<LocalDateTime> nextOpening(LocalDateTime after) {
		for (int days = 0; days <= 7; days++) {
			LocalDateTime day = after.toLocalDate().plusDays(days).atStartOfDay();
			for (OpeningPeriod period : on(day.getDayOfWeek())) {
				LocalDateTime opens = day.with(period.opens());
				if (opens.isAfter(after)) {
					return Optional.of(opens);
				}
			}
		}
		return Optional.empty();
	}

	public List<OpeningPeriod> on(DayOfWeek day) {
		return periods.stream().filter(p -> p.day() == day).toList();
	}

	public boolean isClosedOn(DayOfWeek day) {
		return on(day).isEmpty();
	}

	public boolean isEmpty() {
		return periods.isEmpty();
	}

	/** '08:00 to 13:00, 14:00 to 18:30', 'Open 24 hours' or 'Closed'. */
	public String describe(DayOfWeek day) {
		List<OpeningPeriod> today = on(day);
		if (today.isEmpty()) {
			return "Closed";
		}
		if (today.size() == 1 && today.get(0).opens().equals(LocalTime.MIDNIGHT)
				&& today.get(0).closes().equals(OpeningPeriod.MIDNIGHT)) {
			return "Open 24 hours";
		}
		return today.stream().map(OpeningPeriod::text).collect(Collectors.joining(", "));
	}

}
