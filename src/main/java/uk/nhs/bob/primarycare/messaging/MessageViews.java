package uk.nhs.bob.primarycare.messaging;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.triage.TriageRequestSummaries;
import uk.nhs.bob.primarycare.triage.TriageRequestSummary;

/**
 * What the messaging pages show, for one member of staff: only messages of hubs and practices in their scope, and
 * every message about an identifiable person audited as a view of that person in the same transaction.
 */
@Component
class MessageViews {

	static final String PURPOSE = "Direct care: messages to the person";

	/** The lists on the messages page. */
	enum Show {

		ATTENTION("Not sent or failed", EnumSet.copyOf(union(MessageStatus.Group.NOT_SENT, MessageStatus.Group.FAILED))),
		OUTBOX("Outbox: not sent", MessageStatus.of(MessageStatus.Group.OUTBOX)),
		ALL("All messages", EnumSet.allOf(MessageStatus.class));

		private final String label;

		private final Set<MessageStatus> statuses;

		Show(String label, Set<MessageStatus> statuses) {
			this.label = label;
			this.statuses = statuses;
		}

		public String label() {
			return label;
		}

		private static Set<MessageStatus> union(MessageStatus.Group a, MessageStatus.Group b) {
			Set<MessageStatus> all = EnumSet.noneOf(MessageStatus.class);
			all.addAll(MessageStatus.of(a));
			all.addAll(MessageStatus.of(b));
			return all;
		}

		static Show parse(@Nullable String value) {
			for (Show show : values()) {
				if (show.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
					return show;
				}
			}
			return ATTENTION;
		}

	}

	/** A message in a list, with who it is about as staff recognise them. */
	record Row(MessageRecord message, String about) {
	}

	record MessageView(MessageRecord message, String about, List<Messages.Event> events) {
	}

	record PersonView(PersonSummary person, ContactDetails contact, List<Contacts.Change> changes,
			List<MessageRecord> messages) {
	}

	record RequestView(TriageRequestSummary request, List<MessageRecord> messages, @Nullable String mobile) {
	}

	private final Messages messages;

	private final Contacts contacts;

	private final Population population;

	private final Directory directory;

	private final TriageRequestSummaries requests;

	private final AuditLog auditLog;

