package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A PDSA cycle: plan with a prediction and start date; later what was done, studied and the decision. */
record PdsaForm(@NotBlank(message = "Enter a title for the change being tested") @Size(max = 200, message = "Title must be 200 characters or fewer") @Nullable String title,
		@NotBlank(message = "Enter the plan") @Size(max = 2000, message = "Plan must be 2000 characters or fewer") @Nullable String plan,
		@NotBlank(message = "Enter the prediction") @Size(max = 1000, message = "Prediction must be 1000 characters or fewer") @Nullable String prediction,
		@Nullable String startDay, @Nullable String startMonth, @Nullable String startYear,
		@Size(max = 2000, message = "Do must be 2000 characters or fewer") @Nullable String doNotes,
		@Size(max = 2000, message = "Study must be 2000 characters or fewer") @Nullable String study,
		PdsaCycle.@Nullable Act act, @Nullable String actDay, @Nullable String actMonth, @Nullable String actYear,
		long version) {

	static PdsaForm empty() {
		return new PdsaForm("", "", "", "", "", "", "", "", null, "", "", "", 0);
	}

	static PdsaForm of(PdsaCycle cycle) {
		return new PdsaForm(cycle.title(), cycle.plan(), cycle.prediction(), FormDates.day(cycle.startedOn()),
				FormDates.month(cycle.startedOn()), FormDates.year(cycle.startedOn()), cycle.doNotes(), cycle.study(),
				cycle.act(), FormDates.day(cycle.actOn()), FormDates.month(cycle.actOn()),
				FormDates.year(cycle.actOn()), cycle.version());
	}

	PdsaForm withVersion(long latest) {
		return new PdsaForm(title, plan, prediction, startDay, startMonth, startYear, doNotes, study, act, actDay,
				actMonth, actYear, latest);
	}

}
