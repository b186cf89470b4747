package uk.nhs.bob.primarycare.programme.spc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * XmR statistical process control with the NHS "Making Data Count" rules exactly as the NHS-R community's
 * NHSRplotthedots 0.2.2 computes them (NHS England "Making Data Count"; rules in docs/programme.md). Each step names the R function
 * it follows; the unit tests work their expected values from the same logic.
 * <ul>
 * <li>{@code ptd_spc_standard}: per rebase segment, the mean of the values; moving ranges within the segment (none for
 * its first point); the mean moving range; with outlier screening, moving ranges not below 3.267 x the mean moving
 * range are dropped once and the mean recalculated; process limits at mean +/- 2.66 x mean moving range; "close to
 * limits" beyond two-thirds of that distance but not outside.</li>
 * <li>{@code ptd_calculate_point_type} (0.2.2, with the fixes for decreasing trends and trends crossing the mean):
 * special causes within each segment: outside the limits; part of 7 points in a row on one side of the mean (a point
 * on the mean breaks the run); part of a trend of 7 points each strictly above (or below) the one before; 2 of 3 points
 * in a row close to a limit, all 3 on the same side of the mean, the point itself close. A point outside the limits
 * takes its side of the mean, a trend point the direction of the trend, the others their side of the mean; the side is
 * then read by the improvement direction.</li>
 * <li>{@code ptd_calculate_assurance_type}: against a target, using the last point's limits.</li>
 * </ul>
 * Undefined limits (a segment of one point, or screening that drops every moving range, as when all values are
 * equal) are {@code null}: such points are never outside or close to the limits, as in R where the NA comparisons do
 * not count.
 */
public final class Spc {

	/** NHSRplotthedots {@code limit}: the XmR constant for 3 sigma from the mean moving range. */
	static final double LIMIT = 2.66;

	/** NHSRplotthedots {@code limitclose}: two-thirds of the way to a limit (2 sigma). */
	static final double LIMIT_CLOSE = 2 * (LIMIT / 3);

	/** Moving ranges at or above this multiple of the mean moving range are screened out as outliers. */
	static final double OUTLIER_SCREEN = 3.267;

	/** Limits from fewer points than this are trial limits (the page warns). */
	static final int SHORT_SEGMENT = 13;

	private Spc() {
	}

	public enum Direction {

		INCREASE(1), DECREASE(-1), NEUTRAL(0);

		final int sign;

		Direction(int sign) {
			this.sign = sign;
		}

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static @Nullable Direction fromCode(@Nullable String code) {
			for (Direction direction : values()) {
				if (direction.code().equals(code)) {
					return direction;
				}
			}
			return null;
		}

	}

	public enum PointType {

		COMMON_CAUSE("Common cause variation"), SPECIAL_CAUSE_IMPROVEMENT("Special cause variation: improvement"),
		SPECIAL_CAUSE_CONCERN("Special cause variation: concern"),
		SPECIAL_CAUSE_NEUTRAL_HIGH("Special cause variation: neither improvement nor concern, higher"),
		SPECIAL_CAUSE_NEUTRAL_LOW("Special cause variation: neither improvement nor concern, lower");

		private final String label;

		PointType(String label) {
			this.label = label;
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public String label() {
			return label;
		}

		public boolean special() {
			return this != COMMON_CAUSE;
		}

	}

	public enum Assurance {

		CONSISTENT_PASS("Assurance: the process will consistently hit the target"),
		CONSISTENT_FAIL("Assurance: the process will consistently miss the target"),
		INCONSISTENT("Assurance: the process will hit and miss the target at random");

		private final String label;

		Assurance(String label) {
			this.label = label;
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public String label() {
			return label;
		}

	}

	record Point(double value, double mean, @Nullable Double lowerProcessLimit, @Nullable Double upperProcessLimit,
			PointType pointType, int segment) {
	}

	record Result(List<Point> points, PointType variation, @Nullable Assurance assurance,
			boolean shortSegmentWarning) {
	}

