package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Goal;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;

/**
 * A three-way merge of two edits of one care plan, field by field: what matters, the contingency plan, the review date,
 * each goal, each action and each carer (by id), consent to share, who the plan was agreed with, the advance care plan
 * and the Clinical Frailty Scale are fields. A field only one side changed takes that side's value; a field both
 * changed to different values is a conflict that a person resolves by choosing a side. Without the common base version
 * (a tampered or unknown version number) every field the two sides hold differently is a conflict: nothing is guessed.
 */
public final class PlanMerge {

	/** Which side's value a person chose for a conflicting field. */
	public enum Side {

		MINE, THEIRS

	}

	/** A field both sides changed differently, with both values as people read them. */
	public record Conflict(String key, String label, String theirs, String mine) {
	}

	/** The merged plan (when no conflict is left) and what was taken from each side. */
	public record Result(PlanContent merged, List<Conflict> conflicts, List<String> fromMine, List<String> fromTheirs,
			List<String> chosenTheirs) {

		public boolean clean() {
			return conflicts.isEmpty();
		}

	}

	private PlanMerge() {
	}

	/**
	 * Merges {@code mine} (based on {@code base}) into {@code theirs} (the current version). {@code choices} resolve
	 * conflicts by key; a conflict without a choice stays in {@link Result#conflicts()}.
	 */
	public static Result merge(@Nullable PlanContent base, PlanContent theirs, PlanContent mine, Map<String, Side> choices,
			Function<PlanAction, String> actionText) {
		List<Conflict> conflicts = new ArrayList<>();
		List<String> fromMine = new ArrayList<>();
		List<String> fromTheirs = new ArrayList<>();
		List<String> chosenTheirs = new ArrayList<>();
		Merger m = new Merger(choices, conflicts, fromMine, fromTheirs, chosenTheirs);
		String whatMatters = m.field("whatMatters", "What matters to me", base == null ? null : base.whatMatters(),
				theirs.whatMatters(), mine.whatMatters(), PlanMerge::text);
		String contingency = m.field("contingencyPlan", "Contingency and crisis plan",
				base == null ? null : base.contingencyPlan(), theirs.contingencyPlan(), mine.contingencyPlan(),
				PlanMerge::text);
		var review = m.optionalField("nextReviewDate", "Next review date", base == null,
				base == null ? null : base.nextReviewDate(), theirs.nextReviewDate(), mine.nextReviewDate(),
				d -> d == null ? "Not set" : PlanText.date(d));
		List<Goal> goals = m.items("goal:", "Goal", base == null ? null : byId(base.goals(), Goal::id),
				byId(theirs.goals(), Goal::id), byId(mine.goals(), Goal::id),
				g -> g.description() + " (by " + PlanText.date(g.targetDate()) + ", " + g.status().label() + ")");
		List<PlanAction> actions = m.items("action:", "Action", base == null ? null : byId(base.actions(), PlanAction::id),
				byId(theirs.actions(), PlanAction::id), byId(mine.actions(), PlanAction::id), actionText);
		PersonalisedCare b = base == null ? null : base.care();
		PersonalisedCare t = theirs.care();
		PersonalisedCare y = mine.care();
		PersonalisedCare.Consent consent = m.field("consent", "Consent to share", b == null ? null : b.consent(),
				t.consent(), y.consent(), PersonalisedCare.Consent::describe);
		PersonalisedCare.Agreement agreement = m.optionalField("agreement", "Agreed with", base == null,
				b == null ? null : b.agreement(), t.agreement(), y.agreement(),
				a -> a == null ? "Not recorded" : a.describe());
		List<PersonalisedCare.Carer> carers = m.items("carer:", "Carer or next of kin",
				b == null ? null : byId(b.carers(), PersonalisedCare.Carer::id), byId(t.carers(), PersonalisedCare.Carer::id),
				byId(y.carers(), PersonalisedCare.Carer::id), PersonalisedCare.Carer::describe);
		PersonalisedCare.AdvanceCarePlan advance = m.field("advanceCarePlan", "Advance care plan and ReSPECT",
				b == null ? null : b.advanceCarePlan(), t.advanceCarePlan(), y.advanceCarePlan(),
				PersonalisedCare.AdvanceCarePlan::describe);
		PersonalisedCare.FrailtyScale scale = m.optionalField("frailtyScale", "Clinical Frailty Scale", base == null,
				b == null ? null : b.frailtyScale(), t.frailtyScale(), y.frailtyScale(),
				f -> f == null ? "Not recorded" : f.describe());
		PersonalisedCare care = new PersonalisedCare(consent, agreement, carers, advance, scale);
		return new Result(new PlanContent(whatMatters, goals, actions, contingency, review, care), conflicts,
				fromMine, fromTheirs, chosenTheirs);
	}

	private static String text(String value) {
		return value.isBlank() ? "Not written" : value;
	}

	private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach(item -> map.put(id.apply(item), item));
		return map;
	}

	private record Merger(Map<String, Side> choices, List<Conflict> conflicts, List<String> fromMine,
			List<String> fromTheirs, List<String> chosenTheirs) {

		<T> T field(String key, String label, @Nullable T base, T theirs, T mine, Function<T, String> shown) {
			T merged = optionalField(key, label, base == null, base, theirs, mine, shown);
			return merged == null ? theirs : merged;
		}

		/** {@code unknownBase}: no common version, so any difference is a conflict. */
		<T> @Nullable T optionalField(String key, String label, boolean unknownBase, @Nullable T base,
				@Nullable T theirs, @Nullable T mine, Function<@Nullable T, String> shown) {
			if (Objects.equals(theirs, mine)) {
				return theirs;
			}
			boolean mineChanged = unknownBase || !Objects.equals(base, mine);
			boolean theirsChanged = unknownBase || !Objects.equals(base, theirs);
			if (mineChanged && !theirsChanged) {
				fromMine.add(label);
				return mine;
			}
			if (!mineChanged) {
				fromTheirs.add(label);
				return theirs;
			}
			Side chosen = choices.get(key);
			if (chosen == null) {
				conflicts.add(new Conflict(key, label, shown.apply(theirs), shown.apply(mine)));
				return theirs;
			}
			if (chosen == Side.MINE) {
				fromMine.add(label);
				return mine;
			}
			chosenTheirs.add(label);
			return theirs;
		}

		/** Goals or actions by id: each one a field; an item absent on a side was removed (or never there). */
		<T> List<T> items(String prefix, String noun, @Nullable Map<String, T> base, Map<String, T> theirs,
				Map<String, T> mine, Function<T, String> shown) {
			Set<String> ids = new LinkedHashSet<>(theirs.keySet());
			ids.addAll(mine.keySet());
			List<T> merged = new ArrayList<>();
			for (String id : ids) {
				T b = base == null ? null : base.get(id);
				T t = theirs.get(id);
				T m = mine.get(id);
				String label = noun + ": " + shown.apply(m != null ? m : Objects.requireNonNull(t));
				T value = optionalField(prefix + id, label, base == null && !(t == null || m == null), b, t, m,
						x -> x == null ? "Removed" : shown.apply(x));
				if (value != null) {
					merged.add(value);
				}
			}
			return merged;
		}

	}

}
