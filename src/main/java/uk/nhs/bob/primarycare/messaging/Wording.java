package uk.nhs.bob.primarycare.messaging;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import uk.nhs.bob.primarycare.directory.OpeningHours;
import uk.nhs.bob.primarycare.directory.OpeningPeriod;

/** Times and dates as the NHS writes them to people: 8am, 6:30pm, midnight, Monday 8 December. */
final class Wording {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

	private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.UK);

	private Wording() {
	}

	static String time(LocalTime time) {
		if (time.equals(OpeningPeriod.MIDNIGHT) || time.equals(LocalTime.MIDNIGHT)) {
			return "midnight";
		}
		if (time.equals(LocalTime.NOON)) {
			return "midday";
		}
		int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
		String suffix = time.getHour() < 12 ? "am" : "pm";
		return time.getMinute() == 0 ? hour + suffix : hour + ":" + String.format("%02d", time.getMinute()) + suffix;
	}

	static String day(LocalDate date) {
		return DAY.format(date);
	}

	/** "today", "tomorrow", or the weekday and date. */
	static String dayFrom(LocalDate date, LocalDate today) {
		if (date.equals(today)) {
			return "today";
		}
		if (date.equals(today.plusDays(1))) {
			return "tomorrow";
		}
		return "on " + day(date);
	}

	/** Open now until 6pm, or Closed now: opens on Monday 8 December at 9am, or that it lists no regular hours. */
	static String openNow(OpeningHours hours, LocalDateTime now) {
		if (hours.isEmpty()) {
			return "No regular opening hours are listed: phone before you go.";
		}
		return hours.closesAfter(now)
			.map(closes -> "Open now, until " + time(closes) + ".")
			.orElseGet(() -> hours.nextOpening(now)
				.map(opens -> "Closed now. Opens " + dayFrom(opens.toLocalDate(), now.toLocalDate()) + " at "
						+ time(opens.toLocalTime()) + ".")
				.orElse("Closed now."));
	}

	/** Today's hours: "Today: 9am to 6pm" or "Closed today". */
	static String today(OpeningHours hours, LocalDate today) {
		if (hours.isClosedOn(today.getDayOfWeek())) {
			return "Closed " + WEEKDAY.format(today) + ".";
		}
		var periods = hours.on(today.getDayOfWeek());
		if (periods.size() == 1 && periods.get(0).opens().equals(LocalTime.MIDNIGHT)
				&& periods.get(0).closes().equals(OpeningPeriod.MIDNIGHT)) {
			return "Open 24 hours today.";
		}
		StringBuilder text = new StringBuilder("Open today: ");
		for (int i = 0; i < periods.size(); i++) {
			text.append(i == 0 ? "" : ", ")
				.append(time(periods.get(i).opens()))
				.append(" to ")
				.append(time(periods.get(i).closes()));
		}
		return text.append('.').toString();
	}

}
