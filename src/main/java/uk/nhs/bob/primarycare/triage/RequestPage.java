package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.web.server.ResponseStatusException;

import uk.nhs.bob.primarycare.directory.DirectoryData;
import uk.nhs.bob.primarycare.directory.PlaceServices;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.triage.TriageRequest.Status;

/**
 * Everything the request page shows: the request and its suggestion with matching services, the person's context
 * from other modules (through {@link PersonContextProvider}), how the person was identified, calls made, the
 * follow-up, and which actions the user may take. INT members see it read-only.
 */
@Component
class RequestPage {

	// the same for every request: built once rather than on each page
	private static final Map<String, String> DISPOSITION_OPTIONS = dispositionOptions();

	private static final List<CallOutcome> CALL_OUTCOMES = List.of(CallOutcome.values());

	private final TriageRequests requests;

	private final TriageServices services;

	private final RequestClaims claims;

	private final FollowUps followUps;

	private final List<PersonContextProvider> contextProviders;

	private final RequestBodies bodies;

	private final EntityManager entityManager;

	RequestPage(TriageRequests requests, TriageServices services,
			RequestClaims claims, FollowUps followUps, List<PersonContextProvider> contextProviders,
			RequestBodies bodies, EntityManager entityManager) {
		this.requests = requests;
		this.services = services;
		this.claims = claims;
		this.followUps = followUps;
		this.contextProviders = contextProviders;
		this.bodies = bodies;
		this.entityManager = entityManager;
	}

	/** What the page shows of an earlier or chasing request. */
	record Link(UUID id, String reference, boolean notRightFirstTime, LocalDateTime receivedAtUk) {

		static Link of(TriageRequest request) {
			return new Link(request.id(), request.reference(), request.notRightFirstTime(), request.receivedAtUk());
		}

	}

	/** Which actions the user may take on the request, and the colleagues it may be reassigned to. */
	record Actions(boolean works, boolean mine, boolean canDecide, boolean canSupervise, boolean canRelease,
			boolean canReassign, Map<String, String> colleagueOptions) {
	}

	/**
	 * The request page for a member of staff whose scope covers the request's hub, its view of the person audited in
	 * the same transaction as the page's reads. A form already in the model (one refused) is kept; otherwise the
	 * decision form starts at the decided disposition or the suggestion.
	 */
	@Transactional
	TriageRequest open(UUID id, StaffUser user, String purpose, Model model) {
		TriageRequest request = read(id, user, purpose);
		fill(request, user, model);
		return request;
	}

	/**
	 * The request page as {@link #open} reads it, as the page kept for what this view read ({@link RequestBodies}):
	 * rendered afresh when the view brings something to show once (a message, or what was typed in a refused action).
	 */
	@Transactional
	View view(UUID id, StaffUser user, String purpose, Model model) {
		// a view changes nothing through JPA (its audit row is written with plain SQL): the requests it reads are not
		// kept with a copy to compare at commit, and nothing is flushed then. The transaction stays read-write for
		// the audit row, so @Transactional(readOnly = true) cannot say this.
		Session session = entityManager.unwrap(Session.class);
		session.setDefaultReadOnly(true);
		session.setHibernateFlushMode(FlushMode.MANUAL);
		RequestBodies.PageKey key = fill(read(id, user, purpose), user, model);
		return bodies.page(key, model.asMap());
	}

	private TriageRequest read(UUID id, StaffUser user, String purpose) {
		return requests.view(id, user, "/triage/requests/" + id, purpose)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request"));
	}

