package uk.nhs.bob.primarycare.triage;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;
import uk.nhs.bob.primarycare.triage.TriageRequest.Status;

/**
 * Same-day requests from intake to completion: records them at the right hub with the engine's suggestion, links a
 * repeat request within 7 days, lets coordinators claim, release and reassign them, records decisions, supervision
 * and referrals, and publishes the module's events in the transaction that makes each change.
 */
@Component
class TriageRequests {

	/** A new request from the same person within this time makes the earlier one not right first time. */
	static final Duration REPEAT_WINDOW = Duration.ofDays(7);

	private static final char[] REFERENCE_LETTERS = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

	private final TriageRequestRepository requests;

	private final NavigationEngine engine;

	private final Population population;

	private final Directory directory;

	private final ServiceDirectory services;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final SecureRandom random = new SecureRandom();

	TriageRequests(TriageRequestRepository requests, NavigationEngine engine, Population population,
			Directory directory, ServiceDirectory services, AuditLog auditLog, ApplicationEventPublisher events,
			JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
		this.requests = requests;
		this.engine = engine;
		this.population = population;
		this.directory = directory;
		this.services = services;
		this.auditLog = auditLog;
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
	}

	record Recorded(UUID id, String reference, boolean created, Navigation navigation, String siteCode) {
	}

	/** Thrown when nothing given places the request at a hub (no registered person, practice or site). */
	static class NoHubException extends RuntimeException {

		NoHubException() {
			super("No hub: give a registered person, a practice or a site");
		}

	}

	Recorded record(NewRequest request) {
		return record(request, Instant.now());
	}

