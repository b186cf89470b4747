package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A personalised care and support plan as the person may receive a copy of it: what matters to them, goals, actions
 * with who does them, the contingency plan, the next review and the keyworker, and the personalised care and support
 * planning parts ({@link AboutThePlan}). Identifiable: whoever renders it to staff audits the view.
 */
@NamedInterface("care-plans")
public record AgreedCarePlan(UUID carePlanId, NhsNumber nhsNumber, String teamName, String siteCode,
		@Nullable LocalDate agreedOn, String whatMatters, List<Goal> goals, List<Action> actions,
		String contingencyPlan, @Nullable LocalDate nextReviewDate, @Nullable String keyworker, AboutThePlan about) {

	public AgreedCarePlan {
		goals = List.copyOf(goals);
		actions = List.copyOf(actions);
	}

	/**
	 * The plan's personalised care and support planning parts in words, as the person's copy shows them: consent to
	 * share and with whom, who it was agreed with and when, carers and next of kin, the advance care plan and ReSPECT
	 * form and where they are held, and the Clinical Frailty Scale a clinician confirmed (null when not recorded).
	 */
	public record AboutThePlan(String consentToShare, @Nullable String agreedWith, List<String> carers,
			String advanceCarePlan, @Nullable String frailtyScale) {

		public AboutThePlan {
			carers = List.copyOf(carers);
		}

	}

	/** A goal in the person's words, with its target date and status label. */
	public record Goal(String description, LocalDate targetDate, String status) {
	}

	/** An action, who does it and by when. */
	public record Action(String description, String owner, LocalDate dueDate, String status) {
	}

}
