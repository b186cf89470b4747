package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

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

	static final List<String> INTEGERS = List.of("age", "ethnicity", "smokingCategory");

	static final List<String> NUMBERS = List.of("townsend", "bmi", "cholesterolHdlRatio", "systolicBp",
			"systolicBpSd");

	static final List<String> BOOLEANS = List.of("type1Diabetes", "type2Diabetes", "atrialFibrillation",
			"atypicalAntipsychotics", "corticosteroids", "migraine", "rheumatoidArthritis", "chronicKidneyDisease",
			"severeMentalIllness", "sle", "treatedHypertension", "erectileDysfunction", "familyHistoryCvd");

	/** A body read strictly, with what was wrong with each field's type (a wrongly typed field is left null). */
	record Read(Qrisk3Request request, Map<String, String> typeProblems) {

		/** Every problem: wrong types first named, then missing and out-of-range fields. */
		Map<String, String> problems() {
			Map<String, String> problems = new LinkedHashMap<>(typeProblems);
			request.problems().forEach(problems::putIfAbsent);
			return problems;
		}

	}

	/**
	 * Reads a JSON body strictly: an integer field takes only a whole number (84.99 and 84.0 are refused, never
	 * truncated), a yes/no field only true or false (never 1 or "yes"), a number field only a number (never text), and
	 * a field the contract does not name is refused.
	 */
	static Read read(JsonNode body) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!body.isObject()) {
			problems.put("body", "must be a JSON object");
			return new Read(new Qrisk3Request(null, null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null, null, null, null, null, null, null), problems);
		}
		for (String name : body.propertyNames()) {
			if (!INTEGERS.contains(name) && !NUMBERS.contains(name) && !BOOLEANS.contains(name)
					&& !name.equals("sex")) {
				problems.put(name, "is not a field of this API");
			}
		}
		Map<String, @Nullable Integer> integers = new LinkedHashMap<>();
		for (String name : INTEGERS) {
			JsonNode node = body.get(name);
			if (node != null && !node.isNull()) {
				if (node.isIntegralNumber() && node.canConvertToInt()) {
					integers.put(name, node.intValue());
				}
				else {
					problems.put(name, "must be a whole number");
				}
			}
		}
		Map<String, @Nullable Double> numbers = new LinkedHashMap<>();
		for (String name : NUMBERS) {
			JsonNode node = body.get(name);
			if (node != null && !node.isNull()) {
				if (node.isNumber() && Double.isFinite(node.doubleValue())) {
					numbers.put(name, node.doubleValue());
				}
				else {
					problems.put(name, "must be a number");
				}
			}
		}
		Map<String, @Nullable Boolean> booleans = new LinkedHashMap<>();
		for (String name : BOOLEANS) {
			JsonNode node = body.get(name);
			if (node != null && !node.isNull()) {
				if (node.isBoolean()) {
					booleans.put(name, node.booleanValue());
				}
				else {
					problems.put(name, "must be true or false");
				}
			}
		}
		String sex = null;
		JsonNode sexNode = body.get("sex");
		if (sexNode != null && !sexNode.isNull()) {
			if (sexNode.isString()) {
				sex = sexNode.stringValue();
			}
			else {
				problems.put("sex", "must be female or male");
			}
		}
		Qrisk3Request request = new Qrisk3Request(integers.get("age"), sex, integers.get("ethnicity"),
				numbers.get("townsend"), integers.get("smokingCategory"), booleans.get("type1Diabetes"),
				booleans.get("type2Diabetes"), booleans.get("atrialFibrillation"),
				booleans.get("atypicalAntipsychotics"), booleans.get("corticosteroids"), booleans.get("migraine"),
				booleans.get("rheumatoidArthritis"), booleans.get("chronicKidneyDisease"),
				booleans.get("severeMentalIllness"), booleans.get("sle"), booleans.get("treatedHypertension"),
				booleans.get("erectileDysfunction"), booleans.get("familyHistoryCvd"), numbers.get("bmi"),
				numbers.get("cholesterolHdlRatio"), numbers.get("systolicBp"), numbers.get("systolicBpSd"));
		return new Read(request, problems);
	}

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
