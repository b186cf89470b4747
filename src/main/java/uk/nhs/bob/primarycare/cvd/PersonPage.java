package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.PersonSummary;

/** A person's CVD page as the {@code cvd/person} view shows it (the forms are added by the controller). */
record PersonPage(PersonSummary person, PracticeSummary practice, CaseFinding.Evaluation evaluation,
		List<Map<String, Object>> stored, List<BloodPressures.Reading> readings, List<CareAdjustments.Adjustment> adjustments,
		List<Outreaches.Entry> outreach, LocalDate today) {

	/** The view's model attributes. */
	Map<String, Object> model() {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("person", person);
		model.put("practice", practice);
		model.put("assessment", evaluation.assessment());
		model.put("inputAges", EvidenceAge.qriskInputs(evaluation.assessment(), today));
		model.put("staleInputs", EvidenceAge.staleQriskInputs(evaluation.assessment(), today));
		model.put("evaluation", evaluation);
		model.put("stored", stored);
		model.put("readings", readings);
		model.put("adjustments", adjustments);
		model.put("today", today);
		model.put("adjustableRules", Arrays.stream(CaseFindingRule.values())
			.filter(r -> !r.adjustments().isEmpty())
			.collect(Collectors.toMap(CaseFindingRule::code, r -> r.title() + " (" + r.code() + ")", (a, b) -> a,
					LinkedHashMap::new)));
		model.put("adjustmentReasons", options(AdjustmentReason.values(), AdjustmentReason::label));
		model.put("outreach", outreach);
		model.put("disclaimer", Qrisk3.DISCLAIMER);
		model.put("outreachTypes", options(OutreachType.values(), OutreachType::label));
		model.put("outcomes", options(OutreachOutcome.values(), OutreachOutcome::label));
		model.put("ruleOptions", Arrays.stream(CaseFindingRule.values())
			.collect(Collectors.toMap(CaseFindingRule::code, CaseFindingRule::title, (a, b) -> a,
					LinkedHashMap::new)));
		model.put("settings", ReadingForm.SETTINGS.stream()
			.collect(Collectors.toMap(Enum::name, s -> s.label(), (a, b) -> a, LinkedHashMap::new)));
		return model;
	}

	private static <E extends Enum<E>> Map<String, String> options(E[] values,
			Function<E, String> label) {
		return Arrays.stream(values)
			.collect(Collectors.toMap(Enum::name, label, (a, b) -> a, LinkedHashMap::new));
	}

}
