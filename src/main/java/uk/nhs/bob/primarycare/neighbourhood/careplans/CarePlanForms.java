package uk.nhs.bob.primarycare.neighbourhood.careplans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.support.TrimmedLength;
import uk.nhs.bob.primarycare.neighbourhood.support.TypedDateAhead;
import uk.nhs.bob.primarycare.shared.EnumText;

/**
 * The small forms of the care plan page, checked by their constraints. Each carries the plan's version the user
 * started from, so a change made meanwhile by someone else is found rather than overwritten.
 */
public final class CarePlanForms {

	/** The fewest characters of a break-glass explanation: enough for a reviewer to judge the use. */
	static final int MIN_REASON_LENGTH = 20;

	static final String BREAK_GLASS_REASON = "Explain why you need to see this plan now, in at least "
			+ MIN_REASON_LENGTH + " characters, so that a clinical supervisor can review it";

	public static final String REASON_LONG = "Reason must be 500 characters or fewer";

	static final String KEYWORKER = "Choose the keyworker from the team's keyworkers";

	private CarePlanForms() {
	}

	/**
	 * Break-glass: a reason from the short list and in the user's own words, then audited access for
	 * {@link CarePlans#BREAK_GLASS_HOURS} hours.
	 */
	record BreakGlassForm(
			@NotBlank(message = "Choose why you need to see this plan now")
			@EnumText(value = BreakGlassReason.class,
					message = "Choose why you need to see this plan now") @Nullable String reasonCode,
			@NotBlank(message = BREAK_GLASS_REASON) @TrimmedLength(min = MIN_REASON_LENGTH, message = BREAK_GLASS_REASON)
			@Size(max = 500, message = REASON_LONG) @Nullable String reason) {

		BreakGlassReason code() {
			return BreakGlassReason.valueOf(reasonCode);
		}

	}

	/** Changing the status (not to discharged, which asks for a reason). */
	record StatusForm(@Nullable String version,
			@NotNull(message = "Choose the new status") @Pattern(regexp = "IDENTIFIED|ASSESSED|PLAN_AGREED|UNDER_REVIEW",
					message = "Choose the new status") @Nullable String status) {

		CaseloadStatus chosen() {
			return CaseloadStatus.valueOf(status);
		}

	}

	/** Recording a completed review. */
	record ReviewForm(@Nullable String version,
			@NotBlank(message = "Enter the date of the next review") @TypedDateAhead(label = "Next review date",
					yearsAhead = PlanForm.REVIEW_YEARS_AHEAD, todayAllowed = false) @Nullable String nextReviewDate) {

		java.time.LocalDate next() {
			return PlanText.parse(nextReviewDate).orElseThrow();
		}

	}

	/** Assigning the keyworker: one of the team's keyworkers, which the service checks. */
	record KeyworkerForm(@Nullable String version, @NotBlank(message = KEYWORKER) @Nullable String keyworkerId) {
	}

	/** Discharging from the caseload. */
	record DischargeForm(@Nullable String version,
			@NotBlank(message = "Enter the reason for discharge") @TrimmedLength(max = 500,
					message = REASON_LONG) @Nullable String reason) {
	}

}
