package uk.nhs.bob.primarycare.cvd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Small numbers on the aggregate dashboard never identify anyone, not even through a percentage. */
class DashboardCountsTests {

	static Dashboard.Counts counts(long people, long possibleUndiagnosed) {
		return new Dashboard.Counts("x", "Group", people, 0, possibleUndiagnosed, 0, 0, 0, 0, 0);
	}

	@Test
	void countsFromOneToFourShowNoPercentage() {
		Dashboard.Counts two = counts(197, 2);
		assertThat(two.percent(Dashboard.Indicator.POSSIBLE_UNDIAGNOSED)).isNull();
		assertThat(two.text(Dashboard.Indicator.POSSIBLE_UNDIAGNOSED)).isEqualTo("fewer than 5 of 197");
	}

	@Test
	void fiveOrMoreShowThePercentageAndTheCounts() {
		assertThat(counts(200, 5).text(Dashboard.Indicator.POSSIBLE_UNDIAGNOSED)).isEqualTo("2.5% (5 of 200)");
		assertThat(counts(200, 0).text(Dashboard.Indicator.POSSIBLE_UNDIAGNOSED)).isEqualTo("0.0% (0 of 200)");
	}

	@Test
	void denominatorsUnderTenShowNothing() {
		assertThat(counts(9, 5).text(Dashboard.Indicator.POSSIBLE_UNDIAGNOSED)).isEqualTo("Too few people to show");
	}

}
