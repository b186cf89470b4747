package uk.nhs.bob.primarycare.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values a rule looked at, as people read them: 'Age: 30', 'Pregnant: No', 'Problem: Sore throat', never the API's
 * field names and codes.
 */
final class ValueLabels {

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("problem", "Problem"),
			Map.entry("ageYears", "Age"), Map.entry("sex", "Sex"), Map.entry("pregnant", "Pregnant"),
			Map.entry("redFlags", "Urgent symptoms"), Map.entry("immunosuppressed", "Weakened immune system"),
			Map.entry("urinaryCatheter", "Urinary catheter"), Map.entry("symptomDays", "Days with symptoms"),
			Map.entry("episodesLast6Months", "Times in the last 6 months"),
			Map.entry("episodesLast12Months", "Times in the last 12 months"),
			Map.entry("feverPainScore", "FeverPAIN score"), Map.entry("rashOnsetDays", "Days since the rash started"),
			Map.entry("daysSincePharmacyFirst", "Days since last sent to Pharmacy First for this problem"));

	private ValueLabels() {
	}

	static List<String> describe(Map<String, String> values) {
		List<String> described = new ArrayList<>();
		values.forEach((field, value) -> described.add(FIELDS.getOrDefault(field, field) + ": " + value(field, value)));
		return described;
	}

	static String value(String field, String value) {
		return switch (value) {
			case "true" -> "Yes";
			case "false" -> "No";
			case "female" -> "Female";
			case "male" -> "Male";
			default -> switch (field) {
				case "problem" -> Arrays.stream(PresentingProblem.values())
					.filter(p -> p.name().equals(value))
					.findFirst()
					.map(PresentingProblem::label)
					.orElse(value);
				case "redFlags" -> redFlags(value);
				default -> value;
			};
		};
	}

	/** '[CHEST_PAIN, SEIZURE]' to the questions' wording; '[]' to 'None'. */
	private static String redFlags(String value) {
		String inner = value.replaceAll("^\\[|\\]$", "").trim();
		if (inner.isEmpty()) {
			return "None";
		}
		return Arrays.stream(inner.split(",\\s*"))
			.map(code -> Arrays.stream(RedFlag.values())
				.filter(f -> f.name().equals(code))
				.findFirst()
				.map(RedFlag::question)
				.orElse(code))
			.collect(Collectors.joining("; "));
	}

}
