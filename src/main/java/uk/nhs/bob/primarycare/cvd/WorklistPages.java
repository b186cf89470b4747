package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Pagination;

/**
 * The CVD worklist pages for the signed-in user: one page of people (the listing audited by {@link Worklists}), the
 * CSV export and the bulk actions on a selection (each one transaction in {@link WorklistActions}, refused whole when
 * anyone selected is outside the user's scope). Filters are read against the practices in the user's scope.
 */
@Service
class WorklistPages {

	static final int PAGE_SIZE = 25;

	/** Invitations a worklist can record in bulk (referrals are recorded one by one, on the person page). */
	static final List<OutreachType> INVITATIONS = List.of(OutreachType.PHARMACY_BP_CHECK, OutreachType.GP_REVIEW);

	private final Worklists worklists;

	private final WorklistActions actions;

	private final RefreshJobs jobs;

	private final Directory directory;

	private final StaffUsers staffUsers;

	WorklistPages(Worklists worklists, WorklistActions actions, RefreshJobs jobs, Directory directory,
			StaffUsers staffUsers) {
		this.worklists = worklists;
		this.actions = actions;
		this.jobs = jobs;
		this.directory = directory;
		this.staffUsers = staffUsers;
	}

	/** One page of the worklist, with the filter options of the user's scope and the bulk action form. */
	WorklistPage page(WorklistQuery query, WorklistActionForm form) {
		StaffUser user = staffUsers.currentUser();
		Map<String, PracticeSummary> practices = practicesInScope(user);
		WorklistFilters.Resolved resolved = WorklistFilters.resolve(query, practices);
		Worklists.Filter filter = resolved.filter();
		Worklists.Listing listing = worklists.page(user, filter, Pagination.pageNumber(query.page()), PAGE_SIZE,
				practices, cuts(), "/cvd/worklist");
		Pagination pagination = Pagination.of(listing.page(), listing.total(), PAGE_SIZE,
				number -> WorklistFilters.url("/cvd/worklist", query, false) + "&page=" + number);
		Map<String, String> practiceOptions = practices.values()
			.stream()
			.sorted(Comparator.comparing(PracticeSummary::name))
			.collect(Collectors.toMap(p -> p.odsCode().value(), PracticeSummary::name, (a, b) -> a,
					LinkedHashMap::new));
		return new WorklistPage(user, listing.rows(), pagination, listing.total(), filter, resolved.messages(), form, practiceOptions,
				WorklistFilters.pcns(practices), WorklistFilters.url("/cvd/worklist.csv", query, false));
	}

	/** Every person the filters find, as CSV (the export audited by {@link Worklists}). */
	WorklistCsv.File csv(WorklistQuery query) {
		StaffUser user = staffUsers.currentUser();
		Map<String, PracticeSummary> practices = practicesInScope(user);
		Worklists.Filter filter = WorklistFilters.resolve(query, practices).filter();
		List<Worklists.Row> rows = worklists.export(user, filter, practices, cuts(), "/cvd/worklist.csv");
		return WorklistCsv.of(rows, filter, LocalDate.now(PersonEvaluation.UK));
	}

	/** Carries out a checked bulk action; returns what was done, to show the user. */
	String act(WorklistActionForm form) {
		StaffUser user = staffUsers.currentUser();
		List<NhsNumber> chosen = form.people();
		return switch (form.action()) {
			case "ASSIGN" -> assignedMessage(actions.assignToMe(user, chosen));
			case "RELEASE" -> {
				int released = actions.release(user, chosen);
				yield released + (released == 1 ? " person" : " people") + " released"
						+ (released < chosen.size() ? " (" + (chosen.size() - released) + " were not yours)" : "")
						+ ".";
			}
			default -> {
				OutreachType type = OutreachType.valueOf(form.outreachType());
				int recorded = actions.recordInvitations(user, chosen, type, LocalDate.now(PersonEvaluation.UK));
				yield "Invitation recorded for " + recorded + (recorded == 1 ? " person" : " people") + ": "
						+ type.label() + ", today.";
			}
		};
	}

	private static String assignedMessage(WorklistActions.Assigned result) {
		StringBuilder message = new StringBuilder();
		message.append(result.assigned()).append(result.assigned() == 1 ? " person" : " people")
			.append(" assigned to you.");
		if (result.alreadyYours() > 0) {
			message.append(' ').append(result.alreadyYours()).append(" already yours.");
		}
		result.ownedByOthers().forEach((owner, count) -> message.append(' ').append(count)
			.append(count == 1 ? " person is" : " people are").append(" already assigned to ").append(owner)
			.append(": not changed."));
		return message.toString();
	}

	private Map<String, PracticeSummary> practicesInScope(StaffUser user) {
		return directory.practices()
			.stream()
			.filter(user::canSee)
			.collect(Collectors.toMap(p -> p.odsCode().value(), Function.identity()));
	}

	private float[] cuts() {
		return PopulationRefresh.parseCuts(jobs.latestCompleted().map(RefreshJobs.Run::quintileCuts).orElse(null));
	}

	/** The rules as options, by priority. */
	static Map<String, String> ruleOptions() {
		return Arrays.stream(CaseFindingRule.values())
			.collect(Collectors.toMap(CaseFindingRule::code, r -> r.priority() + ". " + r.title(), (a, b) -> a,
					LinkedHashMap::new));
	}

}