	MessageViews(Messages messages, Contacts contacts, Population population, Directory directory,
			TriageRequestSummaries requests, AuditLog auditLog) {
		this.messages = messages;
		this.contacts = contacts;
		this.population = population;
		this.directory = directory;
		this.requests = requests;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	long count(Show show, StaffUser user) {
		return messages.count(show.statuses, StaffScope.of(user, directory));
	}

	/** One page of a list, newest first; each row about a person is audited. */
	@Transactional
	List<Row> list(Show show, StaffUser user, int offset, int limit, String page) {
		List<MessageRecord> found = messages.page(show.statuses, StaffScope.of(user, directory), offset, limit);
		Map<NhsNumber, PersonSummary> people = population
			.findAll(found.stream().map(MessageRecord::nhsNumber).filter(Objects::nonNull).toList())
			.stream()
			.collect(Collectors.toMap(PersonSummary::nhsNumber, Function.identity(), (a, b) -> a));
		Map<UUID, Optional<TriageRequestSummary>> requestsSeen = new HashMap<>();
		List<Row> rows = new ArrayList<>();
		Set<NhsNumber> shown = new java.util.LinkedHashSet<>();
		for (MessageRecord message : found) {
			rows.add(new Row(message, about(message, people, requestsSeen)));
			if (message.nhsNumber() != null) {
				shown.add(message.nhsNumber());
			}
		}
		auditLog.recordViews(user.username(), shown, page, PURPOSE);
		// a message about a request names its person by the request's reference as well
		requestsSeen.values().forEach(r -> r.ifPresent(request -> auditRequest(user, request, page, PURPOSE)));
		return rows;
	}

	/** Empty when there is no such message; {@link AccessDeniedException} when it is outside the user's scope. */
	@Transactional
	Optional<MessageView> message(UUID id, StaffUser user, String page) {
		return messages.find(id).map(message -> {
			checkScope(message, user);
			if (message.nhsNumber() != null) {
				auditLog.recordView(user.username(), message.nhsNumber(), page, PURPOSE);
			}
			Map<UUID, Optional<TriageRequestSummary>> requestsSeen = new HashMap<>();
			String about = about(message, Map.of(), requestsSeen);
			if (message.nhsNumber() == null && message.requestId() != null) {
				requestsSeen.computeIfAbsent(message.requestId(), requests::find)
					.ifPresent(request -> auditRequest(user, request, page, PURPOSE));
			}
			return new MessageView(message, about, messages.events(id));
		});
	}

	@Transactional
	byte @Nullable [] letter(UUID id, StaffUser user, String page) {
		MessageRecord message = messages.find(id).orElse(null);
		if (message == null || !message.hasLetter()) {
			return null;
		}
		checkScope(message, user);
		if (message.nhsNumber() != null) {
			auditLog.recordView(user.username(), message.nhsNumber(), page, PURPOSE);
		}
		return messages.letterPdf(id);
	}

	/** The person's contact details, their history and every message about them. */
	@Transactional
	Optional<PersonView> person(NhsNumber nhsNumber, StaffUser user, String page) {
		Optional<PersonSummary> person = population.find(nhsNumber);
		person.ifPresent(p -> {
			checkPerson(p, user);
			auditLog.recordView(user.username(), nhsNumber, page, PURPOSE);
		});
		return person.map(p -> new PersonView(p, contacts.find(nhsNumber), contacts.changes(nhsNumber),
				messages.ofPerson(nhsNumber)));
	}

	/** A same-day request's messages, for the hub's staff. */
	@Transactional
	Optional<RequestView> request(UUID requestId, StaffUser user, String page) {
		Optional<TriageRequestSummary> request = requests.find(requestId);
		request.ifPresent(r -> {
			if (!user.scope().coversSite(r.siteCode(), r.placeCode())) {
				throw new AccessDeniedException("Request outside your scope");
			}
			auditRequest(user, r, page, PURPOSE);
		});
		return request.map(r -> new RequestView(r, messages.ofRequest(requestId),
				r.contactPhone() == null ? null
						: MobileNumber.parse(r.contactPhone()).map(MobileNumber::formatted).orElse(null)));
	}

	/**
	 * The person of a request, audited as triage names them: by the NHS number on the request (a registered person's,
	 * or one given that matches nobody), otherwise by the request's reference.
	 */
	void auditRequest(StaffUser user, TriageRequestSummary request, String page, String purpose) {
		Optional<NhsNumber> person = request.nhsNumber() != null ? Optional.of(request.nhsNumber())
				: Optional.ofNullable(request.unregisteredNhsNumber()).flatMap(NhsNumber::parse);
		if (person.isPresent()) {
			auditLog.recordView(user.username(), person.get(), page, purpose);
		}
		else {
			auditLog.recordRequestView(user.username(), request.reference(), page, purpose);
		}
	}

	/** {@link AccessDeniedException} unless the person is registered at a practice in the user's scope. */
	void checkPerson(PersonSummary person, StaffUser user) {
		PracticeSummary practice = directory.practice(person.registeredPractice())
			.orElseThrow(() -> new AccessDeniedException("The person's practice is not in the directory"));
		if (!user.canSee(practice)) {
			throw new AccessDeniedException("Person outside your scope");
		}
	}

	private void checkScope(MessageRecord message, StaffUser user) {
		if (!StaffScope.of(user, directory).covers(message)) {
			throw new AccessDeniedException("Message outside your scope");
		}
	}

	private String about(MessageRecord message, Map<NhsNumber, PersonSummary> people,
			Map<UUID, Optional<TriageRequestSummary>> requestsSeen) {
		if (message.nhsNumber() != null) {
			PersonSummary person = people.get(message.nhsNumber());
			if (person == null) {
				person = population.find(message.nhsNumber()).orElse(null);
			}
			return person == null ? message.nhsNumber().formatted()
					: person.displayName() + " (" + person.nhsNumber().formatted() + ")";
		}
		if (message.requestId() != null) {
			return requestsSeen.computeIfAbsent(message.requestId(), requests::find)
				.map(r -> r.familyName().toUpperCase(java.util.Locale.UK) + ", " + r.givenName()
						+ " (not registered, request " + r.reference() + ")")
				.orElse("Request " + message.requestReference());
		}
		return "Unknown";
	}

	/** The practice of a message's person, for the page's links; empty when not registered. */
	Optional<PracticeSummary> practice(@Nullable String practiceCode) {
		return practiceCode == null ? Optional.empty() : OdsCode.parse(practiceCode).flatMap(directory::practice);
	}

}
