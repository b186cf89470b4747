package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The engine's answer: the dispositions in rank order (the first is recommended), each with the rule that chose it,
 * why, and the input values that rule pack looked at, plus the rule-pack version used.
 */
public record Navigation(String rulePackVersion, LocalDate effectiveFrom, boolean redFlag,
		List<SuggestedDisposition> dispositions) {

	public record SuggestedDisposition(Disposition code, String reason, String ruleId, Map<String, String> values,
			@Nullable String selfCareTopic, @Nullable String selfCareUrl) {

		/** The values the rule looked at, labelled for people ('Age: 30', 'Pregnant: No'). */
		public List<String> valuesDescribed() {
			return ValueLabels.describe(values);
		}

	}

	public SuggestedDisposition recommended() {
		return dispositions.get(0);
	}

}
