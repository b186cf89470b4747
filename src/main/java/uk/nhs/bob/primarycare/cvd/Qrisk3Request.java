package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/cvd/qrisk3}: every field is required (no defaults: a missing input is an error,
 * never a silently assumed value).
 */
record Qrisk3Request(@Nullable Integer age, @Nullable String sex, @Nullable Integer ethnicity,
		@Nullable Double townsend, @Nullable Integer smokingCategory, @Nullable Boolean type1Diabetes,
		@Nullable Boolean type2Diabetes, @Nullable Boolean atrialFibrillation, @Nullable Boolean atypicalAntipsychotics,
		@Nullable Boolean corticosteroids, @Nullable Boolean migraine, @Nullable Boolean rheumatoidArthritis,
		@Nullable Boolean chronicKidneyDisease, @Nullable Boolean severeMentalIllness, @Nullable Boolean sle,
		@Nullable Boolean treatedHypertension, @Nullable Boolean erectileDysfunction,
		@Nullable Boolean familyHistoryCvd, @Nullable Double bmi, @Nullable Double cholesterolHdlRatio,
		@Nullable Double systolicBp, @Nullable Double systolicBpSd) {

	/** Field name to message for every missing or invalid field, in the contract's order. */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("age", age);
		fields.put("sex", sex);
		fields.put("ethnicity", ethnicity);
		fields.put("townsend", townsend);
		fields.put("smokingCategory", smokingCategory);
		fields.put("type1Diabetes", type1Diabetes);
		fields.put("type2Diabetes", type2Diabetes);
		fields.put("atrialFibrillation", atrialFibrillation);
		fields.put("atypicalAntipsychotics", atypicalAntipsychotics);
		fields.put("corticosteroids", corticosteroids);
		fields.put("migraine", migraine);
		fields.put("rheumatoidArthritis", rheumatoidArthritis);
		fields.put("chronicKidneyDisease", chronicKidneyDisease);
		fields.put("severeMentalIllness", severeMentalIllness);
		fields.put("sle", sle);
		fields.put("treatedHypertension", treatedHypertension);
		fields.put("erectileDysfunction", erectileDysfunction);
		fields.put("familyHistoryCvd", familyHistoryCvd);
		fields.put("bmi", bmi);
		fields.put("cholesterolHdlRatio", cholesterolHdlRatio);
		fields.put("systolicBp", systolicBp);
		fields.put("systolicBpSd", systolicBpSd);
		fields.forEach((field, value) -> {
			if (value == null) {
				problems.put(field, "is required");
			}
		});
		if (sex != null && !sex.equals("female") && !sex.equals("male")) {
			problems.put("sex", "must be female or male");
		}
		if (problems.isEmpty()) {
			for (String[] problem : inputs().problems()) {
				problems.putIfAbsent(problem[0], problem[1]);
			}
		}
		return problems;
	}

	/** Only once {@link #problems()} is empty. */
	Qrisk3Inputs inputs() {
		return new Qrisk3Inputs("male".equals(sex), age, ethnicity, townsend, smokingCategory, type1Diabetes,
				type2Diabetes, atrialFibrillation, atypicalAntipsychotics, corticosteroids, migraine,
				rheumatoidArthritis, chronicKidneyDisease, severeMentalIllness, sle, treatedHypertension,
				erectileDysfunction, familyHistoryCvd, bmi, cholesterolHdlRatio, systolicBp, systolicBpSd);
	}

	static List<Map<String, String>> asErrors(Map<String, String> problems) {
		List<Map<String, String>> errors = new ArrayList<>();
		problems.forEach((field, message) -> errors.add(Map.of("field", field, "message", message)));
		return errors;
	}

}
