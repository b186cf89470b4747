package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One period a service is open on one weekday, from {@code opens} (inclusive) to {@code closes} (exclusive). A period
 * that runs to midnight closes at {@link #MIDNIGHT}, shown as '24:00'; a period never crosses midnight (overnight
 * opening is two periods on two days).
 */
public record OpeningPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) implements Comparable<OpeningPeriod> {

	/** The end of the day, for periods that run until midnight. */
	public static final LocalTime MIDNIGHT = LocalTime.MAX;

	private static final Pattern TIME = Pattern.compile("^\\s*(\\d{1,2})[:.](\\d{2})\\s*$");

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	public OpeningPeriod {
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("A period must close after it opens: " + opens + "-" + closes);
		}
		if (opens.equals(MIDNIGHT)) {
			throw new IllegalArgumentException("A period cannot open at the end of the day");
		}
	}

	public static OpeningPeriod of(DayOfWeek day, String opens, String closes) {
		return new OpeningPeriod(day, parseTime(opens).orElseThrow(), parseTime(closes).orElseThrow());
	}

	public boolean contains(LocalTime time) {
		return !time.isBefore(opens) && time.isBefore(closes);
	}

	public boolean overlaps(OpeningPeriod other) {
		return day == other.day && opens.isBefore(other.closes) && other.opens.isBefore(closes);
	}

	/** '08:00 to 13:00'. */
	public String text() {
		return format(opens) + " to " + format(closes);
	}

	@Override
	public int compareTo(OpeningPeriod other) {
		int byDay = day.compareTo(other.day);
		return byDay != 0 ? byDay : opens.compareTo(other.opens);
	}

	/**
	 * A time as people type it on a 24-hour clock: '08:30', '8:30', '8.30'; '24:00' means midnight at the end of the
	 * day. Empty when it is not a real time.
	 */
	public static Optional<LocalTime> parseTime(String input) {
		Matcher m = TIME.matcher(input);
		if (!m.matches()) {
			return Optional.empty();
		}
		int hours = Integer.parseInt(m.group(1));
		int minutes = Integer.parseInt(m.group(2));
		if (hours == 24 && minutes == 0) {
			return Optional.of(MIDNIGHT);
		}
		if (hours > 23 || minutes > 59) {
			return Optional.empty();
		}
		return Optional.of(LocalTime.of(hours, minutes));
	}

	/** '08:30', or '24:00' for the end of the day. */
	public static String format(LocalTime time) {
		return time.equals(MIDNIGHT) ? "24:00" : HH_MM.format(time);
	}

}
