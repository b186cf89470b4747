package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Goal;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Snapshot;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;

/**
 * The differences between two versions of a care plan, field by field, with texts compared word by word, so that the
 * exact wording each version held can be read side by side.
 */
final class PlanDiff {

	/** A run of words: unchanged, only in the older version, or only in the newer. */
	record Segment(String text, Kind kind) {

		public boolean removed() {
			return kind == Kind.REMOVED;
		}

		public boolean added() {
			return kind == Kind.ADDED;
		}

	}

	enum Kind {

		SAME, REMOVED, ADDED

	}

	/** One field that differs: its older and newer values, and the words that changed. */
	record Row(String label, String before, String after, List<Segment> words) {
	}

	private PlanDiff() {
	}

	static List<Row> between(Snapshot older, Snapshot newer, Function<@Nullable UUID, String> names) {
		List<Row> rows = new ArrayList<>();
		add(rows, "Status", older.status().label(), newer.status().label());
		add(rows, "Keyworker", names.apply(older.keyworkerId()), names.apply(newer.keyworkerId()));
		PlanContent a = older.plan();
		PlanContent b = newer.plan();
		add(rows, "What matters to me", a.whatMatters(), b.whatMatters());
		Map<String, String> goalsBefore = texts(a.goals(), Goal::id,
				g -> g.description() + " (by " + PlanText.date(g.targetDate()) + ", " + g.status().label() + ")");
		Map<String, String> goalsAfter = texts(b.goals(), Goal::id,
				g -> g.description() + " (by " + PlanText.date(g.targetDate()) + ", " + g.status().label() + ")");
		items(rows, "Goal", goalsBefore, goalsAfter);
		Function<PlanAction, String> action = x -> x.description() + " (owner: "
				+ (x.ownerMemberId() != null ? names.apply(x.ownerMemberId()) : String.valueOf(x.ownerOrganisation()))
				+ ", due " + PlanText.date(x.dueDate()) + ", " + x.status().label() + ")";
		items(rows, "Action", texts(a.actions(), PlanAction::id, action), texts(b.actions(), PlanAction::id, action));
		add(rows, "Contingency and crisis plan", a.contingencyPlan(), b.contingencyPlan());
		add(rows, "Next review date", PlanText.date(a.nextReviewDate()), PlanText.date(b.nextReviewDate()));
		PersonalisedCare x = a.care();
		PersonalisedCare y = b.care();
		add(rows, "Consent to share", x.consent().describe(), y.consent().describe());
		add(rows, "Agreed with", x.agreement() == null ? "" : x.agreement().describe(),
				y.agreement() == null ? "" : y.agreement().describe());
		items(rows, "Carer or next of kin", texts(x.carers(), PersonalisedCare.Carer::id, PersonalisedCare.Carer::describe),
				texts(y.carers(), PersonalisedCare.Carer::id, PersonalisedCare.Carer::describe));
		add(rows, "Advance care plan and ReSPECT", x.advanceCarePlan().describe(), y.advanceCarePlan().describe());
		add(rows, "Clinical Frailty Scale", x.frailtyScale() == null ? "" : x.frailtyScale().describe(),
				y.frailtyScale() == null ? "" : y.frailtyScale().describe());
		return rows;
	}

	private static <T> Map<String, String> texts(List<T> items, Function<T, String> id, Function<T, String> text) {
		Map<String, String> map = new LinkedHashMap<>();
		items.forEach(item -> map.put(id.apply(item), text.apply(item)));
		return map;
	}

	private static void items(List<Row> rows, String noun, Map<String, String> before, Map<String, String> after) {
		Set<String> ids = new LinkedHashSet<>(before.keySet());
		ids.addAll(after.keySet());
		for (String id : ids) {
			String old = before.getOrDefault(id, "");
			String now = after.getOrDefault(id, "");
			String label = old.isEmpty() ? noun + " added" : now.isEmpty() ? noun + " removed" : noun;
			add(rows, label, old, now);
		}
	}

	private static void add(List<Row> rows, String label, String before, String after) {
		if (!Objects.equals(before, after)) {
			rows.add(new Row(label, before, after, words(before, after)));
		}
	}

	/** The words of {@code after} with those of {@code before} that were removed, in order. */
	static List<Segment> words(String before, String after) {
		List<String> old = split(before);
		List<String> now = split(after);
		Patch<String> patch = DiffUtils.diff(old, now);
		List<Segment> segments = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			int start = delta.getSource().getPosition();
			if (start > position) {
				segments.add(new Segment(String.join(" ", old.subList(position, start)), Kind.SAME));
			}
			if (!delta.getSource().getLines().isEmpty()) {
				segments.add(new Segment(String.join(" ", delta.getSource().getLines()), Kind.REMOVED));
			}
			if (!delta.getTarget().getLines().isEmpty()) {
				segments.add(new Segment(String.join(" ", delta.getTarget().getLines()), Kind.ADDED));
			}
			position = start + delta.getSource().size();
		}
		if (position < old.size()) {
			segments.add(new Segment(String.join(" ", old.subList(position, old.size())), Kind.SAME));
		}
		return segments;
	}

	private static List<String> split(String text) {
		return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
	}

}
