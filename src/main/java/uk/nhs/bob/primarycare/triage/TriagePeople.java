package uk.nhs.bob.primarycare.triage;

import java.util.Optional;

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

	/** The person's summary for recording a request, audited in the same transaction as the read. */
	@Transactional
	Optional<PersonInScope> view(NhsNumber nhsNumber, StaffUser user, String page, String purpose) {
		Optional<PersonSummary> person = population.find(nhsNumber).filter(p -> !p.deceased());
		if (person.isEmpty()) {
			return Optional.empty();
		}
		PracticeSummary practice = practiceInScope(person.get(), user)
			.orElseThrow(() -> new AccessDeniedException("This person is registered outside your scope"));
		auditLog.recordView(user.username(), nhsNumber, page, purpose);
		return Optional.of(new PersonInScope(person.get(), practice));
	}

}
