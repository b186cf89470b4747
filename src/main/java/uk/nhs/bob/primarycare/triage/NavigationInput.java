package uk.nhs.bob.primarycare.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the navigation engine decides on: the person's age and sex, the presenting problem, the red flags present
 * and the optional answers the Pharmacy First gateways need. Episode counts include the current episode, so the
 * thresholds read as in the Pharmacy First service specification ('2 in 6 months'). {@code daysSincePharmacyFirst} is
 * how many days ago the same person was last sent to Pharmacy First for the same problem (unanswered when never), so
 * a pack can keep a second request within days from going back to the pharmacy.
 */
record NavigationInput(int ageYears, Sex sex, PresentingProblem problem, Set<RedFlag> redFlags,
		@Nullable Boolean pregnant, @Nullable Boolean immunosuppressed, @Nullable Boolean urinaryCatheter,
		@Nullable Integer symptomDays, @Nullable Integer episodesLast6Months, @Nullable Integer episodesLast12Months,
		@Nullable Integer feverPainScore, @Nullable Integer rashOnsetDays,
		@Nullable Integer daysSincePharmacyFirst) {

	public enum Sex {

		FEMALE, MALE;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public NavigationInput {
		redFlags = Set.copyOf(redFlags);
	}

	public NavigationInput(int ageYears, Sex sex, PresentingProblem problem, Set<RedFlag> redFlags,
			@Nullable Boolean pregnant, @Nullable Boolean immunosuppressed, @Nullable Boolean urinaryCatheter,
			@Nullable Integer symptomDays, @Nullable Integer episodesLast6Months, @Nullable Integer episodesLast12Months,
			@Nullable Integer feverPainScore, @Nullable Integer rashOnsetDays) {
		this(ageYears, sex, problem, redFlags, pregnant, immunosuppressed, urinaryCatheter, symptomDays,
				episodesLast6Months, episodesLast12Months, feverPainScore, rashOnsetDays, null);
	}

	/** The fields rules may test, by their API names. Unanswered optional fields are absent. */
	public static final List<String> FIELDS = List.of("ageYears", "sex", "pregnant", "redFlags", "immunosuppressed",
			"urinaryCatheter", "symptomDays", "episodesLast6Months", "episodesLast12Months", "feverPainScore",
			"rashOnsetDays", "daysSincePharmacyFirst");

	/** The value of a field a rule tests, or null when it was not answered. */
	@Nullable Object value(String field) {
		return switch (field) {
			case "ageYears" -> ageYears;
			case "sex" -> sex.code();
			case "pregnant" -> pregnant;
			case "redFlags" -> redFlags.stream().map(Enum::name).sorted().toList();
			case "immunosuppressed" -> immunosuppressed;
			case "urinaryCatheter" -> urinaryCatheter;
			case "symptomDays" -> symptomDays;
			case "episodesLast6Months" -> episodesLast6Months;
			case "episodesLast12Months" -> episodesLast12Months;
			case "feverPainScore" -> feverPainScore;
			case "rashOnsetDays" -> rashOnsetDays;
			case "daysSincePharmacyFirst" -> daysSincePharmacyFirst;
			default -> throw new IllegalArgumentException("Unknown field " + field);
		};
	}

	Map<String, String> describe(Iterable<String> fields) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("problem", problem.name());
		for (String field : fields) {
			Object value = value(field);
			values.put(field, value == null ? "not answered" : value.toString());
		}
		return values;
	}

}
