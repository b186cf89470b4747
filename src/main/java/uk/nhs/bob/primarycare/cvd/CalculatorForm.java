package uk.nhs.bob.primarycare.cvd;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The QRISK3 calculator form, as typed (numbers stay text so a mistyped value is shown back, not lost). */
record CalculatorForm(@Nullable String age, @Nullable String sex, @Nullable String ethnicity,
		@Nullable String townsend, @Nullable String smokingCategory, @Nullable String bmi,
		@Nullable String cholesterolHdlRatio, @Nullable String systolicBp, @Nullable String systolicBpSd,
		@Nullable List<String> conditions) {

	/** The yes/no inputs, as checkbox values with their labels (and a hint where the input needs one). */
	static final List<String[]> CONDITIONS = List.of(new String[] { "type1Diabetes", "Type 1 diabetes" },
			new String[] { "type2Diabetes", "Type 2 diabetes" },
			new String[] { "atrialFibrillation", "Atrial fibrillation" },
			new String[] { "atypicalAntipsychotics", "On atypical antipsychotic medication" },
			new String[] { "corticosteroids", "On regular steroid tablets" },
			new String[] { "migraine", "Migraine" },
			new String[] { "rheumatoidArthritis", "Rheumatoid arthritis" },
			new String[] { "chronicKidneyDisease", "Chronic kidney disease (stage 3, 4 or 5)",
					"Stage 3 to 5 means an eGFR below 60 for 3 months or more. NICE NG238 says not to use a risk tool "
							+ "when the eGFR is below 60 (offer atorvastatin 20 mg instead), so the CVD pages never "
							+ "score someone with CKD 3-5 or an eGFR below 60 from the record; a score here is for "
							+ "information only." },
			new String[] { "severeMentalIllness", "Severe mental illness" },
			new String[] { "sle", "Systemic lupus erythematosus (SLE)" },
			new String[] { "treatedHypertension", "On blood pressure treatment" },
			new String[] { "erectileDysfunction", "Erectile dysfunction (diagnosis or treatment)" },
			new String[] { "familyHistoryCvd", "Angina or heart attack in a first degree relative under 60" });

	/** Nothing pre-filled: the Townsend score and smoking status are asked for, never assumed. */
	static CalculatorForm empty() {
		return new CalculatorForm(null, null, null, null, null, null, null, null, null, List.of());
	}

	public boolean has(String condition) {
		return conditions != null && conditions.contains(condition);
	}

}
