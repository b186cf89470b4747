package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Goal;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Snapshot;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;

/**
 * Reads and writes a plan's goals, actions and version snapshots as JSON, and describes what changed between two
 * versions in words for the history.
 */
@Component
public class PlanDocuments {

	private static final TypeReference<List<Goal>> GOALS = new TypeReference<>() {
	};

	private static final TypeReference<List<PlanAction>> ACTIONS = new TypeReference<>() {
	};

	private final JsonMapper json;

	PlanDocuments(JsonMapper json) {
		this.json = json;
	}

	public PlanContent content(CaseloadEntry entry) {
		return content(entry.whatMatters(), entry.goalsJson(), entry.actionsJson(), entry.contingencyPlan(),
				entry.getNextReviewDate(), entry.personalisedCareJson());
	}

	/** The content of a plan from the entry's columns as stored. */
	PlanContent content(String whatMatters, String goalsJson, String actionsJson, String contingencyPlan,
			@Nullable LocalDate nextReviewDate, String personalisedCareJson) {
		return new PlanContent(whatMatters, json.readValue(goalsJson, GOALS), json.readValue(actionsJson, ACTIONS),
				contingencyPlan, nextReviewDate, json.readValue(personalisedCareJson, PersonalisedCare.class));
	}

	public Snapshot snapshot(CaseloadEntry entry) {
		return new Snapshot(entry.getStatus(), entry.getKeyworkerId(), content(entry));
	}

	public void apply(CaseloadEntry entry, PlanContent content) {
		entry.applyPlan(content.whatMatters(), json.writeValueAsString(content.goals()),
				json.writeValueAsString(content.actions()), content.contingencyPlan(), content.nextReviewDate(),
				json.writeValueAsString(content.care()));
	}

	public String write(Snapshot snapshot) {
		return json.writeValueAsString(snapshot);
	}

	public Snapshot readSnapshot(String text) {
		return json.readValue(text, Snapshot.class);
	}

	public String writeChanges(List<String> changes) {
		return json.writeValueAsString(changes);
	}

	public List<String> readChanges(String text) {
		return json.readValue(text, new TypeReference<List<String>>() {
		});
	}

	/** What changed from {@code before} to {@code after}, one sentence per change; {@code names} names members. */
	public static List<String> changes(Snapshot before, Snapshot after, Function<@Nullable UUID, String> names) {
		List<String> changes = new ArrayList<>();
		if (before.status() != after.status()) {
			changes.add("Status: " + before.status().label() + " to " + after.status().label());
		}
		if (!Objects.equals(before.keyworkerId(), after.keyworkerId())) {
			changes.add("Keyworker: " + names.apply(before.keyworkerId()) + " to " + names.apply(after.keyworkerId()));
		}
		PlanContent a = before.plan();
		PlanContent b = after.plan();
		if (!a.whatMatters().equals(b.whatMatters())) {
			changes.add("What matters to me changed");
		}
		if (!a.contingencyPlan().equals(b.contingencyPlan())) {
			changes.add("Contingency and crisis plan changed");
		}
		if (!Objects.equals(a.nextReviewDate(), b.nextReviewDate())) {
			changes.add("Next review date: " + PlanText.date(a.nextReviewDate()) + " to "
					+ PlanText.date(b.nextReviewDate()));
		}
		Map<String, Goal> oldGoals = new HashMap<>();
		a.goals().forEach(g -> oldGoals.put(g.id(), g));
		for (Goal goal : b.goals()) {
			Goal old = oldGoals.remove(goal.id());
			if (old == null) {
				changes.add("Goal added: " + goal.description());
			}
			else if (!old.equals(goal)) {
				List<String> what = new ArrayList<>();
				if (!old.description().equals(goal.description())) {
					what.add("wording");
				}
				if (!old.targetDate().equals(goal.targetDate())) {
					what.add("target date " + PlanText.date(old.targetDate()) + " to " + PlanText.date(goal.targetDate()));
				}
				if (old.status() != goal.status()) {
					what.add("status " + old.status().label() + " to " + goal.status().label());
				}
				changes.add("Goal changed (" + String.join(", ", what) + "): " + goal.description());
			}
		}
		oldGoals.values().forEach(g -> changes.add("Goal removed: " + g.description()));
		Map<String, PlanAction> oldActions = new HashMap<>();
		a.actions().forEach(x -> oldActions.put(x.id(), x));
		for (PlanAction action : b.actions()) {
			PlanAction old = oldActions.remove(action.id());
			if (old == null) {
				changes.add("Action added: " + action.description());
			}
			else if (!old.equals(action)) {
				List<String> what = new ArrayList<>();
				if (!old.description().equals(action.description())) {
					what.add("wording");
				}
				if (!Objects.equals(old.ownerMemberId(), action.ownerMemberId())
						|| !Objects.equals(old.ownerOrganisation(), action.ownerOrganisation())) {
					what.add("owner");
				}
				if (!old.dueDate().equals(action.dueDate())) {
					what.add("due date " + PlanText.date(old.dueDate()) + " to " + PlanText.date(action.dueDate()));
				}
				if (old.status() != action.status()) {
					what.add("status " + old.status().label() + " to " + action.status().label());
				}
				changes.add("Action changed (" + String.join(", ", what) + "): " + action.description());
			}
		}
		oldActions.values().forEach(x -> changes.add("Action removed: " + x.description()));
		PersonalisedCare x = a.care();
		PersonalisedCare y = b.care();
		if (!x.consent().equals(y.consent())) {
			changes.add("Consent to share: " + x.consent().describe() + " to " + y.consent().describe());
		}
		if (!Objects.equals(x.agreement(), y.agreement())) {
			changes.add("Agreed with: " + (y.agreement() == null ? "not recorded" : y.agreement().describe()));
		}
		Map<String, PersonalisedCare.Carer> oldCarers = new HashMap<>();
		x.carers().forEach(c -> oldCarers.put(c.id(), c));
		for (PersonalisedCare.Carer carer : y.carers()) {
			PersonalisedCare.Carer old = oldCarers.remove(carer.id());
			if (old == null) {
				changes.add("Carer or next of kin added: " + carer.name());
			}
			else if (!old.equals(carer)) {
				changes.add("Carer or next of kin changed: " + carer.describe());
			}
		}
		oldCarers.values().forEach(c -> changes.add("Carer or next of kin removed: " + c.name()));
		if (!x.advanceCarePlan().equals(y.advanceCarePlan())) {
			changes.add("Advance care plan and ReSPECT: " + y.advanceCarePlan().describe());
		}
		if (!Objects.equals(x.frailtyScale(), y.frailtyScale())) {
			changes.add("Clinical Frailty Scale: "
					+ (y.frailtyScale() == null ? "removed" : y.frailtyScale().describe()));
		}
		return changes;
	}

}