	/**
	 * Calculates the chart. {@code rebaseIndexes} are 0-based, each the first point of a new segment; values must be
	 * non-empty and finite and the indexes in range (callers validate input before this).
	 */
	static Result calculate(double[] values, Direction direction, @Nullable Double target, List<Integer> rebaseIndexes,
			boolean screenOutliers) {
		int n = values.length;
		if (n == 0) {
			throw new IllegalArgumentException("An SPC chart needs at least one value");
		}
		SortedSet<Integer> starts = new TreeSet<>(rebaseIndexes);
		starts.add(0);
		for (int start : starts) {
			if (start < 0 || start >= n) {
				throw new IllegalArgumentException("Rebase index " + start + " is outside 0.." + (n - 1));
			}
		}
		List<Point> points = new ArrayList<>(n);
		boolean shortSegment = false;
		List<Integer> bounds = new ArrayList<>(starts);
		bounds.add(n);
		for (int s = 0; s < bounds.size() - 1; s++) {
			double[] segment = Arrays.copyOfRange(values, bounds.get(s), bounds.get(s + 1));
			shortSegment |= segment.length < SHORT_SEGMENT;
			points.addAll(segment(segment, direction, screenOutliers, s));
		}
		Point last = points.get(n - 1);
		return new Result(List.copyOf(points), last.pointType(), assurance(last, direction, target), shortSegment);
	}

	/** {@code ptd_spc_standard} then {@code ptd_calculate_point_type} for one rebase segment. */
	private static List<Point> segment(double[] y, Direction direction, boolean screenOutliers, int segmentIndex) {
		int n = y.length;
		double mean = mean(y);
		double[] movingRanges = new double[Math.max(0, n - 1)];
		for (int i = 1; i < n; i++) {
			movingRanges[i - 1] = Math.abs(y[i] - y[i - 1]);
		}
		double meanMovingRange = mean(movingRanges);
		if (screenOutliers) {
			double cutOff = OUTLIER_SCREEN * meanMovingRange;
			// R keeps mr only where mr < 3.267 * amr is TRUE; NaN compares false, so a NaN mean drops them all
			meanMovingRange = mean(Arrays.stream(movingRanges).filter(mr -> mr < cutOff).toArray());
		}
		double lower = mean - LIMIT * meanMovingRange;
		double upper = mean + LIMIT * meanMovingRange;
		double nearLower = mean - LIMIT_CLOSE * meanMovingRange;
		double nearUpper = mean + LIMIT_CLOSE * meanMovingRange;

		boolean[] outside = new boolean[n];
		boolean[] close = new boolean[n];
		int[] relativeToMean = new int[n];
		for (int i = 0; i < n; i++) {
			outside[i] = y[i] > upper || y[i] < lower;
			relativeToMean[i] = (int) Math.signum(y[i] - mean);
			close[i] = !outside[i] && (y[i] < nearLower || y[i] > nearUpper);
		}

		boolean[] partOfSideRun = partOfSeven(sevenPointOneSideMean(relativeToMean));
		boolean[] partOfTrend = partOfSeven(sevenPointTrend(y));
		boolean[] partOfTwoInThree = partOfTwoInThree(close, relativeToMean);
		int[] trendDirection = trendDirection(y, partOfTrend);

		List<Point> points = new ArrayList<>(n);
		Double lpl = Double.isNaN(lower) ? null : lower;
		Double upl = Double.isNaN(upper) ? null : upper;
		for (int i = 0; i < n; i++) {
			int side;
			if (outside[i]) {
				side = relativeToMean[i] == 1 ? 1 : -1;
			}
			else if (partOfTrend[i]) {
				side = trendDirection[i] == 1 ? 1 : -1;
			}
			else if (partOfTwoInThree[i] || partOfSideRun[i]) {
				side = relativeToMean[i] > 0 ? 1 : -1;
			}
			else {
				side = 0;
			}
			points.add(new Point(y[i], mean, lpl, upl, pointType(side, direction), segmentIndex));
		}
		return points;
	}

	/** {@code ptd_seven_point_one_side_mean}: 1 where this point and the 6 before are on the same side (not on it). */
	static int[] sevenPointOneSideMean(int[] relativeToMean) {
		int[] flags = new int[relativeToMean.length];
		for (int i = 6; i < relativeToMean.length; i++) {
			boolean same = relativeToMean[i] != 0;
			for (int k = 1; k <= 6 && same; k++) {
				same = relativeToMean[i - k] == relativeToMean[i];
			}
			flags[i] = same ? 1 : 0;
		}
		return flags;
	}

