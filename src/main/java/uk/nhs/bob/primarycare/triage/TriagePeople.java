package uk.nhs.bob.primarycare.triage;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.IdentityMatch;
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

	/**
	 * The identity rule for details a member of staff typed: the match, and whether the person held under the number
	 * is registered in the user's scope. Showing what the record holds (a mismatch in scope) is audited.
	 */
	@Transactional
	StaffIdentity identify(NhsNumber nhsNumber, RequestedPerson typed, StaffUser user, String page, String purpose) {
		IdentityMatch match = population.matchIdentity(nhsNumber, typed.dateOfBirth(), typed.givenName(),
				typed.familyName());
		Optional<PracticeSummary> practice = match.person().flatMap(p -> directory.practice(p.registeredPractice()));
		boolean inScope = practice.filter(user::canSee).isPresent();
		if (inScope && (match.result() == IdentityMatch.Result.MISMATCH || match.person().orElseThrow().deceased())) {
			auditLog.recordView(user.username(), nhsNumber, page, purpose);
		}
		return new StaffIdentity(match, inScope, practice.orElse(null));
	}

	record StaffIdentity(IdentityMatch match, boolean inScope, @Nullable PracticeSummary practice) {
	}

	/** The person's summary for recording a request, audited in the same transaction as the read. */
	@Transactional
	Optional<PersonInScope> view(NhsNumber nhsNumber, StaffUser user, String page, String purpose) {
		Optional<PersonSummary> person = population.find(nhsNumber).filter(p -> !p.deceased());
		if (person.isEmpty()) {
			return Optional.empty();
		}
		Optional<PracticeSummary> inScope = practiceInScope(person.get(), user);
		if (inScope.isEmpty()) {
			// outside the scope is the same as not there: forms explain, never a 403 in the middle of one
			return Optional.empty();
		}
		PracticeSummary practice = inScope.get();
		auditLog.recordView(user.username(), nhsNumber, page, purpose);
		return Optional.of(new PersonInScope(person.get(), practice));
	}

}
