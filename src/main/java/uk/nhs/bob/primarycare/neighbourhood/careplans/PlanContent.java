package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;

/**
 * The personalised care and support plan's content (NHS England proactive care: what matters to the person, goals,
 * actions, a contingency plan and a review date) and the personalised care and support planning parts.
 */
public record PlanContent(String whatMatters, List<Goal> goals, List<PlanAction> actions, String contingencyPlan,
		@Nullable LocalDate nextReviewDate, PersonalisedCare care) {

	public PlanContent {
		goals = List.copyOf(goals);
		actions = List.copyOf(actions);
		// versions saved before these parts of the plan existed have none
		care = care == null ? PersonalisedCare.NONE : care;
	}

	public PlanContent(String whatMatters, List<Goal> goals, List<PlanAction> actions, String contingencyPlan,
			@Nullable LocalDate nextReviewDate) {
		this(whatMatters, goals, actions, contingencyPlan, nextReviewDate, PersonalisedCare.NONE);
	}

	public PlanContent withCare(PersonalisedCare care) {
		return new PlanContent(whatMatters, goals, actions, contingencyPlan, nextReviewDate, care);
	}

	/** A goal, in the person's words where possible. */
	public record Goal(String id, String description, LocalDate targetDate, GoalStatus status) {
	}

	/** An action: owned by a team member or by an organisation (a member's id, or an organisation's name). */
	public record PlanAction(String id, String description, @Nullable UUID ownerMemberId, @Nullable String ownerOrganisation,
			LocalDate dueDate, ActionStatus status, @Nullable String source) {
	}

	/** A caseload entry's state as one version keeps it: status, keyworker and plan. */
	public record Snapshot(CaseloadStatus status, @Nullable UUID keyworkerId, PlanContent plan) {
	}

	static PlanContent empty() {
		return new PlanContent("", List.of(), List.of(), "", null);
	}

	public boolean readyToAgree() {
		return !whatMatters.isBlank() && !goals.isEmpty() && nextReviewDate != null;
	}

}