	/**
	 * Records a request, or returns the first one when its submission key was seen before. The key's unique
	 * constraint decides between concurrent retries: the losers' inserts fail and they read the winner's request.
	 */
	Recorded record(NewRequest request, Instant receivedAt) {
		String key = request.submissionKey();
		if (key != null) {
			Optional<Recorded> existing = existing(key);
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		try {
			return transaction.execute(status -> insert(request, receivedAt));
		}
		catch (DataIntegrityViolationException ex) {
			if (key != null) {
				Optional<Recorded> existing = existing(key);
				if (existing.isPresent()) {
					return existing.get();
				}
			}
			throw ex;
		}
	}

	private Optional<Recorded> existing(String key) {
		return transaction.execute(status -> requests.findBySubmissionKey(key)
			.map(r -> new Recorded(r.id(), r.reference(), false, navigation(r), r.siteCode())));
	}

	private Recorded insert(NewRequest request, Instant receivedAt) {
		LocalDate today = LocalDate.ofInstant(receivedAt, ServiceDirectory.UK_TIME);
		Optional<PersonSummary> known = registered(request.person());
		RequestedPerson person = known.map(p -> new RequestedPerson(p.nhsNumber().value(), p.givenName(),
				p.familyName(), p.dateOfBirth(), p.sex() == uk.nhs.bob.primarycare.population.Sex.FEMALE ? Sex.FEMALE
						: Sex.MALE, p.postcode().value()))
			.orElse(new RequestedPerson(null, request.person().givenName(), request.person().familyName(),
					request.person().dateOfBirth(), request.person().sex(), request.person().postcode()));
		Hub hub = hub(known, request).orElseThrow(NoHubException::new);
		int age = Math.max(0, PersonSummary.ageOn(person.dateOfBirth(), today));
		RequestDetails details = request.details();
		Navigation navigation = engine.navigate(new NavigationInput(age, person.sex(), details.problem(),
				details.redFlags(), details.pregnant(), details.immunosuppressed(), details.urinaryCatheter(),
				details.symptomDays(), details.episodesLast6Months(), details.episodesLast12Months(),
				details.feverPainScore(), details.rashOnsetDays()));
		String supervision = supervisionAtIntake(navigation, age, hub.siteCode(), details.problem());
		UUID id = UUID.randomUUID();
		TriageRequest saved = new TriageRequest(id, newReference(), request.channel(), request.submissionKey(),
				request.submittedBy(), person, hub, details, age, receivedAt, IsoWeek.of(today).monday(), navigation,
				json.writeValueAsString(navigation), supervision);
		if (person.nhsNumber() != null) {
			requests
				.findFirstByNhsNumberAndReceivedAtAfterOrderByReceivedAtDesc(person.nhsNumber(),
						receivedAt.minus(REPEAT_WINDOW))
				.filter(earlier -> earlier.receivedAt().isBefore(receivedAt))
				.ifPresent(earlier -> {
					saved.linkToEarlier(earlier.id());
					earlier.markNotRightFirstTime();
					events.publishEvent(new TriageRequestNotRightFirstTime(earlier.id(), id, earlier.siteCode(),
							earlier.weekStarting()));
				});
		}
		requests.saveAndFlush(saved);
		if (person.nhsNumber() != null) {
			events.publishEvent(new TriageRequestReceived(id, new NhsNumber(person.nhsNumber()), hub.siteCode(),
					details.problem().name(), navigation.redFlag(), receivedAt));
		}
		return new Recorded(id, saved.reference(), true, navigation, hub.siteCode());
	}

	/** The person in the population when the NHS number and date of birth both match. */
	private Optional<PersonSummary> registered(RequestedPerson person) {
		if (person.nhsNumber() == null) {
			return Optional.empty();
		}
		return NhsNumber.parse(person.nhsNumber())
			.flatMap(population::find)
			.filter(p -> p.dateOfBirth().equals(person.dateOfBirth()) && !p.deceased());
	}

	private Optional<Hub> hub(Optional<PersonSummary> known, NewRequest request) {
		Optional<PracticeSummary> practice = known.flatMap(p -> directory.practice(p.registeredPractice()));
		if (practice.isEmpty() && request.practiceCode() != null) {
			practice = OdsCode.parse(request.practiceCode()).flatMap(directory::practice);
		}
		if (practice.isPresent()) {
			PracticeSummary p = practice.get();
			return Optional.of(new Hub(p.siteCode(), p.siteName(), p.placeCode(), p.odsCode().value()));
		}
		if (request.siteCode() != null) {
			return directory.site(request.siteCode()).map(s -> new Hub(s.code(), s.name(), s.placeCode(), null));
		}
		return Optional.empty();
	}

	private @Nullable String supervisionAtIntake(Navigation navigation, int age, String siteCode,
			PresentingProblem problem) {
		List<String> reasons = new java.util.ArrayList<>();
		if (navigation.redFlag()) {
			reasons.add("Red flag");
		}
		if (age < 1) {
			reasons.add("Child under 1");
		}
		if (supervisedProblems(siteCode).contains(problem)) {
			reasons.add("Hub checks all " + problem.label().toLowerCase(java.util.Locale.UK) + " requests");
		}
		return reasons.isEmpty() ? null : String.join("; ", reasons);
	}

	private String newReference() {
		StringBuilder reference = new StringBuilder("TR-");
		for (int i = 0; i < 8; i++) {
			reference.append(REFERENCE_LETTERS[random.nextInt(REFERENCE_LETTERS.length)]);
		}
		return reference.toString();
	}

	Navigation navigation(TriageRequest request) {
		return json.readValue(request.navigationJson(), Navigation.class);
	}

	/** Problems the hub sends to a clinical supervisor whatever the suggestion. */
	@Transactional(readOnly = true)
	Set<PresentingProblem> supervisedProblems(String siteCode) {
		return Set.copyOf(jdbc.sql("SELECT problem FROM triage.supervised_problem WHERE site_code = ?")
			.param(siteCode)
			.query((rs, i) -> PresentingProblem.valueOf(rs.getString(1)))
			.list());
	}

	/** Sets the problems a hub sends to a supervisor; recorded among the administrator actions. */
	@Transactional
	void setSupervisedProblems(String siteCode, Set<PresentingProblem> problems, String username) {
		Set<PresentingProblem> before = supervisedProblems(siteCode);
		auditLog.recordAdminAction(username, uk.nhs.bob.primarycare.audit.AdminAction.HUB_SETTINGS_CHANGED,
				"Hub " + siteCode, "Problems sent to a clinical supervisor: from " + labels(before) + " to "
						+ labels(problems));
		setSupervisedProblems(siteCode, problems);
	}

	private static String labels(Set<PresentingProblem> problems) {
		return problems.isEmpty() ? "none"
				: String.join(", ", problems.stream().sorted().map(PresentingProblem::label).toList());
	}

	@Transactional
	void setSupervisedProblems(String siteCode, Set<PresentingProblem> problems) {
		jdbc.sql("DELETE FROM triage.supervised_problem WHERE site_code = ?").param(siteCode).update();
		for (PresentingProblem problem : problems) {
			jdbc.sql("INSERT INTO triage.supervised_problem (site_code, problem) VALUES (?, ?)")
				.params(siteCode, problem.name())
				.update();
		}
	}

	/** Whether the user's organisation scope covers the request's hub. */
	static boolean canSee(StaffUser user, TriageRequest request) {
		return user.scope().coversSite(request.siteCode(), request.placeCode());
	}

	/**
	 * Reads a request for a member of staff whose scope covers its hub, and audits the view of the person in the
	 * same transaction. Empty when there is no such request; {@link org.springframework.security.access.AccessDeniedException}
	 * when it is outside the user's scope.
	 */
	@Transactional
	Optional<TriageRequest> view(UUID id, StaffUser user, String page, String purpose) {
		Optional<TriageRequest> found = requests.findById(id);
		found.ifPresent(request -> {
			NhsNumber person = request.nhsNumber() == null ? null : new NhsNumber(request.nhsNumber());
			if (!canSee(user, request)) {
				throw new uk.nhs.bob.primarycare.audit.RefusedAccess("Request outside your scope", person,
						request.reference(), false);
			}
			if (person != null) {
				auditLog.recordView(user.username(), person, page, purpose);
			}
			else {
				// no NHS number (yet): the person is named by the request's reference
				auditLog.recordRequestView(user.username(), request.reference(), page, purpose);
			}
		});
		return found;
	}

	@Transactional(readOnly = true)
	Optional<TriageRequest> find(UUID id) {
		return requests.findById(id);
	}

	@Transactional(readOnly = true)
	Optional<TriageRequest> findByReference(String reference) {
		return requests.findByReference(reference);
	}

	record ClaimResult(boolean claimed, @Nullable String holder) {
	}

	/** Claims the request for the user; when someone else got there first, says who. */
	@Transactional
	ClaimResult claim(UUID id, String username) {
		if (requests.claim(id, username, Instant.now()) == 1) {
			return new ClaimResult(true, username);
		}
		String holder = requests.findById(id).map(TriageRequest::claimedBy).orElse(null);
		return new ClaimResult(username.equals(holder), holder);
	}

	@Transactional
	boolean release(UUID id) {
		return requests.release(id) == 1;
	}

	@Transactional
	boolean reassign(UUID id, String username) {
		return requests.reassign(id, username, Instant.now()) == 1;
	}

	/** Someone else changed the request since the form was shown. */
	static class StaleRequestException extends RuntimeException {

		StaleRequestException() {
			super("The request changed since you opened it");
		}

	}

	/** The request is not in a state where this can happen (already completed, or not claimed by the user). */
	static class WrongStateException extends RuntimeException {

		WrongStateException(String message) {
			super(message);
		}

	}

	/**
	 * A coordinator's triage decision on a request they have claimed. An override of the suggestion needs a reason
	 * and goes to a supervisor, as do requests already needing supervision; otherwise the request completes.
	 */
	@Transactional
	TriageRequest decide(UUID id, long version, StaffUser user, Disposition disposition,
			@Nullable String overrideReason, Referral referral) {
		TriageRequest request = load(id, version, user);
		if (request.status() != Status.OPEN) {
			throw new WrongStateException("This request has already been decided");
		}
		if (!user.username().equals(request.claimedBy())) {
			throw new WrongStateException("Claim the request before deciding it");
		}
		Instant now = Instant.now();
		boolean override = disposition != request.suggestedDisposition();
		request.decide(disposition, user.username(), now, override ? overrideReason : null,
				override ? "Override of the suggestion" : null, referral);
		if (request.status() == Status.COMPLETED) {
			publishCompleted(request);
		}
		requests.flush();
		return request;
	}

	/** A clinical supervisor approves or changes the disposition with a note; the request completes. */
	@Transactional
	TriageRequest supervise(UUID id, long version, StaffUser user, Disposition disposition, String note,
			Referral referral) {
		TriageRequest request = load(id, version, user);
		if (request.status() == Status.COMPLETED) {
			throw new WrongStateException("This request is already completed");
		}
		request.supervise(disposition, user.username(), Instant.now(), note, referral);
		publishCompleted(request);
		requests.flush();
		return request;
	}

	private TriageRequest load(UUID id, long version, StaffUser user) {
		TriageRequest request = requests.findById(id).orElseThrow(() -> new WrongStateException("No such request"));
		if (!canSee(user, request)) {
			throw new org.springframework.security.access.AccessDeniedException("Request outside your scope");
		}
		if (request.version() != version) {
			throw new StaleRequestException();
		}
		return request;
	}

	private void publishCompleted(TriageRequest request) {
		Disposition disposition = request.decidedDisposition();
		Instant decided = request.decidedAt();
		events.publishEvent(new TriageRequestCompleted(request.id(), request.siteCode(), request.placeCode(),
				request.weekStarting(), disposition.name(), disposition.awayFromGeneralPractice(), request.redFlag(),
				request.overridden(), Duration.between(request.receivedAt(), decided).toSeconds(),
				request.completedAt()));
	}

	/**
	 * Decides and completes a request at a given time, with supervision when it needs it, publishing the same events
	 * as the pages: for the demo data's history of earlier weeks.
	 */
	@Transactional
	void completeAt(UUID id, Disposition disposition, String coordinator, Instant decidedAt,
			@Nullable String overrideReason, String supervisor) {
		TriageRequest request = requests.findById(id).orElseThrow();
		LocalDate day = LocalDate.ofInstant(decidedAt, ServiceDirectory.UK_TIME);
		Referral referral = defaultReferral(disposition, null, day, null);
		boolean override = disposition != request.suggestedDisposition();
		request.decide(disposition, coordinator, decidedAt, override ? overrideReason : null,
				override ? "Override of the suggestion" : null, referral);
		if (request.status() == Status.AWAITING_SUPERVISION) {
			request.supervise(disposition, supervisor, decidedAt.plusSeconds(600), "Agreed", referral);
		}
		publishCompleted(request);
	}

	/**
	 * The default referral for a disposition: its safety-net advice and follow-up date from the rule pack, and the
	 * service's name when it is a directory service in the given Place (otherwise no service).
	 */
	Referral defaultReferral(Disposition disposition, @Nullable Long serviceId, LocalDate today,
			@Nullable String placeCode) {
		NavigationRulePack.Outcome outcome = engine.outcome(disposition);
		String serviceName = serviceId == null ? null
				: services.service(serviceId)
					.filter(s -> placeCode == null || s.placeCode().equals(placeCode))
					.map(s -> s.name())
					.orElse(null);
		return new Referral(serviceName == null ? null : serviceId, serviceName, outcome.safetyNet(),
				today.plusDays(outcome.followUpDays()));
	}

	NavigationRulePack.Outcome outcome(Disposition disposition) {
		return engine.outcome(disposition);
	}

}
