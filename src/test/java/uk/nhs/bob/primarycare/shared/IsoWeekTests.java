package uk.nhs.bob.primarycare.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IsoWeekTests {

	@Test
	void aWeekRunsFromMondayToSunday() {
		IsoWeek week = IsoWeek.of(LocalDate.of(2026, 11, 22)); // a Sunday
		assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 16));
		assertThat(week.sunday()).isEqualTo(LocalDate.of(2026, 11, 22));
		assertThat(week.contains(LocalDate.of(2026, 11, 23))).isFalse();
		assertThat(week.next().monday()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(week.label()).isEqualTo("2026-W47");
	}

	@Test
	void theLabelUsesTheWeekBasedYear() {
		assertThat(IsoWeek.of(LocalDate.of(2025, 12, 29)).label()).isEqualTo("2026-W01");
		assertThat(IsoWeek.of(LocalDate.of(2021, 1, 3)).label()).isEqualTo("2020-W53");
	}

	@Test
	void aWeekMustStartOnAMonday() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IsoWeek(LocalDate.of(2026, 11, 17)));
	}

}
