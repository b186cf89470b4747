package uk.nhs.bob.primarycare.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The navigation rules as data (resource {@code triage/navigation-rules.json}): a version, the date it takes effect,
 * red-flag rules and, per presenting problem, ordered navigation rules where the first that matches decides. Each
 * rule names its published source (copied in docs/triage.md). Changing a threshold is an edit of the data and a new
 * version, not of code.
 */
record NavigationRulePack(String version, LocalDate effectiveFrom, String signOff, List<Rule> redFlagRules,
		List<Rule> navigationRules, Map<Disposition, Outcome> outcomes) {

	static final String RESOURCE = "/triage/navigation-rules.json";

	enum Stage {

		RED_FLAG, NAVIGATION

	}

	/**
	 * One rule: it applies to the listed problems (all when empty) when every condition holds, and then suggests its
	 * dispositions in rank order.
	 */
	record Rule(String id, String source, List<PresentingProblem> problems, List<Condition> when,
			List<Suggestion> dispositions) {

		Rule {
			problems = problems == null ? List.of() : List.copyOf(problems);
			when = when == null ? List.of() : List.copyOf(when);
		}

		boolean appliesTo(PresentingProblem problem) {
			return problems.isEmpty() || problems.contains(problem);
		}

		boolean matches(NavigationInput input) {
			return when.stream().allMatch(c -> c.holds(input));
		}

	}

	/** A test of one input field: eq, ne, lt, le, gt, ge against a number, text or true/false; contains for lists. */
	record Condition(String field, String op, Object value) {

		boolean holds(NavigationInput input) {
			Object actual = input.value(field);
			if (actual == null) {
				// an unanswered question never excludes anyone: the service checks it again
				return false;
			}
			if (op.equals("contains")) {
				return actual instanceof List<?> list && list.contains(value.toString());
			}
			if (actual instanceof Integer number && value instanceof Number limit) {
				int compared = Integer.compare(number, limit.intValue());
				return switch (op) {
					case "eq" -> compared == 0;
					case "ne" -> compared != 0;
					case "lt" -> compared < 0;
					case "le" -> compared <= 0;
					case "gt" -> compared > 0;
					case "ge" -> compared >= 0;
					default -> throw new IllegalStateException("Unknown operator " + op);
				};
			}
			boolean equal = actual.toString().equals(value.toString());
			return switch (op) {
				case "eq" -> equal;
				case "ne" -> !equal;
				default -> throw new IllegalStateException("Operator " + op + " needs a number: " + field);
			};
		}

	}

	/** A suggested disposition with its reason and, for self-care, the NHS website page to read. */
	record Suggestion(Disposition code, String reason, @Nullable String selfCareTopic, @Nullable String selfCareUrl) {
	}

	/** What completing with a disposition records by default: the safety-net advice and when to follow up. */
	public record Outcome(String safetyNet, int followUpDays) {
	}

	static NavigationRulePack load() {
		try (InputStream in = NavigationRulePack.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing rule pack " + RESOURCE);
			}
			NavigationRulePack pack = JsonMapper.builder().build().readValue(in, NavigationRulePack.class);
			pack.check();
			return pack;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Fails at start-up, not at a patient's request, when the data is inconsistent. */
	void check() {
		Set<String> ids = new HashSet<>();
		for (Rule rule : concat()) {
			if (!ids.add(rule.id())) {
				throw new IllegalStateException("Rule id used twice: " + rule.id());
			}
			if (rule.dispositions() == null || rule.dispositions().isEmpty()) {
				throw new IllegalStateException("Rule " + rule.id() + " suggests nothing");
			}
			for (Condition condition : rule.when()) {
				if (!NavigationInput.FIELDS.contains(condition.field())) {
					throw new IllegalStateException("Rule " + rule.id() + " tests unknown field " + condition.field());
				}
				if (condition.field().equals("redFlags")) {
					RedFlag.valueOf(condition.value().toString());
				}
			}
		}
		for (PresentingProblem problem : PresentingProblem.values()) {
			if (navigationRules.stream().noneMatch(r -> r.appliesTo(problem) && r.when().isEmpty())) {
				throw new IllegalStateException("No rule always applies to " + problem);
			}
		}
		for (Disposition disposition : Disposition.values()) {
			if (!outcomes.containsKey(disposition)) {
				throw new IllegalStateException("No outcome for " + disposition);
			}
		}
	}

	private List<Rule> concat() {
		return java.util.stream.Stream.concat(redFlagRules.stream(), navigationRules.stream()).toList();
	}

}
