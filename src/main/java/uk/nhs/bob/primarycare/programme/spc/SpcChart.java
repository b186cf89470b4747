package uk.nhs.bob.primarycare.programme.spc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.programme.feed.Feed;
import uk.nhs.bob.primarycare.programme.improvement.PdsaCycle;

/**
 * A {@link MeasureChart} laid out as an SVG XmR chart: a week-commencing date axis, round value ticks, the points
 * coloured by point type (weeks not judged drawn hollow and grey), the mean and process limits of each segment, the
 * target, the rebases and PDSA cycles as labelled lines, and a text alternative. Colours are SVG presentation
 * attributes, so the chart looks the same on the page and as a downloaded file.
 */
public record SpcChart(long measureId, long projectId, String name, String kind, String definition, String direction,
		String unit, @Nullable String target, @Nullable String feed, @Nullable String feedFrom, int minimumN,
		boolean retired, List<ChartPoint> points, List<ChartLine> lines, List<Tick> yTicks, List<Tick> xTicks,
		List<Annotation> annotations, Spc.@Nullable PointType variation, Spc.@Nullable Assurance assurance,
		String variationLetter, boolean shortWarning, String summary) {

	static final int WIDTH = 760;

	static final int HEIGHT = 320;

	static final int LEFT = 64;

	static final int RIGHT = 40;

	static final int TOP = 28;

	static final int BOTTOM = 64;

	static final String COMMON = "#768692";

	static final String IMPROVEMENT = "#005eb8";

	static final String CONCERN = "#ed8b00";

	static final String NEUTRAL = "#7c2855";

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

	private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	/**
	 * A point: its week (ISO label and week-commencing date), value, n, position, colours, and what it shows; the
	 * button label names the week and says everything a sighted reader gets from the chart.
	 */
	public record ChartPoint(String isoWeek, String weekCommencing, String value, @Nullable String n, double x,
			double y, String fill, String stroke, boolean judged, String typeLabel, String pointType, boolean fed,
			@Nullable String mean, @Nullable String lower, @Nullable String upper, @Nullable String notJudged,
			boolean rebaseHere, String buttonLabel) {
	}

	public record ChartLine(String d, String stroke, @Nullable String dash, String kind) {
	}

	public record Tick(double position, String label, @Nullable String secondLine) {
	}

	/** A PDSA cycle or a rebase drawn as a vertical line with a short label, and its long label below the chart. */
	public record Annotation(String shortLabel, double x, String label, boolean rebase, int row) {
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

	public String weekCommencing() {
		return "Week commencing";
	}

	static String directionLabel(Spc.Direction direction) {
		return switch (direction) {
			case INCREASE -> "Higher is better";
			case DECREASE -> "Lower is better";
			case NEUTRAL -> "Neither higher nor lower is better";
		};
	}

	public static SpcChart of(MeasureChart chart, List<PdsaCycle> cycles) {
		Measure measure = chart.measure();
		Feed feed = measure.feed();
		String target = measure.target() == null ? null : number(measure.target().doubleValue());
		String feedFrom = measure.feedFrom() == null ? null : LONG.format(measure.feedFrom());
		if (chart.empty()) {
			return new SpcChart(measure.id(), measure.projectId(), measure.name(), measure.kind().label(),
					measure.definition(), directionLabel(measure.direction()), measure.unit(), target,
					feed == null ? null : feed.label(), feedFrom, measure.minimumN(), measure.retired(), List.of(),
					List.of(), List.of(), List.of(), List.of(), null, null, "", false, "No values yet.");
		}
		List<MeasureChart.Week> weeks = chart.weeks();
		LocalDate first = weeks.get(0).weekStarting();
		LocalDate last = weeks.get(weeks.size() - 1).weekStarting();

		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (MeasureChart.Week week : weeks) {
			min = Math.min(min, week.value());
			max = Math.max(max, week.value());
			Double lower = chart.lower(week);
			Double upper = chart.upper(week);
			if (lower != null && upper != null) {
				min = Math.min(min, lower);
				max = Math.max(max, upper);
			}
		}
		if (measure.target() != null) {
			min = Math.min(min, measure.target().doubleValue());
			max = Math.max(max, measure.target().doubleValue());
		}
		Axis axis = Axis.of(min, max, measure.percentage());
		Scale scale = new Scale(axis.min(), axis.max(), first, last);

		List<ChartPoint> points = new ArrayList<>();
		for (MeasureChart.Week week : weeks) {
			Spc.Point spc = week.spc();
			String fill;
			String stroke;
			if (spc == null) {
				fill = "#ffffff";
				stroke = "#4c6272";
			}
			else {
				fill = colour(spc.pointType());
				stroke = "#ffffff";
			}
			String n = nLabel(week);
			String value = number(week.value());
			String typeLabel = spc == null ? "Not judged" : spc.pointType().label();
			String notJudged = week.notJudged() == null ? null
					: week.notJudged() == MeasureChart.NotJudged.LOW_N
							? "n " + week.n() + " is below the minimum of " + measure.minimumN() + ": not judged"
							: week.notJudged().label();
			StringBuilder label = new StringBuilder("Week commencing ").append(LONG.format(week.weekStarting()))
				.append(" (")
				.append(IsoWeek.of(week.weekStarting()).label())
				.append("): ")
				.append(value)
				.append(unitSuffix(measure.unit()));
			if (n != null) {
				label.append(", n ").append(n);
			}
			label.append(week.fed() ? ", from the feed" : ", entered by hand").append(". ");
			label.append(notJudged != null ? notJudged : typeLabel).append('.');
			if (spc != null) {
				label.append(" Mean ").append(number(spc.mean()));
				Double lower = chart.lower(week);
				if (lower != null) {
					label.append(", limits ").append(number(lower)).append(" to ").append(number(chart.upper(week)));
				}
				label.append('.');
			}
			if (week.rebaseHere()) {
				label.append(" Limits recalculated from this week.");
			}
			points.add(new ChartPoint(IsoWeek.of(week.weekStarting()).label(), LONG.format(week.weekStarting()), value,
					n, scale.x(week.weekStarting()), scale.y(week.value()), fill, stroke, spc != null, typeLabel,
					spc == null ? "not_judged" : spc.pointType().code(), week.fed(),
					spc == null ? null : number(spc.mean()), number(chart.lower(week)), number(chart.upper(week)),
					notJudged, week.rebaseHere(), label.toString()));
		}

		List<ChartLine> lines = new ArrayList<>();
		StringBuilder valueLine = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			valueLine.append(i == 0 ? "M" : " L").append(fmt(points.get(i).x())).append(' ').append(fmt(points.get(i).y()));
		}
		lines.add(new ChartLine(valueLine.toString(), COMMON, null, "values"));
		// the mean and limits of each segment, across its judged weeks
		List<MeasureChart.Week> judged = weeks.stream().filter(MeasureChart.Week::judged).toList();
		int start = 0;
		for (int i = 1; i <= judged.size(); i++) {
			if (i == judged.size() || judged.get(i).spc().segment() != judged.get(start).spc().segment()) {
				MeasureChart.Week firstWeek = judged.get(start);
				double x1 = scale.x(firstWeek.weekStarting());
				double x2 = scale.x(judged.get(i - 1).weekStarting());
				lines.add(horizontal(x1, x2, scale.y(firstWeek.spc().mean()), "#212b32", null, "mean"));
				Double upper = chart.upper(firstWeek);
				Double lower = chart.lower(firstWeek);
				if (upper != null && lower != null) {
					lines.add(horizontal(x1, x2, scale.y(upper), "#4c6272", "6 4", "limit"));
					lines.add(horizontal(x1, x2, scale.y(lower), "#4c6272", "6 4", "limit"));
				}
				start = i;
			}
		}
		if (measure.target() != null) {
			lines.add(horizontal(scale.x(first), scale.x(last), scale.y(measure.target().doubleValue()), "#d5281b",
					"2 3", "target"));
		}

		List<Tick> yTicks = new ArrayList<>();
		for (double v : axis.ticks()) {
			yTicks.add(new Tick(scale.y(v), number(v), null));
		}
		List<Tick> xTicks = new ArrayList<>();
		long span = ChronoUnit.WEEKS.between(first, last);
		long step = Math.max(1, (span + 6) / 7);
		int lastYear = -1;
		for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(step)) {
			String year = week.getYear() != lastYear ? String.valueOf(week.getYear()) : null;
			lastYear = week.getYear();
			xTicks.add(new Tick(scale.x(week), SHORT.format(week), year));
		}

		List<Annotation> annotations = new ArrayList<>();
		int row = 0;
		for (MeasureChart.Rebase rebase : chart.rebases()) {
			if (!rebase.weekStarting().isBefore(first) && !rebase.weekStarting().isAfter(last)) {
				annotations.add(new Annotation("Rebase", scale.x(rebase.weekStarting()),
						"Limits recalculated from the week commencing " + LONG.format(rebase.weekStarting()) + " by "
								+ rebase.createdBy() + ": " + rebase.reason(),
						true, row++ % 3));
			}
		}
		int number = 0;
		for (PdsaCycle cycle : cycles) {
			number++;
			if (cycle.withdrawn()) {
				continue;
			}
			LocalDate week = IsoWeek.of(cycle.startedOn()).monday();
			if (!week.isBefore(first) && !week.isAfter(last)) {
				annotations.add(new Annotation("PDSA " + number, scale.x(week),
						"PDSA " + number + ": " + cycle.title() + " (started " + LONG.format(cycle.startedOn()) + ")",
						false, row++ % 3));
			}
		}
		return new SpcChart(measure.id(), measure.projectId(), measure.name(), measure.kind().label(),
				measure.definition(), directionLabel(measure.direction()), measure.unit(), target,
				feed == null ? null : feed.label(), feedFrom, measure.minimumN(), measure.retired(),
				List.copyOf(points), List.copyOf(lines), yTicks, xTicks, annotations, chart.variation(),
				chart.assurance(), chart.variationLetter(), chart.shortSegment(), summary(chart));
	}

	static String colour(Spc.PointType type) {
		return switch (type) {
			case COMMON_CAUSE -> COMMON;
			case SPECIAL_CAUSE_IMPROVEMENT -> IMPROVEMENT;
			case SPECIAL_CAUSE_CONCERN -> CONCERN;
			case SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW -> NEUTRAL;
		};
	}

	/** The n of a fed week as people read it: numerator/denominator for a share, else the count. */
	static @Nullable String nLabel(MeasureChart.Week week) {
		if (week.n() == null) {
			return null;
		}
		return week.numerator() != null ? week.numerator() + "/" + week.n() : String.valueOf(week.n());
	}

	private static String unitSuffix(String unit) {
		return "%".equals(unit) ? "%" : " " + unit;
	}

	private static String summary(MeasureChart chart) {
		List<MeasureChart.Week> weeks = chart.weeks();
		StringBuilder text = new StringBuilder();
		text.append(weeks.size())
			.append(" weekly values from the week commencing ")
			.append(LONG.format(weeks.get(0).weekStarting()))
			.append(" to the week commencing ")
			.append(LONG.format(weeks.get(weeks.size() - 1).weekStarting()))
			.append('.');
		MeasureChart.Week last = chart.lastJudged();
		if (last == null) {
			text.append(" No week can be judged yet.");
			return text.toString();
		}
		text.append(" Latest judged value ")
			.append(number(last.value()))
			.append(", mean ")
			.append(number(last.spc().mean()));
		Double lower = chart.lower(last);
		if (lower != null) {
			text.append(", process limits ").append(number(lower)).append(" to ").append(number(chart.upper(last)));
		}
		text.append(". ").append(chart.variation() == null ? "" : chart.variation().label()).append('.');
		if (chart.assurance() != null) {
			text.append(' ').append(chart.assurance().label()).append('.');
		}
		long special = weeks.stream().filter(w -> w.spc() != null && w.spc().pointType().special()).count();
		long notJudged = weeks.stream().filter(w -> w.spc() == null).count();
		text.append(' ')
			.append(special)
			.append(special == 1 ? " point shows" : " points show")
			.append(" special cause variation.");
		if (notJudged > 0) {
			text.append(' ').append(notJudged).append(notJudged == 1 ? " week is" : " weeks are").append(" not judged.");
		}
		return text.toString();
	}

	private static ChartLine horizontal(double x1, double x2, double y, String stroke, @Nullable String dash,
			String kind) {
		if (x1 == x2) {
			x1 -= 4;
			x2 += 4;
		}
		return new ChartLine("M" + fmt(x1) + " " + fmt(y) + " L" + fmt(x2) + " " + fmt(y), stroke, dash, kind);
	}

	static @Nullable String number(@Nullable Double value) {
		if (value == null) {
			return null;
		}
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
		return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	/** A value axis on round numbers (steps of 1, 2 or 5 times a power of ten); 0 to 100 at most for a percentage. */
	record Axis(double min, double max, List<Double> ticks) {

		static Axis of(double low, double high, boolean percentage) {
			if (high - low < 1e-9) {
				low -= 1;
				high += 1;
			}
			double raw = (high - low) / 5;
			double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
			double normalised = raw / magnitude;
			double step = (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
			double min = Math.floor(low / step) * step;
			double max = Math.ceil(high / step) * step;
			if (percentage && low >= 0) {
				min = Math.max(0, min);
			}
			if (percentage && high <= 100) {
				max = Math.min(100, max);
			}
			List<Double> ticks = new ArrayList<>();
			for (int k = 0; min + k * step <= max + step * 1e-6; k++) {
				// rounded so 0.1 + 0.2 reads 0.3
				ticks.add(BigDecimal.valueOf(min + k * step).setScale(10, RoundingMode.HALF_UP).doubleValue());
			}
			return new Axis(min, max, List.copyOf(ticks));
		}

	}

	private record Scale(double min, double max, LocalDate first, LocalDate last) {

		double x(LocalDate week) {
			double width = WIDTH - LEFT - RIGHT;
			long span = ChronoUnit.WEEKS.between(first, last);
			return span == 0 ? LEFT + width / 2 : LEFT + width * ChronoUnit.WEEKS.between(first, week) / span;
		}

		double y(double value) {
			double height = HEIGHT - TOP - BOTTOM;
			return TOP + height * (max - value) / (max - min);
		}

	}

}
