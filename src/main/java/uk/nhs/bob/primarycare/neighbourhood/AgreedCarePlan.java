package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A personalised care and support plan as the person may receive a copy of it: what matters to them, goals, actions
 * with who does them, the contingency plan, the next review and the keyworker. Identifiable: whoever renders it to
 * staff audits the view.
 */
public record AgreedCarePlan(UUID carePlanId, String nhsNumber, String teamName, String siteCode,
		@Nullable LocalDate agreedOn, String whatMatters, List<Goal> goals, List<Action> actions,
		String contingencyPlan, @Nullable LocalDate nextReviewDate, @Nullable String keyworker) {

	public AgreedCarePlan {
		goals = List.copyOf(goals);
		actions = List.copyOf(actions);
	}

	/** A goal in the person's words, with its target date and status label. */
	public record Goal(String description, LocalDate targetDate, String status) {
	}

	/** An action, who does it and by when. */
	public record Action(String description, String owner, LocalDate dueDate, String status) {
	}

}
