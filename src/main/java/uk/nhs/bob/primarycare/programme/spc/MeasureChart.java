package uk.nhs.bob.primarycare.programme.spc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one reading of a measure every view shows (measure page, project, site, Place, ICB, portfolio, board pack, CSV,
 * API): its weekly series with where each value came from and its n, which weeks are judged, the rebases, and the
 * Making Data Count result of the judged weeks. Made only by {@link Charts}.
 */
public record MeasureChart(Measure measure, List<Week> weeks, List<Rebase> rebases, Spc.@Nullable PointType variation,
		Spc.@Nullable Assurance assurance, boolean shortSegment) {

	/** Why a week is shown but not judged. */
	enum NotJudged {

		CURRENT_WEEK("This week is not over yet: not judged until it ends"),
		LOW_N("Fewer than the minimum n: not judged");

		private final String label;

		NotJudged(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

	}

	/** A rebase: the limits are recalculated from this week, with who did it, when and why. */
	record Rebase(LocalDate weekStarting, String reason, String createdBy, Instant createdAt) {
	}

	/**
	 * One week: its value, whether the feed gave it, the numerator and n of a fed week, and either why it is not
	 * judged or its SPC point (mean, limits and point type of its segment).
	 */
	public record Week(LocalDate weekStarting, double value, boolean fed, @Nullable Long numerator, @Nullable Long n,
			@Nullable NotJudged notJudged, Spc.@Nullable Point spc, boolean rebaseHere) {

		boolean judged() {
			return spc != null;
		}

	}

	/** The lower limit as shown: a percentage's limits stay within 0 to 100. */
	@Nullable Double lower(Week week) {
		Double lower = week.spc() == null ? null : week.spc().lowerProcessLimit();
		return lower != null && measure.percentage() ? Double.valueOf(Math.max(0, lower)) : lower;
	}

	@Nullable Double upper(Week week) {
		Double upper = week.spc() == null ? null : week.spc().upperProcessLimit();
		return upper != null && measure.percentage() ? Double.valueOf(Math.min(100, upper)) : upper;
	}

	boolean empty() {
		return weeks.isEmpty();
	}

	/** H or L on the variation icon, as Making Data Count draws it. */
	public String variationLetter() {
		if (variation == null) {
			return "";
		}
		boolean increase = measure.direction() != Spc.Direction.DECREASE;
		return switch (variation) {
			case COMMON_CAUSE -> "";
			case SPECIAL_CAUSE_IMPROVEMENT -> increase ? "H" : "L";
			case SPECIAL_CAUSE_CONCERN -> increase ? "L" : "H";
			case SPECIAL_CAUSE_NEUTRAL_HIGH -> "H";
			case SPECIAL_CAUSE_NEUTRAL_LOW -> "L";
		};
	}

	/** The last judged week (the one the icons describe). */
	@Nullable Week lastJudged() {
		for (int i = weeks.size() - 1; i >= 0; i--) {
			if (weeks.get(i).judged()) {
				return weeks.get(i);
			}
		}
		return null;
	}

}
