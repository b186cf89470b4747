package uk.nhs.bob.primarycare.programme.spc;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhs.bob.primarycare.programme.spc.Spc.Assurance;
import uk.nhs.bob.primarycare.programme.spc.Spc.Direction;
import uk.nhs.bob.primarycare.programme.spc.Spc.Point;
import uk.nhs.bob.primarycare.programme.spc.Spc.PointType;
import uk.nhs.bob.primarycare.programme.spc.Spc.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.nhs.bob.primarycare.programme.spc.Spc.PointType.COMMON_CAUSE;
import static uk.nhs.bob.primarycare.programme.spc.Spc.PointType.SPECIAL_CAUSE_CONCERN;
import static uk.nhs.bob.primarycare.programme.spc.Spc.PointType.SPECIAL_CAUSE_IMPROVEMENT;
import static uk.nhs.bob.primarycare.programme.spc.Spc.PointType.SPECIAL_CAUSE_NEUTRAL_HIGH;
import static uk.nhs.bob.primarycare.programme.spc.Spc.PointType.SPECIAL_CAUSE_NEUTRAL_LOW;

/**
 * Expected values worked by hand from the NHSRplotthedots 0.2.2 logic ({@code ptd_spc_standard},
 * {@code ptd_calculate_point_type}, {@code ptd_calculate_assurance_type}); the arithmetic is in the comments.
 */
class SpcTests {

	private static final double EPS = 1e-9;

	private static Result spc(Direction direction, double... values) {
		return Spc.calculate(values, direction, null, List.of(), true);
	}

	private static List<PointType> types(Result result) {
		return result.points().stream().map(Point::pointType).toList();
	}

	private static List<PointType> commonExcept(int size, PointType special, int... indexes) {
		PointType[] types = new PointType[size];
		java.util.Arrays.fill(types, COMMON_CAUSE);
		for (int i : indexes) {
			types[i] = special;
		}
		return List.of(types);
	}

	@Test
	void limitsAreTheMeanPlusOrMinus266TimesTheMeanMovingRange() {
		// mean 3; moving ranges 1,1,1,1 -> mean moving range 1; limits 3 -/+ 2.66
		Result result = spc(Direction.INCREASE, 1, 2, 3, 4, 5);
		Point first = result.points().get(0);
		assertThat(first.mean()).isCloseTo(3.0, within(EPS));
		assertThat(first.lowerProcessLimit()).isCloseTo(0.34, within(EPS));
		assertThat(first.upperProcessLimit()).isCloseTo(5.66, within(EPS));
		// 5 is beyond two-thirds of the way to the upper limit (4.7733) but its window 3,4,5 is not all above the
		// mean (3 is on it), and 5 points are too few for a trend
		assertThat(types(result)).containsOnly(COMMON_CAUSE);
		assertThat(result.variation()).isEqualTo(COMMON_CAUSE);
		assertThat(result.shortSegmentWarning()).isTrue();
	}

	@Test
	void outlierMovingRangesAreScreenedOutOnceWhenScreeningIsOn() {
		// moving ranges 1 x8, 8, 30: mean 46/10 = 4.6; 30 >= 3.267 x 4.6 = 15.03 is dropped; the mean of the rest is
		// 16/9, and 8 (>= 3.267 x 16/9 = 5.81) is kept because screening happens once
		double[] values = { 0, 1, 0, 1, 0, 1, 0, 1, 0, 8, 38 };
		double mean = 50.0 / 11;
		Point screened = Spc.calculate(values, Direction.INCREASE, null, List.of(), true).points().get(0);
		assertThat(screened.mean()).isCloseTo(mean, within(EPS));
		assertThat(screened.upperProcessLimit()).isCloseTo(mean + 2.66 * 16 / 9, within(EPS));
		assertThat(screened.lowerProcessLimit()).isCloseTo(mean - 2.66 * 16 / 9, within(EPS));

		Point unscreened = Spc.calculate(values, Direction.INCREASE, null, List.of(), false).points().get(0);
		assertThat(unscreened.upperProcessLimit()).isCloseTo(mean + 2.66 * 4.6, within(EPS));
		assertThat(unscreened.lowerProcessLimit()).isCloseTo(mean - 2.66 * 4.6, within(EPS));
	}

