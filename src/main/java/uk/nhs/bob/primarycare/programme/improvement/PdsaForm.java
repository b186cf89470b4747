package uk.nhs.bob.primarycare.programme.improvement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.DateFields;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.FormDates;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.VersionedForm;
import uk.nhs.bob.primarycare.programme.spc.Measure;

/**
 * A PDSA cycle: the change idea it tests, the cycle it follows (a ramp), the plan with its prediction and start
 * date, a prediction and result per measure, and later what was done, studied and the decision.
 */
@DateFields({ @DateFields.Date(value = "start", message = "Enter a real start date, for example 2 11 2026"),
		@DateFields.Date(value = "act", optional = true, message = "Enter a real date for the decision, for example 30 11 2026") })
@PdsaDecision
record PdsaForm(@NotBlank(message = "Enter a title for the change being tested") @Size(max = 200, message = "Title must be 200 characters or fewer") @Nullable String title,
		@Nullable Long changeIdeaId, @Nullable Long followsCycleId,
		@NotBlank(message = "Enter the plan") @Size(max = 2000, message = "Plan must be 2000 characters or fewer") @Nullable String plan,
		@NotBlank(message = "Enter the prediction") @Size(max = 1000, message = "Prediction must be 1000 characters or fewer") @Nullable String prediction,
		@Nullable String startDay, @Nullable String startMonth, @Nullable String startYear,
		@Size(max = 50, message = "Too many measures") @Nullable List<@Valid PredictionForm> predictions,
		@Size(max = 2000, message = "Do must be 2000 characters or fewer") @Nullable String doNotes,
		@Size(max = 2000, message = "Study must be 2000 characters or fewer") @Nullable String study,
		PdsaCycle.@Nullable Act act, @Nullable String actDay, @Nullable String actMonth, @Nullable String actYear,
		@jakarta.validation.constraints.NotNull(groups = Editing.class, message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<PdsaForm> {

	/** The prediction and result for one measure; a blank prediction means the cycle does not predict it. */
	record PredictionForm(@NotNull(message = "Choose a measure") @Nullable Long measureId,
			@Size(max = 1000, message = "Prediction must be 1000 characters or fewer") @Nullable String prediction,
			@Size(max = 1000, message = "Result must be 1000 characters or fewer") @Nullable String result) {
	}

	static PdsaForm empty(List<Measure> measures) {
		List<PredictionForm> predictions = new ArrayList<>();
		measures.forEach(m -> predictions.add(new PredictionForm(m.id(), "", "")));
		return new PdsaForm("", null, null, "", "", "", "", "", predictions, "", "", null, "", "", "", null);
	}

	static PdsaForm of(PdsaCycle cycle, List<Measure> measures, List<Improvement.Prediction> saved) {
		Map<Long, Improvement.Prediction> byMeasure = new java.util.HashMap<>();
		saved.forEach(p -> byMeasure.put(p.measureId(), p));
		List<PredictionForm> predictions = new ArrayList<>();
		for (Measure measure : measures) {
			Improvement.Prediction p = byMeasure.get(measure.id());
			predictions.add(new PredictionForm(measure.id(), p == null ? "" : p.prediction(), p == null ? "" : p.result()));
		}
		return new PdsaForm(cycle.title(), cycle.changeIdeaId(), cycle.followsCycleId(), cycle.plan(),
				cycle.prediction(), FormDates.day(cycle.startedOn()), FormDates.month(cycle.startedOn()),
				FormDates.year(cycle.startedOn()), predictions, cycle.doNotes(), cycle.study(), cycle.act(),
				FormDates.day(cycle.actOn()), FormDates.month(cycle.actOn()), FormDates.year(cycle.actOn()),
				cycle.version());
	}

	public List<PredictionForm> predictionList() {
		return predictions == null ? List.of() : predictions;
	}

	/** What was typed, once valid: the predictions typed (a blank prediction and result means none). */
	Improvement.CycleDraft draft() {
		List<Improvement.Prediction> typed = new ArrayList<>();
		for (PredictionForm p : predictionList()) {
			if (p != null && p.measureId() != null && !(ProgrammePages.strip(p.prediction()).isEmpty() && ProgrammePages.strip(p.result()).isEmpty())) {
				typed.add(new Improvement.Prediction(p.measureId(), ProgrammePages.strip(p.prediction()),
						ProgrammePages.strip(p.result())));
			}
		}
		return new Improvement.CycleDraft(ProgrammePages.strip(title), ProgrammePages.strip(plan),
				ProgrammePages.strip(prediction), FormDates.parse(startDay, startMonth, startYear).orElseThrow(),
				ProgrammePages.strip(doNotes), ProgrammePages.strip(study), act,
				FormDates.parse(actDay, actMonth, actYear).orElse(null), changeIdeaId, followsCycleId, typed);
	}

	@Override
	public PdsaForm withVersion(long latest) {
		return new PdsaForm(title, changeIdeaId, followsCycleId, plan, prediction, startDay, startMonth, startYear,
				predictions, doNotes, study, act, actDay, actMonth, actYear, latest);
	}

}
