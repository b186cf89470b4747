package uk.nhs.bob.primarycare.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.IsoWeek;

/** Today in England, and so the ISO week still running (its points are shown but never judged until it ends). */
@Component
public class ProgrammeCalendar {

	static final ZoneId UK = ZoneId.of("Europe/London");

	private final Clock clock = Clock.system(UK);

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public IsoWeek currentWeek() {
		return IsoWeek.of(today());
	}

}
