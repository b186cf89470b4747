package uk.nhs.bob.primarycare.population;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * Person search results as a member of staff sees them: only people registered at practices in their scope, at
 * most {@code limit}, and each person shown audited in the same transaction as the search.
 */
@Component
class PeopleSearch {

	static final String PURPOSE = "Direct care: finding a person";

	private final Directory directory;

	private final AuditLog auditLog;

	PeopleSearch(Directory directory, AuditLog auditLog) {
		this.directory = directory;
		this.auditLog = auditLog;
	}

	/** Runs the search inside the transaction, keeps the people in scope and audits those it returns. */
	@Transactional
	List<PersonSearchResult> shown(Supplier<List<PersonSummary>> search, StaffUser user, int limit, String page) {
		List<PersonSummary> found = search.get();
		Map<OdsCode, PracticeSummary> practices = directory.practices()
			.stream()
			.collect(Collectors.toMap(PracticeSummary::odsCode, Function.identity()));
		List<PersonSearchResult> results = found.stream().filter(person -> {
			PracticeSummary practice = practices.get(person.registeredPractice());
			return practice != null && user.canSee(practice);
		})
			.limit(limit + 1L)
			.map(person -> new PersonSearchResult(person.nhsNumber(), person.displayName(), person.dateOfBirth(), practices.get(person.registeredPractice()).name()))
			.toList();
		auditLog.recordViews(user.username(), results.stream()
			.limit(limit)
			.map(PersonSearchResult::nhsNumber)
			.toList(), page, PURPOSE);
		return results;
	}

}