	@Test
	void equalValuesHaveNoLimitsWhenScreeningDropsEveryMovingRange() {
		// every moving range is 0, and 0 < 3.267 x 0 is false, so R drops them all: the mean moving range is NaN
		Result screened = Spc.calculate(new double[] { 4, 4, 4, 4 }, Direction.INCREASE, 5.0, List.of(), true);
		assertThat(screened.points()).allSatisfy(point -> {
			assertThat(point.lowerProcessLimit()).isNull();
			assertThat(point.upperProcessLimit()).isNull();
			assertThat(point.pointType()).isEqualTo(COMMON_CAUSE);
		});
		assertThat(screened.assurance()).isEqualTo(Assurance.INCONSISTENT);

		Result unscreened = Spc.calculate(new double[] { 4, 4, 4, 4 }, Direction.INCREASE, null, List.of(), false);
		assertThat(unscreened.points().get(0).lowerProcessLimit()).isEqualTo(4.0);
		assertThat(unscreened.points().get(0).upperProcessLimit()).isEqualTo(4.0);
	}

	@Test
	void aSinglePointHasNoLimits() {
		Result result = Spc.calculate(new double[] { 7 }, Direction.DECREASE, null, List.of(), true);
		assertThat(result.points().get(0).mean()).isEqualTo(7.0);
		assertThat(result.points().get(0).upperProcessLimit()).isNull();
		assertThat(result.variation()).isEqualTo(COMMON_CAUSE);
		assertThat(result.assurance()).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "INCREASE, SPECIAL_CAUSE_IMPROVEMENT", "DECREASE, SPECIAL_CAUSE_CONCERN",
			"NEUTRAL, SPECIAL_CAUSE_NEUTRAL_HIGH" })
	void aPointAboveTheUpperLimitIsTypedByTheImprovementDirection(Direction direction, PointType expected) {
		// mean 129/12 = 10.75; moving ranges 2 x10 and 11: mean 31/11 = 2.818, 11 >= 9.21 is screened out, so the
		// mean moving range is 2 and the upper limit 10.75 + 5.32 = 16.07 < 20; 9 and 11 alternate around the mean
		Result result = spc(direction, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 20);
		assertThat(result.points().get(0).upperProcessLimit()).isCloseTo(16.07, within(EPS));
		assertThat(types(result)).isEqualTo(commonExcept(12, expected, 11));
		assertThat(result.variation()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "INCREASE, SPECIAL_CAUSE_CONCERN", "DECREASE, SPECIAL_CAUSE_IMPROVEMENT",
			"NEUTRAL, SPECIAL_CAUSE_NEUTRAL_LOW" })
	void aPointBelowTheLowerLimitIsTypedByTheImprovementDirection(Direction direction, PointType expected) {
		// mean 109/12 = 9.0833; the moving range 9 is screened out (>= 3.267 x 29/11), mean moving range 2, lower
		// limit 3.7633 > 0
		Result result = spc(direction, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 0);
		assertThat(result.points().get(0).lowerProcessLimit()).isCloseTo(109.0 / 12 - 5.32, within(EPS));
		assertThat(types(result)).isEqualTo(commonExcept(12, expected, 11));
	}

	@Test
	void sevenOrMorePointsOnOneSideOfTheMeanAreAllSpecial() {
		// mean 153.5/15 = 10.2333; points 7 (11) to 14 (10.5) are 8 in a row above it; 9 at index 6 is below;
		// moving ranges 2 x7, 0.5, 0 x6: mean 14.5/14, none screened; no point is close to a limit
		Result result = spc(Direction.DECREASE, 9, 11, 9, 11, 9, 11, 9, 11, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5,
				10.5);
		assertThat(types(result)).isEqualTo(commonExcept(15, SPECIAL_CAUSE_CONCERN, 7, 8, 9, 10, 11, 12, 13, 14));
	}

	@Test
	void sixPointsOnOneSideAreNotEnough() {
		Result result = spc(Direction.INCREASE, 9, 11, 9, 11, 9, 11, 9, 11, 9, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5);
		// mean 152/15 = 10.1333: 11 at index 7 is above, 9 at index 8 below, then only 6 points of 10.5 above
		assertThat(types(result)).containsOnly(COMMON_CAUSE);
	}

	@Test
	void aPointOnTheMeanBreaksTheRun() {
		// the 10 in the middle of 10.5s is exactly on the mean (10) and neither counts nor continues the run
		double[] values = { 9, 11, 9, 11, 9, 11, 9, 11, 9, 10.5, 10.5, 10.5, 10, 10.5, 10.5, 10.5, 9.5, 9.75,
				9.75, 9.5, 9.75, 9.75 };
		double sum = IntStream.range(0, values.length).mapToDouble(i -> values[i]).sum();
		assertThat(sum / values.length).isEqualTo(10.0);
		Result result = Spc.calculate(values, Direction.INCREASE, null, List.of(), true);
		assertThat(types(result)).containsOnly(COMMON_CAUSE);
	}

	@Test
	void aTrendOfSevenIsTypedByItsDirectionEvenWhereItCrossesTheMean() {
		// 14 down to 8 falls at every step (7 points, indexes 6-12) and crosses the mean 177/17 = 10.41; with
		// decrease as improvement every point of the trend is an improvement, those above the mean too (0.2.2)
		Result result = spc(Direction.DECREASE, 12, 8, 12, 8, 12, 8, 14, 13, 12, 11, 10, 9, 8, 12, 8, 12, 8);
		assertThat(types(result)).isEqualTo(commonExcept(17, SPECIAL_CAUSE_IMPROVEMENT, 6, 7, 8, 9, 10, 11, 12));

		Result increase = spc(Direction.INCREASE, 12, 8, 12, 8, 12, 8, 14, 13, 12, 11, 10, 9, 8, 12, 8, 12, 8);
		assertThat(types(increase)).isEqualTo(commonExcept(17, SPECIAL_CAUSE_CONCERN, 6, 7, 8, 9, 10, 11, 12));
	}

	@Test
	void aRisingTrendCountsItsFirstPoint() {
		// 1 at index 6 starts the rise 1..7: the trend flag sits on the 7th point and marks the 6 before it too
		Result result = spc(Direction.INCREASE, 6, 4, 6, 4, 6, 4, 1, 2, 3, 4, 5, 6, 7, 4, 6, 4, 6);
		List<PointType> types = types(result);
		assertThat(types.subList(6, 13)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
		assertThat(types.get(5)).isEqualTo(COMMON_CAUSE);
	}

	@Test
	void twoOfThreeBeyondTwoThirdsOfTheWayToALimitOnTheSameSide() {
		// mean 202/19 = 10.6316; moving ranges 2 x11, 4.5 x3, 6.5, 2 x3: mean 48/18 = 2.6667 (none screened);
		// two-thirds line 10.6316 + 1.7733 x 2.6667 = 15.36, upper limit 17.72: both 15.5s are close, 11 between
		// them is above the mean, so the two close points are special and the 11 is not
		Result result = spc(Direction.INCREASE, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 15.5, 11, 15.5, 9, 11, 9,
				11);
		assertThat(types(result)).isEqualTo(commonExcept(19, SPECIAL_CAUSE_IMPROVEMENT, 12, 14));
	}

	@Test
	void twoCloseToLimitsOnOppositeSidesAreNotSpecial() {
		// issue #143 fixed in 0.2.x: close points must have all three points of the window on the same side
		Result result = spc(Direction.INCREASE, 10, 10.5, 9.5, 10, 10.5, 9.5, 10, 10.5, 9.5, 10, 12, 10.2, 8, 10,
				10.5, 9.5, 10, 10.5, 9.5);
		Point first = result.points().get(0);
		// mean 190.2/19 = 10.0105, mean moving range 17.5/18: the 12 and the 8 are beyond two-thirds of the way to
		// the limits but on opposite sides, and the 10.2 between them is above the mean
		assertThat(result.points().get(10).value()).isGreaterThan(first.mean() + Spc.LIMIT_CLOSE * meanMr(result));
		assertThat(result.points().get(12).value()).isLessThan(first.mean() - Spc.LIMIT_CLOSE * meanMr(result));
		assertThat(result.points().get(10).value()).isLessThan(first.upperProcessLimit());
		assertThat(types(result)).containsOnly(COMMON_CAUSE);
	}

	private static double meanMr(Result result) {
		Point first = result.points().get(0);
		return (first.upperProcessLimit() - first.mean()) / Spc.LIMIT;
	}

	@Test
	void rebasingCalculatesEachSegmentOnItsOwn() {
		double[] values = { 9, 11, 9, 11, 9, 11, 9, 11, 19, 21, 19, 21, 19, 21, 19, 21 };
		// one segment: mean 15, the first 8 points all below it and the last 8 above
		Result whole = Spc.calculate(values, Direction.INCREASE, null, List.of(), true);
		assertThat(types(whole).subList(0, 8)).containsOnly(SPECIAL_CAUSE_CONCERN);
		assertThat(types(whole).subList(8, 16)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);

		// rebased at index 8: means 10 and 20, moving ranges 2 in each (the jump 11 -> 19 belongs to no segment)
		Result rebased = Spc.calculate(values, Direction.INCREASE, null, List.of(8), true);
		assertThat(rebased.points().get(0).mean()).isEqualTo(10.0);
		assertThat(rebased.points().get(0).upperProcessLimit()).isCloseTo(15.32, within(EPS));
		assertThat(rebased.points().get(8).mean()).isEqualTo(20.0);
		assertThat(rebased.points().get(8).lowerProcessLimit()).isCloseTo(14.68, within(EPS));
		assertThat(rebased.points().get(8).segment()).isEqualTo(1);
		assertThat(types(rebased)).containsOnly(COMMON_CAUSE);
		assertThat(rebased.shortSegmentWarning()).isTrue();
	}

	@Test
	void thirteenPointsInEverySegmentNeedNoWarning() {
		double[] values = IntStream.range(0, 13).mapToDouble(i -> i % 2 == 0 ? 9 : 11).toArray();
		assertThat(Spc.calculate(values, Direction.INCREASE, null, List.of(), true).shortSegmentWarning()).isFalse();
		assertThat(Spc.calculate(values, Direction.INCREASE, null, List.of(1), true).shortSegmentWarning()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "INCREASE, 16, CONSISTENT_FAIL", "INCREASE, 4, CONSISTENT_PASS", "INCREASE, 12, INCONSISTENT",
			"DECREASE, 16, CONSISTENT_PASS", "DECREASE, 4, CONSISTENT_FAIL", "DECREASE, 10, INCONSISTENT",
			"INCREASE, 15.32, INCONSISTENT" })
	void assuranceComparesTheTargetWithTheLastPointsLimits(Direction direction, double target, Assurance expected) {
		// mean 10, mean moving range 2: limits 4.68 and 15.32
		double[] values = { 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11 };
		Result result = Spc.calculate(values, direction, target, List.of(), true);
		assertThat(result.points().get(11).upperProcessLimit()).isCloseTo(15.32, within(EPS));
		assertThat(result.assurance()).isEqualTo(expected);
	}

	@Test
	void assuranceUsesTheLastSegment() {
		double[] values = { 9, 11, 9, 11, 9, 11, 19, 21, 19, 21, 19, 21 };
		// the last segment's limits are 14.68 to 25.32: a target of 14 is passed consistently when increasing
		assertThat(Spc.calculate(values, Direction.INCREASE, 14.0, List.of(6), true).assurance())
			.isEqualTo(Assurance.CONSISTENT_PASS);
	}

	@Test
	void theMeanIsTheExactMeanRoundedOnceAsInR() {
		// summed one by one, 0.1 + 0.2 + 0.3 is 0.6000000000000001 and the mean 0.20000000000000004; R gives 0.2,
		// so the middle value lies on the mean
		assertThat(Spc.mean(new double[] { 0.1, 0.2, 0.3 })).isEqualTo(0.2);
		Result result = Spc.calculate(new double[] { 0.1, 0.2, 0.3 }, Direction.INCREASE, null, List.of(), false);
		assertThat(result.points().get(1).mean()).isEqualTo(0.2);
	}

	@Test
	void noAssuranceWithoutATargetOrForANeutralMeasure() {
		double[] values = { 9, 11, 9, 11, 9, 11 };
		assertThat(Spc.calculate(values, Direction.INCREASE, null, List.of(), true).assurance()).isNull();
		assertThat(Spc.calculate(values, Direction.NEUTRAL, 50.0, List.of(), true).assurance()).isNull();
	}

}
