package uk.nhs.bob.primarycare.triage;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.IdentityMatch;
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

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final SecureRandom random = new SecureRandom();

	private final HubSettings hubSettings;

	/** Bounded: the least used are dropped. */
	private final Cache<String, Navigation> parsedNavigations = Caffeine.newBuilder().maximumSize(1024).build();

	TriageRequests(TriageRequestRepository requests, NavigationEngine engine, Population population,
			Directory directory, ServiceDirectory services, AuditLog auditLog, ApplicationEventPublisher events,
			JsonMapper json, PlatformTransactionManager transactions, HubSettings hubSettings) {
		this.requests = requests;
		this.engine = engine;
		this.population = population;
		this.directory = directory;
		this.services = services;
		this.auditLog = auditLog;
		this.events = events;
		this.hubSettings = hubSettings;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
	}

	record Recorded(UUID id, String reference, boolean created, Navigation navigation, String siteCode,
			TriageRequest.Identity identity) {
	}

	/** Thrown when nothing given places the request at a hub (no registered person, practice or site). */
	static class NoHubException extends RuntimeException {

		NoHubException() {
			super("No hub: give a registered person, a practice or a site");
		}

	}

	/** An idempotency key seen before came with a different body: the caller must not get the first answer. */
	static class KeyReusedException extends RuntimeException {

		KeyReusedException() {
			super("The Idempotency-Key was used before with a different request body");
		}

	}

	Recorded record(NewRequest request) {
		return record(request, Instant.now());
	}

	/**
	 * Records a request, or returns the first one when its submission key was seen before (with the same body, when
	 * the body's hash is given). The key's unique constraint decides between concurrent retries: the losers' inserts
	 * fail and they read the winner's request.
	 */
	Recorded record(NewRequest request, Instant receivedAt) {
		String key = request.submissionKey();
		if (key != null) {
			Optional<Recorded> existing = existing(key, request.submissionHash());
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		try {
			return transaction.execute(status -> insert(request, receivedAt));
		}
		catch (DataIntegrityViolationException ex) {
			if (key != null) {
				Optional<Recorded> existing = existing(key, request.submissionHash());
				if (existing.isPresent()) {
					return existing.get();
				}
			}
			throw ex;
		}
	}

	private Optional<Recorded> existing(String key, @Nullable String hash) {
		return transaction.execute(status -> requests.findBySubmissionKey(key).map(r -> {
			if (hash != null && !hash.equals(r.submissionHash())) {
				throw new KeyReusedException();
			}
			return new Recorded(r.id(), r.reference(), false, navigation(r), r.siteCode(), r.identity());
		}));
	}

	private Recorded insert(NewRequest request, Instant receivedAt) {
		LocalDate today = LocalDate.ofInstant(receivedAt, ServiceDirectory.UK_TIME);
		RequestedPerson sent = request.person();
		Identified identified = identify(sent);
		RequestIdentity identity = identified.identity();
		RequestedPerson person = identified.person();
		PersonSummary known = identified.known();
		Hub hub = hub(Optional.ofNullable(known), request).orElseThrow(NoHubException::new);
		int age = Math.max(0, PersonSummary.ageOn(person.dateOfBirth(), today));
		RequestDetails details = request.details();
		UUID id = UUID.randomUUID();
		List<TriageRequest> earlier = person.nhsNumber() == null ? List.of()
				: requests.findByNhsNumberAndDateOfBirthAndReceivedAtBeforeOrderByReceivedAtDesc(person.nhsNumber(),
						person.dateOfBirth(), receivedAt);
		Navigation navigation = engine.navigate(input(details, age, person.sex(),
				daysSincePharmacyFirst(earlier, details.problem(), receivedAt)));
		String supervision = supervisionAtIntake(navigation, age, hub.siteCode(), details.problem());
		TriageRequest saved = new TriageRequest(id, newReference(), request.channel(), request.submissionKey(),
				request.submittedBy(), person, hub, details, age, receivedAt, IsoWeek.of(today).monday(), navigation,
				json.writeValueAsString(navigation), supervision, identity, request.submissionHash());
		earlier.stream()
			.filter(e -> e.receivedAt().isAfter(receivedAt.minus(REPEAT_WINDOW)))
			.findFirst()
			.ifPresent(e -> linkRepeat(e, saved));
		requests.saveAndFlush(saved);
		if (identity.identity() == TriageRequest.Identity.MATCHED) {
			publishReceived(saved);
		}
		events.publishEvent(new TriageRequestRecorded(id, request.channel().name(), hub.siteCode(),
				navigation.redFlag(), receivedAt));
		return new Recorded(id, saved.reference(), true, navigation, hub.siteCode(), identity.identity());
	}

	/** The person a request is for under the identity rule, and the record they were matched to, if any. */
	private record Identified(RequestIdentity identity, RequestedPerson person, @Nullable PersonSummary known) {
	}

	private Identified identify(RequestedPerson sent) {
		NhsNumber sentNumber = sent.nhsNumber();
		IdentityMatch match = sentNumber == null ? null
				: population.matchIdentity(sentNumber, sent.dateOfBirth(), sent.givenName(), sent.familyName());
		if (match != null && match.matched() && !match.person().orElseThrow().deceased()) {
			PersonSummary known = match.person().orElseThrow();
			return new Identified(RequestIdentity.matched(), fromRecord(known), known);
		}
		if (match != null && match.result() != IdentityMatch.Result.NOT_FOUND) {
			// never silently resolved: recorded as given, linked to nobody, both sides kept for a coordinator
			PersonSummary held = match.person().orElseThrow();
			RequestIdentity identity = new RequestIdentity(TriageRequest.Identity.NOT_VERIFIED, sentNumber,
					held.givenName(), held.familyName(), held.dateOfBirth(),
					held.deceased() ? "The record says this person has died" : "Different " + differences(match));
			return new Identified(identity, new RequestedPerson(null, sent.givenName(), sent.familyName(),
					sent.dateOfBirth(), sent.sex(), sent.postcode()), null);
		}
		return new Identified(RequestIdentity.notRegistered(), sent, null);
	}

	/**
	 * A new request from the same person within 7 days of an earlier one. When the earlier one was completed, it was
	 * not right first time; while it is still open, the new one is a chaser and the earlier one is marked chased.
	 */
	void linkRepeat(TriageRequest earlier, TriageRequest later) {
		later.linkToEarlier(earlier.id());
		if (earlier.status() == Status.COMPLETED) {
			earlier.markNotRightFirstTime();
			events.publishEvent(new TriageRequestNotRightFirstTime(earlier.id(), later.id(), earlier.siteCode(),
					earlier.weekStarting()));
		}
		else {
			earlier.markChasedBy(later.id());
		}
	}

	/** Days since the person was last sent to Pharmacy First for this problem, or null if never. */
	private static @Nullable Integer daysSincePharmacyFirst(List<TriageRequest> earlier, PresentingProblem problem,
			Instant now) {
		return earlier.stream()
			.filter(e -> e.problem() == problem && e.decidedDisposition() == Disposition.PHARMACY_FIRST
					&& e.completedAt() != null)
			.findFirst()
			.map(e -> (int) Duration.between(e.completedAt(), now).toDays())
			.orElse(null);
	}

	private static NavigationInput input(RequestDetails details, int age, Sex sex,
			@Nullable Integer daysSincePharmacyFirst) {
		return new NavigationInput(age, sex, details.problem(), details.redFlags(), details.pregnant(),
				details.immunosuppressed(), details.urinaryCatheter(), details.symptomDays(),
				details.episodesLast6Months(), details.episodesLast12Months(), details.feverPainScore(),
				details.rashOnsetDays(), daysSincePharmacyFirst);
	}

	void publishReceived(TriageRequest request) {
		events.publishEvent(new TriageRequestReceived(request.id(), java.util.Objects.requireNonNull(request.nhsNumber()),
				request.siteCode(), request.problem().name(), request.redFlag(), request.receivedAt(),
				request.reference(), request.problem().label()));
	}

	static RequestedPerson fromRecord(PersonSummary p) {
		return new RequestedPerson(p.nhsNumber(), p.givenName(), p.familyName(), p.dateOfBirth(),
				p.sex() == uk.nhs.bob.primarycare.population.Sex.FEMALE ? Sex.FEMALE : Sex.MALE,
				p.postcode().value());
	}

	static String differences(IdentityMatch match) {
		return match.differences()
			.stream()
			.sorted()
			.map(IdentityMatch.Difference::label)
			.collect(java.util.stream.Collectors.joining(" and "));
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
		if (hubSettings.supervisedProblems(siteCode).contains(problem)) {
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

	/** The request's stored navigation, parsed once for each stored text (it never changes once recorded). */
	Navigation navigation(TriageRequest request) {
		return parsedNavigations.get(request.navigationJson(), text -> json.readValue(text, Navigation.class));
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
			NhsNumber person = request.nhsNumber();
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
				NhsNumber sent = request.sentNhsNumber();
				if (request.identityNotVerified() && sent != null) {
					// the page shows what the record holds for the number sent
					auditLog.recordView(user.username(), sent, page, purpose);
				}
			}
		});
		return found;
	}

	/** The request for a member of staff whose scope covers its hub: 404 when there is none, 403 outside the scope. */
	@Transactional(readOnly = true)
	TriageRequest inScope(UUID id, StaffUser user) {
		TriageRequest request = requests.findById(id)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND, "No such request"));
		if (!canSee(user, request)) {
			throw new org.springframework.security.access.AccessDeniedException("Request outside your scope");
		}
		return request;
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
