package uk.nhs.bob.primarycare.cvd;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The QRISK3 calculator form, as typed (numbers stay text so a mistyped value is shown back, not lost). */
record CalculatorForm(@Nullable String age, @Nullable String sex, @Nullable String ethnicity,
		@Nullable String townsend, @Nullable String smokingCategory, @Nullable String bmi,
		@Nullable String cholesterolHdlRatio, @Nullable String systolicBp, @Nullable String systolicBpSd,
		@Nullable List<String> conditions) {

	/** The yes/no inputs, as checkbox values with their labels. */
	static final List<String[]> CONDITIONS = List.of(new String[] { "type1Diabetes", "Type 1 diabetes" },
			new String[] { "type2Diabetes", "Type 2 diabetes" },
			new String[] { "atrialFibrillation", "Atrial fibrillation" },
			new String[] { "atypicalAntipsychotics", "On atypical antipsychotic medication" },
			new String[] { "corticosteroids", "On regular steroid tablets" },
			new String[] { "migraine", "Migraine" },
			new String[] { "rheumatoidArthritis", "Rheumatoid arthritis" },
			new String[] { "chronicKidneyDisease", "Chronic kidney disease (stage 3, 4 or 5)" },
			new String[] { "severeMentalIllness", "Severe mental illness" },
			new String[] { "sle", "Systemic lupus erythematosus (SLE)" },
			new String[] { "treatedHypertension", "On blood pressure treatment" },
			new String[] { "erectileDysfunction", "Erectile dysfunction (diagnosis or treatment)" },
			new String[] { "familyHistoryCvd", "Angina or heart attack in a first degree relative under 60" });

	static CalculatorForm empty() {
		return new CalculatorForm(null, null, null, "0", "0", null, null, null, null, List.of());
	}

	public boolean has(String condition) {
		return conditions != null && conditions.contains(condition);
	}

}