	/** {@code ptd_seven_point_trend}: 1 (or -1) where this point ends 7 points each above (below) the one before. */
	static int[] sevenPointTrend(double[] y) {
		int[] flags = new int[y.length];
		for (int i = 6; i < y.length; i++) {
			boolean rising = true;
			boolean falling = true;
			for (int k = 0; k < 6; k++) {
				double step = y[i - k] - y[i - k - 1];
				rising &= step > 0;
				falling &= step < 0;
			}
			flags[i] = rising ? 1 : falling ? -1 : 0;
		}
		return flags;
	}

	/** {@code ptd_part_of_seven_trend}: this point or one of the next 6 ends a run of 7, so this point is in it. */
	static boolean[] partOfSeven(int[] flags) {
		boolean[] part = new boolean[flags.length];
		for (int i = 0; i < flags.length; i++) {
			for (int k = 0; k <= 6 && i + k < flags.length && !part[i]; k++) {
				part[i] = Math.abs(flags[i + k]) == 1;
			}
		}
		return part;
	}

	/**
	 * {@code ptd_two_in_three} and {@code ptd_part_of_two_in_three}: some window of 3 points in a row around this one
	 * has at least 2 close to a limit and all 3 on the same side of the mean, and this point is itself close.
	 */
	static boolean[] partOfTwoInThree(boolean[] close, int[] relativeToMean) {
		int n = close.length;
		boolean[] part = new boolean[n];
		for (int i = 0; i < n; i++) {
			if (!close[i]) {
				continue;
			}
			for (int start = i - 2; start <= i && !part[i]; start++) {
				if (start < 0 || start + 2 >= n) {
					continue; // R pads with zeros: a window running off either end never sums to 3
				}
				int closeCount = 0;
				int side = 0;
				for (int j = start; j < start + 3; j++) {
					closeCount += close[j] ? 1 : 0;
					side += relativeToMean[j];
				}
				part[i] = closeCount >= 2 && Math.abs(side) == 3;
			}
		}
		return part;
	}

	/**
	 * The direction of the trend a point belongs to (0.2.2 fix for trends crossing the mean): the step to the next
	 * point when that one is also part of a trend, otherwise the step from the previous point.
	 */
	static int[] trendDirection(double[] y, boolean[] partOfTrend) {
		int n = y.length;
		int[] direction = new int[n];
		for (int i = 0; i < n; i++) {
			boolean nextAlsoInTrend = i + 1 < n && partOfTrend[i + 1] && partOfTrend[i];
			if (nextAlsoInTrend) {
				direction[i] = (int) Math.signum(y[i + 1] - y[i]);
			}
			else {
				direction[i] = i == 0 ? 0 : (int) Math.signum(y[i] - y[i - 1]);
			}
		}
		return direction;
	}

	private static PointType pointType(int side, Direction direction) {
		if (side == 0) {
			return PointType.COMMON_CAUSE;
		}
		if (direction == Direction.NEUTRAL) {
			return side > 0 ? PointType.SPECIAL_CAUSE_NEUTRAL_HIGH : PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
		}
		return side * direction.sign > 0 ? PointType.SPECIAL_CAUSE_IMPROVEMENT : PointType.SPECIAL_CAUSE_CONCERN;
	}

	/**
	 * {@code ptd_calculate_assurance_type}: none without a target or for a neutral measure; a target beyond the last
	 * point's limits is consistently passed or failed; otherwise (also when the limits are undefined) inconsistent.
	 */
	private static @Nullable Assurance assurance(Point last, Direction direction, @Nullable Double target) {
		if (target == null || direction == Direction.NEUTRAL) {
			return null;
		}
		boolean increasing = direction == Direction.INCREASE;
		Double upper = last.upperProcessLimit();
		Double lower = last.lowerProcessLimit();
		if (upper != null && target > upper) {
			return increasing ? Assurance.CONSISTENT_FAIL : Assurance.CONSISTENT_PASS;
		}
		if (lower != null && target < lower) {
			return increasing ? Assurance.CONSISTENT_PASS : Assurance.CONSISTENT_FAIL;
		}
		return Assurance.INCONSISTENT;
	}

	/**
	 * R's {@code mean(x, na.rm = TRUE)}: NaN for no values. R sums in extended precision and corrects the result in a
	 * second pass; the exact sum rounded once comes closest to that, so a value that equals the mean in R equals it
	 * here (summing doubles one by one can miss it by the last bit).
	 */
	static double mean(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
		for (double v : values) {
			sum = sum.add(new java.math.BigDecimal(v));
		}
		return sum.divide(java.math.BigDecimal.valueOf(values.length), java.math.MathContext.DECIMAL128).doubleValue();
	}

}
