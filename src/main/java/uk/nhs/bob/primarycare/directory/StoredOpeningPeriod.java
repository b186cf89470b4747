package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An {@link OpeningPeriod} as stored: ISO weekday and minutes after midnight (1440 = end of the day). */
@Embeddable
class StoredOpeningPeriod {

	private static final int END_OF_DAY = 24 * 60;

	@Column(name = "day_of_week")
	private int dayOfWeek;

	@Column(name = "opens_minute")
	private int opensMinute;

	@Column(name = "closes_minute")
	private int closesMinute;

	protected StoredOpeningPeriod() {
	}

	StoredOpeningPeriod(OpeningPeriod period) {
		this.dayOfWeek = period.day().getValue();
		this.opensMinute = minutes(period.opens());
		this.closesMinute = minutes(period.closes());
	}

	OpeningPeriod toPeriod() {
		return new OpeningPeriod(DayOfWeek.of(dayOfWeek), time(opensMinute), time(closesMinute));
	}

	static int minutes(LocalTime time) {
		return time.equals(OpeningPeriod.MIDNIGHT) ? END_OF_DAY : time.getHour() * 60 + time.getMinute();
	}

	static LocalTime time(int minutes) {
		return minutes >= END_OF_DAY ? OpeningPeriod.MIDNIGHT : LocalTime.of(minutes / 60, minutes % 60);
	}

}