	private RequestBodies.PageKey fill(TriageRequest request, StaffUser user, Model model) {
		RequestBodies.PageKey key = populate(request, user, model);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DecisionForm.suggesting(request.version(),
					request.decidedDisposition() != null ? request.decidedDisposition() : request.suggestedDisposition()));
		}
		return key;
	}

	private static Map<String, String> dispositionOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (Disposition disposition : Disposition.values()) {
			options.put(disposition.name(), disposition.label());
		}
		return java.util.Collections.unmodifiableMap(options);
	}

	// in the transaction of open: the page's reads (services, the person's context from other modules, calls,
	// colleagues) and the audit entry in one, rather than one each
	private RequestBodies.PageKey populate(TriageRequest request, StaffUser user, Model model) {
		model.addAttribute("request", request);
		// one look at the directory's data version for the page: its services, the practice and the hub
		DirectoryData directory = services.current();
		RequestBodies.Suggestion suggestion = suggestion(request, directory);
		model.addAttribute("suggestion", suggestion.markup());
		model.addAttribute("serviceOptions", suggestion.serviceOptions());
		model.addAttribute("dispositionOptions", DISPOSITION_OPTIONS);
		Optional<PracticeSummary> practice = Optional.ofNullable(request.practiceCode())
			.flatMap(OdsCode::parse)
			.flatMap(directory::practice);
		String practiceName = request.practiceCode() == null ? null
				: practice.map(PracticeSummary::name).orElse(request.practiceCode());
		model.addAttribute("practiceName", practiceName);
		// the hub is the practice's site unless the practice has moved since: one read for both
		String hubName = practice.filter(p -> p.siteCode().equals(request.siteCode()))
			.map(PracticeSummary::siteName)
			.or(() -> directory.site(request.siteCode()).map(SiteSummary::name))
			.orElse(request.siteCode());
		model.addAttribute("hubName", hubName);
		Link earlier = request.earlierRequestId() == null ? null
				: requests.find(request.earlierRequestId()).map(Link::of).orElse(null);
		model.addAttribute("earlier", earlier);
		Link chaser = request.chasedByRequestId() == null ? null
				: requests.find(request.chasedByRequestId()).map(Link::of).orElse(null);
		model.addAttribute("chaser", chaser);
		NavigationRulePack.Outcome outcome = requests.outcome(request.suggestedDisposition());
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		LocalDate defaultFollowUp = today.plusDays(outcome.followUpDays());
		model.addAttribute("defaultOutcome", outcome);
		model.addAttribute("defaultFollowUp", defaultFollowUp);
		NhsNumber person = request.nhsNumber();
		List<PersonContextProvider.PersonContext> context = person == null || request.identityNotVerified() ? List.of()
				: contextProviders.stream().flatMap(p -> p.contextFor(person).stream()).toList();
		model.addAttribute("context", context);
		List<FollowUps.CallAttempt> calls = followUps.calls(request.id());
		model.addAttribute("calls", calls);
		model.addAttribute("callOutcomes", CALL_OUTCOMES);
		boolean followUpDue = request.status() == Status.COMPLETED && request.followUpDate() != null
				&& request.followedUpAt() == null && !request.followUpDate().isAfter(today);
		model.addAttribute("followUpDue", followUpDue);
		Actions actions = actions(request, user);
		model.addAttribute("works", actions.works());
		model.addAttribute("mine", actions.mine());
		model.addAttribute("canDecide", actions.canDecide());
		model.addAttribute("canSupervise", actions.canSupervise());
		model.addAttribute("canRelease", actions.canRelease());
		model.addAttribute("canReassign", actions.canReassign());
		if (actions.canReassign()) {
			model.addAttribute("colleagueOptions", actions.colleagueOptions());
		}
		return new RequestBodies.PageKey(LocaleContextHolder.getLocale(), request.id(), request.version(), practiceName,
				hubName, earlier, chaser, context, calls, followUpDue, outcome, defaultFollowUp, suggestion.serviceOptions(),
				suggestion.markup(), actions);
	}

	/**
	 * The suggestion: the services matching each disposition suggested (and the one decided), open ones first; the
	 * same services go into the pick list. Worked out again only when something it is worked out from has changed.
	 */
	private RequestBodies.Suggestion suggestion(TriageRequest request, DirectoryData directory) {
		LocalDateTime minute = ServiceDirectory.nowInUk().truncatedTo(ChronoUnit.MINUTES);
		PlaceServices place = directory.servicesIn(request.placeCode());
		RequestBodies.SuggestionKey key = new RequestBodies.SuggestionKey(request.id(), request.version(),
				place.dataVersion(), minute, LocaleContextHolder.getLocale());
		return bodies.suggestion(key, () -> requests.navigation(request), navigation -> {
			List<Disposition> shown = new ArrayList<>();
			navigation.dispositions().forEach(d -> shown.add(d.code()));
			if (request.decidedDisposition() != null && !shown.contains(request.decidedDisposition())) {
				shown.add(request.decidedDisposition());
			}
			Map<Disposition, List<TriageServices.ServiceChoice>> matching = new LinkedHashMap<>();
			for (Disposition disposition : shown) {
				matching.put(disposition, services.matching(disposition, request.problem(), place, minute));
			}
			return matching;
		});
	}

	/** Which actions the user may take: INT members none; the holder or a supervisor release and reassign. */
	private Actions actions(TriageRequest request, StaffUser user) {
		boolean works = TriageRoles.works(user);
		boolean supervisor = TriageRoles.supervises(user);
		boolean mine = user.username().equals(request.claimedBy());
		boolean canReassign = works && request.status() != Status.COMPLETED && (mine || supervisor);
		Map<String, String> colleagues = new LinkedHashMap<>();
		if (canReassign) {
			claims.colleagues(request).forEach(u -> colleagues.put(u.username(), u.displayName() + " (" + u.username() + ")"));
		}
		return new Actions(works, mine, works && request.status() == Status.OPEN && mine,
				supervisor && request.status() != Status.COMPLETED && request.supervisionReason() != null,
				works && request.claimedBy() != null && (mine || supervisor), canReassign, colleagues);
	}

}
