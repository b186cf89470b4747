package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OpeningHoursTests {

	// Monday 2 March 2026 .. Sunday 8 March 2026
	private static final OpeningHours LUNCH_CLOSURE = DirectoryDemoData.hours("MON-FRI 08:00-13:00 14:00-18:30",
			"SAT 09:00-12:00");

	@ParameterizedTest
	@CsvSource({ "2026-03-02T07:59, false", "2026-03-02T08:00, true", "2026-03-02T12:59, true",
			"2026-03-02T13:00, false", "2026-03-02T13:30, false", "2026-03-02T14:00, true", "2026-03-02T18:29, true",
			"2026-03-02T18:30, false", "2026-03-07T10:00, true", "2026-03-07T13:00, false",
			"2026-03-08T10:00, false" })
	void isOpenWithinAPeriodOfThatWeekday(LocalDateTime at, boolean open) {
		assertThat(LUNCH_CLOSURE.isOpenAt(at)).isEqualTo(open);
	}

	@Test
	void aPeriodToMidnightCoversTheLastMinuteOfTheDay() {
		OpeningHours allDay = DirectoryDemoData.hours("MON-SUN 00:00-24:00");
		assertThat(allDay.isOpenAt(LocalDateTime.parse("2026-03-08T23:59:59"))).isTrue();
		assertThat(allDay.isOpenAt(LocalDateTime.parse("2026-03-02T00:00"))).isTrue();
		assertThat(allDay.describe(SUNDAY)).isEqualTo("Open 24 hours");
	}

	@Test
	void describesEachDayInOrderAndClosedDays() {
		assertThat(LUNCH_CLOSURE.describe(MONDAY)).isEqualTo("08:00 to 13:00, 14:00 to 18:30");
		assertThat(LUNCH_CLOSURE.describe(SATURDAY)).isEqualTo("09:00 to 12:00");
		assertThat(LUNCH_CLOSURE.describe(SUNDAY)).isEqualTo("Closed");
		assertThat(LUNCH_CLOSURE.isClosedOn(SUNDAY)).isTrue();
		assertThat(LUNCH_CLOSURE.on(MONDAY)).extracting(OpeningPeriod::opens)
			.containsExactly(LocalTime.of(8, 0), LocalTime.of(14, 0));
	}

	@Test
	void noPeriodsMeansNeverOpen() {
		assertThat(OpeningHours.none().isOpenAt(LocalDateTime.parse("2026-03-02T12:00"))).isFalse();
		assertThat(OpeningHours.none().isEmpty()).isTrue();
	}

	@Test
	void refusesOverlappingOrBackwardsPeriods() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OpeningHours(
				List.of(OpeningPeriod.of(MONDAY, "08:00", "13:00"), OpeningPeriod.of(MONDAY, "12:00", "18:00"))));
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningPeriod.of(MONDAY, "13:00", "08:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> OpeningPeriod.of(MONDAY, "09:00", "09:00"));
		// touching periods on one day, and the same times on different days, are fine
		assertThat(new OpeningHours(List.of(OpeningPeriod.of(MONDAY, "08:00", "13:00"),
				OpeningPeriod.of(MONDAY, "13:00", "18:00"), OpeningPeriod.of(DayOfWeek.TUESDAY, "08:00", "13:00")))
			.periods()).hasSize(3);
	}

	@ParameterizedTest
	@CsvSource({ "08:30, 08:30", "8:30, 08:30", "8.30, 08:30", "' 17:05 ', 17:05", "00:00, 00:00", "24:00, 24:00" })
	void parsesTimesAsPeopleTypeThem(String typed, String normal) {
		assertThat(OpeningPeriod.parseTime(typed)).map(OpeningPeriod::format).contains(normal);
	}

	@ParameterizedTest
	@CsvSource({ "25:00", "12:60", "24:30", "noon", "0830", "8", "''", "12:3" })
	void rejectsTimesThatAreNotReal(String typed) {
		assertThat(OpeningPeriod.parseTime(typed)).isEmpty();
	}

}
