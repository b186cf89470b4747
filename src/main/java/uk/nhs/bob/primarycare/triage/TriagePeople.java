package uk.nhs.bob.primarycare.triage;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/** People as triage sees them: only those registered at practices in the user's scope, every view audited. */
@Component
class TriagePeople {

	record PersonInScope(PersonSummary person, PracticeSummary practice) {
	}

	private final Population population;

	private final Directory directory;

	private final AuditLog auditLog;

	TriagePeople(Population population, Directory directory, AuditLog auditLog) {
		this.population = population;
		this.directory = directory;
		this.auditLog = auditLog;
	}

	Optional<PracticeSummary> practiceInScope(PersonSummary person, StaffUser user) {
		return directory.practice(person.registeredPractice()).filter(user::canSee);
	}

	/**
	 * The people a find-a-person search returns that are in the user's scope (at most {@code limit}), the search
	 * run inside the transaction and each person shown audited in it.
	 */
	@Transactional
	java.util.List<PersonInScope> shown(java.util.function.Supplier<java.util.List<PersonSummary>> search,
			StaffUser user, int limit, String page, String purpose) {
		java.util.List<PersonInScope> shown = search.get()
			.stream()
			.map(p -> practiceInScope(p, user).map(practice -> new PersonInScope(p, practice)))
			.flatMap(Optional::stream)
			.limit(limit)
			.toList();
		auditLog.recordViews(user.username(), shown.stream().map(p -> p.person().nhsNumber()).toList(), page,
				purpose);
		return shown;
	}

	/** The person's summary for recording a request, audited in the same transaction as the read. */
	@Transactional
	Optional<PersonInScope> view(NhsNumber nhsNumber, StaffUser user, String page, String purpose) {
		Optional<PersonSummary> person = population.find(nhsNumber).filter(p -> !p.deceased());
		if (person.isEmpty()) {
			return Optional.empty();
		}
		PracticeSummary practice = practiceInScope(person.get(), user)
			.orElseThrow(() -> new RefusedAccess("This person is registered outside your scope", nhsNumber));
		auditLog.recordView(user.username(), nhsNumber, page, purpose);
		return Optional.of(new PersonInScope(person.get(), practice));
	}

}
