package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.shared.Pagination;

/**
 * The read model of a hub's queue page: the hubs the user may open, the open requests of one (the most urgent first,
 * filtered by who claimed them and by problem), the counts, the page links, and the red flags that arrived since the
 * page was drawn.
 */
@Component
class TriageQueuePage {

	/** The queue page's choices as they came in the address, any of them missing or wrong. */
	record Query(@Nullable String site, @Nullable String page, @Nullable String show, @Nullable String problem,
			@Nullable String since) {
	}

	/** Rows a queue page shows: the most urgent first, so a coordinator rarely needs the next page. */
	static final int PAGE_SIZE = 50;

	/** What the queue shows: everything open, the user's own claims, or what nobody has claimed. */
	enum Show {

		ALL("All open requests"), MINE("Claimed by me"), UNCLAIMED("Not claimed");

		private final String label;

		Show(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}


	private static @Nullable Instant sinceOrNull(@Nullable String since) {
		try {
			return since == null ? null : Instant.ofEpochMilli(Long.parseLong(since));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Show shown(Query query) {
		return java.util.Arrays.stream(Show.values())
			.filter(v -> v.name().equalsIgnoreCase(query.show() == null ? "" : query.show()))
			.findFirst()
			.orElse(Show.ALL);
	}

	/** The problem to filter by; one not on the list is said, and every problem shown. */
	private static @Nullable PresentingProblem chosenProblem(Query query, Model model) {
		PresentingProblem chosen = java.util.Arrays.stream(PresentingProblem.values())
			.filter(p -> p.name().equals(query.problem()))
			.findFirst()
			.orElse(null);
		if (query.problem() != null && !query.problem().isBlank() && chosen == null) {
			model.addAttribute("problem", "Choose a problem from the list: showing every problem");
		}
		return chosen;
	}

	private final TriageQueue queue;

	private final TriageOptions options;

	private final int pollSeconds;

	TriageQueuePage(TriageQueue queue, TriageOptions options,
			@Value("${primarycare.triage.queue-refresh-seconds:10}") int pollSeconds) {
		this.queue = queue;
		this.options = options;
		this.pollSeconds = pollSeconds;
	}

	/** The clinical supervisor's queue of their scope: requests waiting for supervision, each person audited. */
	void fillSupervision(StaffUser user, Model model) {
		if (!TriageRoles.supervises(user)) {
			throw new AccessDeniedException("Only clinical supervisors see the supervision queue");
		}
		model.addAttribute("rows", queue.supervision(user.scope(), user.username(), "/triage/supervision"));
		model.addAttribute("scopeName", user.scopeName());
	}

	void fill(StaffUser user, Query query, Model model) {
		List<SiteSummary> sites = options.sitesFor(user);
		if (sites.isEmpty()) {
			throw new AccessDeniedException("Your scope covers no hub");
		}
		SiteSummary hub = sites.stream().filter(s -> s.code().equals(query.site())).findFirst().orElse(sites.get(0));
		Show shown = shown(query);
		PresentingProblem chosenProblem = chosenProblem(query, model);
		String filters = "&show=" + shown.name().toLowerCase(java.util.Locale.ROOT)
				+ (chosenProblem == null ? "" : "&problem=" + chosenProblem.name());
		int pageNumber = Pagination.pageNumber(query.page());
		Instant now = Instant.now();
		TriageQueue.OpenPage queuePage = queue.open(hub.code(),
				r -> (shown != Show.MINE || user.username().equals(r.claimedBy()))
						&& (shown != Show.UNCLAIMED || r.claimedBy() == null)
						&& (chosenProblem == null || r.problemCode() == chosenProblem),
				pageNumber, PAGE_SIZE, number -> "/triage?site=" + hub.code() + filters + "&page=" + number,
				sinceOrNull(query.since()), user.username(), "/triage");
		model.addAttribute("hub", hub);
		model.addAttribute("sites", sites);
		model.addAttribute("rows", queuePage.rows());
		model.addAttribute("openCount", queuePage.all().size());
		model.addAttribute("shownCount", queuePage.matching().size());
		model.addAttribute("pagination", queuePage.pagination());
		model.addAttribute("overdueCount", queuePage.overdueCount());
		model.addAttribute("notVerifiedCount", queuePage.notVerifiedCount());
		model.addAttribute("supervisor", TriageRoles.supervises(user));
		model.addAttribute("show", shown.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("showOptions", Show.values());
		model.addAttribute("problemFilter", chosenProblem == null ? "" : chosenProblem.name());
		model.addAttribute("problemOptions", options.problems());
		model.addAttribute("refreshUrl", "/triage?site=" + hub.code() + filters + "&page=" + pageNumber + "&since="
				+ now.toEpochMilli());
		model.addAttribute("pollSeconds", pollSeconds);
		// a red flag that arrived since the page (or the last refresh) was drawn is announced politely
		model.addAttribute("newRedFlags", queuePage.newRedFlags());
	}

}
