package uk.nhs.bob.primarycare.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.nhs.bob.primarycare.triage.Navigation.SuggestedDisposition;
import uk.nhs.bob.primarycare.triage.NavigationRulePack.Rule;
import uk.nhs.bob.primarycare.triage.NavigationRulePack.Suggestion;

/**
 * Pure navigation: no database, no clock. Red flags are screened first (NICE NG51 and NHS website emergency advice,
 * MECS, Pharmacy First pyelonephritis signs); any red flag decides the answer, most urgent first, and the request is
 * still recorded. Otherwise the rules for the presenting problem are tried in order (exclusions before eligibility, as
 * the Pharmacy First and MECS specifications order them) and the first that matches gives the ranked dispositions.
 */
class NavigationEngine {

	private final NavigationRulePack pack;

	NavigationEngine(NavigationRulePack pack) {
		this.pack = pack;
	}

	String version() {
		return pack.version();
	}

	NavigationRulePack.Outcome outcome(Disposition disposition) {
		return pack.outcomes().get(disposition);
	}

	/**
	 * The most urgent disposition the red-flag rules give for these red flags alone, before the problem or anything
	 * else is known (the public form's emergency interrupt). Empty when no red-flag rule matches.
	 */
	java.util.Optional<Disposition> redFlagDisposition(Set<RedFlag> flags) {
		if (flags.isEmpty()) {
			return java.util.Optional.empty();
		}
		NavigationInput input = new NavigationInput(30, NavigationInput.Sex.FEMALE, PresentingProblem.OTHER, flags,
				null, null, null, null, null, null, null, null);
		return pack.redFlagRules()
			.stream()
			.filter(rule -> rule.problems().isEmpty() && rule.matches(input))
			.map(rule -> rule.dispositions().get(0).code())
			.min(Comparator.naturalOrder());
	}

	/** The input fields the rules for this problem look at: the questions worth asking about it. */
	Set<String> fieldsTestedFor(PresentingProblem problem) {
		return fields(pack.navigationRules().stream().filter(rule -> rule.appliesTo(problem)).toList());
	}

	Navigation navigate(NavigationInput input) {
		List<List<SuggestedDisposition>> redFlags = new ArrayList<>();
		for (Rule rule : pack.redFlagRules()) {
			if (rule.appliesTo(input.problem()) && rule.matches(input)) {
				redFlags.add(rule.dispositions().stream().map(s -> suggested(s, rule, input, fields(List.of(rule)))).toList());
			}
		}
		if (!redFlags.isEmpty()) {
			return new Navigation(pack.version(), pack.effectiveFrom(), true, rankedWithoutRepeats(redFlags));
		}
		List<Rule> looked = new ArrayList<>();
		for (Rule rule : pack.navigationRules()) {
			if (!rule.appliesTo(input.problem())) {
				continue;
			}
			looked.add(rule);
			if (rule.matches(input)) {
				Set<String> fields = fields(looked);
				List<SuggestedDisposition> suggestions = rule.dispositions()
					.stream()
					.map(s -> suggested(s, rule, input, fields))
					.toList();
				return new Navigation(pack.version(), pack.effectiveFrom(), false, suggestions);
			}
		}
		throw new IllegalStateException("No rule applies to " + input.problem());
	}

	/**
	 * The matched red-flag rules, the one with the most urgent recommendation (enum order) first, each rule's own
	 * alternatives after its recommendation; each disposition once, from the first rule that suggested it.
	 */
	private static List<SuggestedDisposition> rankedWithoutRepeats(List<List<SuggestedDisposition>> byRule) {
		Map<Disposition, SuggestedDisposition> first = new LinkedHashMap<>();
		byRule.stream()
			.sorted(Comparator.comparing(rule -> rule.get(0).code()))
			.flatMap(List::stream)
			.forEach(s -> first.putIfAbsent(s.code(), s));
		return List.copyOf(first.values());
	}

	/** The fields the rules looked at, so an answer shows every value it depended on, exclusions included. */
	private static Set<String> fields(List<Rule> rules) {
		Set<String> fields = new LinkedHashSet<>();
		rules.forEach(rule -> rule.when().forEach(c -> fields.add(c.field())));
		return fields;
	}

	private static SuggestedDisposition suggested(Suggestion suggestion, Rule rule, NavigationInput input,
			Set<String> fields) {
		return new SuggestedDisposition(suggestion.code(), suggestion.reason(), rule.id(), input.describe(fields),
				suggestion.selfCareTopic(), suggestion.selfCareUrl());
	}

}
