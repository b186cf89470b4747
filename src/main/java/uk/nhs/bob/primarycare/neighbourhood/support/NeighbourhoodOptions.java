package uk.nhs.bob.primarycare.neighbourhood.support;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import uk.nhs.bob.primarycare.neighbourhood.careplans.ClinicalFrailtyScale;
import uk.nhs.bob.primarycare.neighbourhood.teams.MemberSummary;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;

/** The options of the neighbourhood pages' select lists and radios: value to label, in the order shown. */
public final class NeighbourhoodOptions {

	private NeighbourhoodOptions() {
	}

	/** Every constant of an enum, by name, with its label. */
	public static <E extends Enum<E>> Map<String, String> of(E[] values, Function<E, String> label) {
		return of(values, label, value -> true);
	}

	/** The constants of an enum that pass {@code shown}, by name, with their labels. */
	public static <E extends Enum<E>> Map<String, String> of(E[] values, Function<E, String> label, Predicate<E> shown) {
		Map<String, String> options = new LinkedHashMap<>();
		for (E value : values) {
			if (shown.test(value)) {
				options.put(value.name(), label.apply(value));
			}
		}
		return options;
	}

	/** The answers of a select whose own empty choice is "not recorded", so that constant is left out. */
	public static <E extends Enum<E>> Map<String, String> recorded(E[] values, Function<E, String> label) {
		return of(values, label, value -> !value.name().equals("NOT_RECORDED"));
	}

	/** The Clinical Frailty Scale's scores, 1 to 9, each with its description. */
	public static Map<String, String> frailtyScores() {
		Map<String, String> options = new LinkedHashMap<>();
		for (ClinicalFrailtyScale score : ClinicalFrailtyScale.values()) {
			options.put(Integer.toString(score.score()), score.describe());
		}
		return options;
	}

	/** Team members by id, each described with their discipline and organisation. */
	public static Map<String, String> members(Collection<TeamMember> members) {
		Map<String, String> options = new LinkedHashMap<>();
		members.forEach(m -> options.put(m.getId().toString(), m.describe()));
		return options;
	}

	/** The active members by id, with their names only (the caseload's keyworker filter). */
	public static Map<String, String> names(Collection<TeamMember> members) {
		Map<String, String> options = new LinkedHashMap<>();
		members.stream().filter(TeamMember::isActive).forEach(m -> options.put(m.getId().toString(), m.getName()));
		return options;
	}

	/** The active keyworkers among the members, by id, each described as {@link #members} describes them. */
	public static Map<String, String> keyworkers(Collection<MemberSummary> members) {
		Map<String, String> options = new LinkedHashMap<>();
		members.stream().filter(MemberSummary::isKeyworker).forEach(m -> options.put(m.id().toString(), m.describe()));
		return options;
	}

}
