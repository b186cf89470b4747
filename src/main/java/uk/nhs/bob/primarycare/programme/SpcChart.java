package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.IsoWeek;

/**
 * A measure's XmR chart ready to draw as inline SVG: the points coloured by {@link Spc.PointType}, the mean and
 * process limits per segment, the target, and the PDSA cycles as numbered annotations at the week they started.
 */
record SpcChart(long measureId, String name, String kind, String definition, String direction, String unit,
		@Nullable String target, @Nullable String feed, List<ChartPoint> points, List<ChartLine> lines,
		List<Tick> yTicks, List<Tick> xTicks, List<Annotation> annotations, Spc.@Nullable PointType variation,
		Spc.@Nullable Assurance assurance, String variationLetter, boolean shortWarning, String summary) {

	static final int WIDTH = 720;

	static final int HEIGHT = 300;

	static final int LEFT = 64;

	static final int RIGHT = 36;

	static final int TOP = 24;

	static final int BOTTOM = 52;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	public record ChartPoint(String week, String weekStarting, String value, double x, double y, String cssClass,
			String typeLabel, String pointType, boolean fed, @Nullable String mean, @Nullable String lower,
			@Nullable String upper) {
	}

	public record ChartLine(String cssClass, String d) {
	}

	public record Tick(double position, String label) {
	}

	public record Annotation(int number, double x, String label) {
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int plotTop() {
		return TOP;
	}

	public int plotBottom() {
		return HEIGHT - BOTTOM;
	}

	public int plotLeft() {
		return LEFT;
	}

	public int plotRight() {
		return WIDTH - RIGHT;
	}

	public boolean empty() {
		return points.isEmpty();
	}

	static SpcChart of(Measure measure, List<Programme.WeekValue> values, List<LocalDate> rebaseWeeks,
			List<PdsaCycle> cycles) {
		Feed feed = measure.feed();
		BigDecimal targetValue = measure.target();
		String target = targetValue == null ? null : number(targetValue.doubleValue());
		String kind = measure.kind().label();
		String direction = switch (measure.direction()) {
			case INCREASE -> "Higher is better";
			case DECREASE -> "Lower is better";
			case NEUTRAL -> "Neither higher nor lower is better";
		};
		if (values.isEmpty()) {
			return new SpcChart(measure.id(), measure.name(), kind, measure.definition(), direction, measure.unit(),
					target, feed == null ? null : feed.label(), List.of(), List.of(), List.of(), List.of(), List.of(),
					null, null, "", false, "No values yet.");
		}
		double[] series = values.stream().mapToDouble(Programme.WeekValue::value).toArray();
		List<Integer> rebase = new ArrayList<>();
		for (LocalDate week : rebaseWeeks) {
			for (int i = 1; i < values.size(); i++) {
				if (values.get(i).weekStarting().equals(week)) {
					rebase.add(i);
				}
			}
		}
		Double targetNumber = targetValue == null ? null : targetValue.doubleValue();
		Spc.Result result = Spc.calculate(series, measure.direction(), targetNumber, rebase, true);

		// the vertical scale covers the values, the limits and the target, with a little room
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (Spc.Point point : result.points()) {
			min = Math.min(min, point.value());
			max = Math.max(max, point.value());
			if (point.lowerProcessLimit() != null) {
				min = Math.min(min, point.lowerProcessLimit());
				max = Math.max(max, point.upperProcessLimit());
			}
		}
		if (targetNumber != null) {
			min = Math.min(min, targetNumber);
			max = Math.max(max, targetNumber);
		}
		if (max - min < 1e-9) {
			max += 1;
			min -= 1;
		}
		double pad = (max - min) * 0.08;
		Scale scale = new Scale(min - pad, max + pad, values.size());

		List<ChartPoint> points = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Spc.Point point = result.points().get(i);
			Programme.WeekValue value = values.get(i);
			points.add(new ChartPoint(IsoWeek.of(value.weekStarting()).label(), DAY.format(value.weekStarting()),
					number(value.value()), scale.x(i), scale.y(value.value()),
					"programme-chart__point programme-chart__point--" + point.pointType().code().replace('_', '-'),
					point.pointType().label(), point.pointType().code(), value.fed(), number(point.mean()), number(point.lowerProcessLimit()),
					number(point.upperProcessLimit())));
		}

		List<ChartLine> lines = new ArrayList<>();
		StringBuilder valueLine = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			valueLine.append(i == 0 ? "M" : " L").append(fmt(points.get(i).x())).append(' ').append(fmt(points.get(i).y()));
		}
		lines.add(new ChartLine("programme-chart__values", valueLine.toString()));
		int start = 0;
		for (int i = 1; i <= values.size(); i++) {
			if (i == values.size() || result.points().get(i).segment() != result.points().get(start).segment()) {
				Spc.Point first = result.points().get(start);
				double x1 = scale.x(start);
				double x2 = scale.x(i - 1);
				lines.add(horizontal("programme-chart__mean", x1, x2, scale.y(first.mean())));
				if (first.upperProcessLimit() != null && first.lowerProcessLimit() != null) {
					lines.add(horizontal("programme-chart__limit", x1, x2, scale.y(first.upperProcessLimit())));
					lines.add(horizontal("programme-chart__limit", x1, x2, scale.y(first.lowerProcessLimit())));
				}
				start = i;
			}
		}
		if (targetNumber != null) {
			lines.add(horizontal("programme-chart__target", scale.x(0), scale.x(values.size() - 1),
					scale.y(targetNumber)));
		}

		List<Tick> yTicks = new ArrayList<>();
		for (int k = 0; k <= 4; k++) {
			double v = scale.min + (scale.max - scale.min) * k / 4;
			yTicks.add(new Tick(scale.y(v), number(v)));
		}
		List<Tick> xTicks = new ArrayList<>();
		int step = Math.max(1, (values.size() + 5) / 6);
		for (int i = 0; i < values.size(); i += step) {
			xTicks.add(new Tick(scale.x(i), IsoWeek.of(values.get(i).weekStarting()).label()));
		}

		List<Annotation> annotations = new ArrayList<>();
		for (int c = 0; c < cycles.size(); c++) {
			LocalDate week = IsoWeek.of(cycles.get(c).startedOn()).monday();
			for (int i = 0; i < values.size(); i++) {
				if (!values.get(i).weekStarting().isBefore(week)) {
					if (i > 0 || values.get(0).weekStarting().equals(week)) {
						annotations.add(new Annotation(c + 1, scale.x(i),
								"PDSA " + (c + 1) + ": " + cycles.get(c).title() + " (from " + DAY.format(
										cycles.get(c).startedOn()) + ")"));
					}
					break;
				}
			}
		}

		String summary = summary(measure, values, result);
		return new SpcChart(measure.id(), measure.name(), kind, measure.definition(), direction, measure.unit(),
				target, feed == null ? null : feed.label(), points, lines, yTicks, xTicks, annotations,
				result.variation(), result.assurance(), letter(result.variation(), measure.direction()),
				result.shortSegmentWarning(), summary);
	}

	/** H or L on the variation icon: whether the special cause is high or low. */
	static String letter(Spc.@Nullable PointType type, Spc.Direction direction) {
		if (type == null) {
			return "";
		}
		boolean increase = direction != Spc.Direction.DECREASE;
		return switch (type) {
			case COMMON_CAUSE -> "";
			case SPECIAL_CAUSE_IMPROVEMENT -> increase ? "H" : "L";
			case SPECIAL_CAUSE_CONCERN -> increase ? "L" : "H";
			case SPECIAL_CAUSE_NEUTRAL_HIGH -> "H";
			case SPECIAL_CAUSE_NEUTRAL_LOW -> "L";
		};
	}

	private static String summary(Measure measure, List<Programme.WeekValue> values, Spc.Result result) {
		Spc.Point last = result.points().get(result.points().size() - 1);
		StringBuilder text = new StringBuilder();
		text.append(values.size()).append(" weekly values from ")
			.append(IsoWeek.of(values.get(0).weekStarting()).label())
			.append(" to ")
			.append(IsoWeek.of(values.get(values.size() - 1).weekStarting()).label())
			.append(". Latest value ")
			.append(number(last.value()))
			.append(", mean ")
			.append(number(last.mean()));
		if (last.lowerProcessLimit() != null) {
			text.append(", process limits ")
				.append(number(last.lowerProcessLimit()))
				.append(" to ")
				.append(number(last.upperProcessLimit()));
		}
		text.append(". ").append(result.variation().label()).append('.');
		if (result.assurance() != null) {
			text.append(' ').append(result.assurance().label()).append('.');
		}
		long special = result.points().stream().filter(p -> p.pointType().special()).count();
		text.append(' ').append(special).append(special == 1 ? " point shows" : " points show")
			.append(" special cause variation.");
		return text.toString();
	}

	private static ChartLine horizontal(String cssClass, double x1, double x2, double y) {
		if (x1 == x2) {
			x1 -= 4;
			x2 += 4;
		}
		return new ChartLine(cssClass, "M" + fmt(x1) + " " + fmt(y) + " L" + fmt(x2) + " " + fmt(y));
	}

	static @Nullable String number(@Nullable Double value) {
		if (value == null) {
			return null;
		}
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
		return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	private record Scale(double min, double max, int count) {

		double x(int index) {
			double width = WIDTH - LEFT - RIGHT;
			return count == 1 ? LEFT + width / 2 : LEFT + width * index / (count - 1);
		}

		double y(double value) {
			double height = HEIGHT - TOP - BOTTOM;
			return TOP + height * (max - value) / (max - min);
		}

	}

}
