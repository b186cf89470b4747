package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

import uk.nhs.bob.primarycare.directory.PracticeSummary;

/**
 * A worklist's filters read from the address against the practices in the user's scope: a filter the user may not
 * use (a practice outside their area, an unknown rule) is dropped with a message saying so, never silently.
 */
final class WorklistFilters {

	/** A worklist filter read from the address, with a message for each part that could not be used. */
	record Resolved(Worklists.Filter filter, List<String> messages) {
	}

	private WorklistFilters() {
	}

	/** Reads the filters, keeping only what the user may use and saying why for each part dropped. */
	static Resolved resolve(WorklistQuery query, Map<String, PracticeSummary> practices) {
		List<String> messages = new ArrayList<>();
		CaseFindingRule rule = null;
		if (!blank(query.rule())) {
			rule = CaseFindingRule.ofCode(query.rule().trim()).orElse(null);
			if (rule == null) {
				messages.add("There is no rule '" + query.rule() + "': showing all rules.");
			}
		}
		String practice = inScope(query.practice(), practices.keySet().contains(trimmed(query.practice())), messages,
				"Practice '" + query.practice() + "' is not in your area: showing every practice in your area.");
		String pcn = inScope(query.pcn(), pcns(practices).containsKey(trimmed(query.pcn())), messages,
				"PCN '" + query.pcn() + "' is not in your area: showing every PCN in your area.");
		Integer quintile = null;
		if (!blank(query.quintile())) {
			if (query.quintile().trim().matches("[1-5]")) {
				quintile = Integer.valueOf(query.quintile().trim());
			}
			else {
				messages.add("'" + query.quintile() + "' is not an IMD quintile (1 to 5): showing all quintiles.");
			}
		}
		ContactStatus status = constant(ContactStatus.class, query.status(), messages,
				"'" + query.status() + "' is not an outreach status: showing everyone.");
		int days = days(query.days(), messages);
		Worklists.OwnerFilter owner = constant(Worklists.OwnerFilter.class, query.owner(), messages,
				"'" + query.owner() + "' is not an owner filter: showing everyone.");
		return new Resolved(new Worklists.Filter(rule, practice, pcn, quintile, status, days, owner), messages);
	}

	private static @Nullable String inScope(@Nullable String typed, boolean known, List<String> messages,
			String refused) {
		if (blank(typed)) {
			return null;
		}
		if (!known) {
			messages.add(refused);
			return null;
		}
		return typed.trim();
	}

	private static <E extends Enum<E>> @Nullable E constant(Class<E> type, @Nullable String typed,
			List<String> messages, String refused) {
		if (blank(typed)) {
			return null;
		}
		E found = Arrays.stream(type.getEnumConstants())
			.filter(c -> c.name().equals(typed.trim()))
			.findFirst()
			.orElse(null);
		if (found == null) {
			messages.add(refused);
		}
		return found;
	}

	private static int days(@Nullable String typed, List<String> messages) {
		if (blank(typed)) {
			return ContactStatus.DEFAULT_NO_RESPONSE_DAYS;
		}
		if (typed.trim().matches("\\d{1,3}") && Integer.parseInt(typed.trim()) >= 1
				&& Integer.parseInt(typed.trim()) <= 365) {
			return Integer.parseInt(typed.trim());
		}
		messages.add("'" + typed + "' is not a number of days from 1 to 365: using "
				+ ContactStatus.DEFAULT_NO_RESPONSE_DAYS + " days.");
		return ContactStatus.DEFAULT_NO_RESPONSE_DAYS;
	}

	/** The worklist's address with the filters as typed (so a message about a dropped filter can be reproduced). */
	static String url(String path, WorklistQuery query, boolean withPage) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path)
			.queryParam("rule", nonNull(query.rule()))
			.queryParam("practice", nonNull(query.practice()))
			.queryParam("pcn", nonNull(query.pcn()))
			.queryParam("quintile", nonNull(query.quintile()))
			.queryParam("status", nonNull(query.status()))
			.queryParam("days", nonNull(query.days()))
			.queryParam("owner", nonNull(query.owner()));
		if (withPage && !blank(query.page())) {
			uri.queryParam("page", query.page());
		}
		return uri.encode().build().toUriString();
	}

	/** The PCNs of the practices, code to name, by name. */
	static Map<String, String> pcns(Map<String, PracticeSummary> practices) {
		return practices.values()
			.stream()
			.sorted(Comparator.comparing(PracticeSummary::pcnName))
			.collect(Collectors.toMap(PracticeSummary::pcnCode, PracticeSummary::pcnName, (a, b) -> a,
					LinkedHashMap::new));
	}

	static Map<String, String> quintileOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("1", "1 - most deprived 20% (Core20)");
		options.put("2", "2");
		options.put("3", "3");
		options.put("4", "4");
		options.put("5", "5 - least deprived 20%");
		return options;
	}

	static Map<String, String> statusOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put(ContactStatus.NOT_CONTACTED.name(), "Not yet contacted");
		options.put(ContactStatus.INVITED.name(), "Invited");
		options.put(ContactStatus.NO_RESPONSE.name(), "Invited, no response after the days below");
		options.put(ContactStatus.ATTENDED.name(), "Attended");
		options.put(ContactStatus.DECLINED.name(), "Declined");
		return options;
	}

	static Map<String, String> ownerOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put(Worklists.OwnerFilter.MINE.name(), "Mine");
		options.put(Worklists.OwnerFilter.UNASSIGNED.name(), "Not assigned");
		return options;
	}

	private static String trimmed(@Nullable String value) {
		return value == null ? "" : value.trim();
	}

	private static String nonNull(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
