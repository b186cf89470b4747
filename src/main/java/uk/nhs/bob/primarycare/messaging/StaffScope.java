package uk.nhs.bob.primarycare.messaging;

import java.util.List;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.identity.StaffUser;

/**
 * The messages a member of staff may see, as SQL: those of the hubs and practices inside their organisation scope.
 * A PCN's staff see the messages of people registered at its practices (so not those of unregistered people).
 */
record StaffScope(OrganisationScope scope, List<String> pcnPractices) {

	static StaffScope of(StaffUser user, Directory directory) {
		OrganisationScope scope = user.scope();
		List<String> practices = scope.level() != OrganisationScope.Level.PCN ? List.of()
				: directory.practices()
					.stream()
					.filter(p -> p.pcnCode().equals(scope.code()))
					.map(PracticeSummary::odsCode)
					.map(o -> o.value())
					.toList();
		return new StaffScope(scope, practices);
	}

	/** A condition on messaging.message, its parameters added to {@code params}. */
	String condition(List<Object> params) {
		return switch (scope.level()) {
			case ICB -> "true";
			case PLACE -> {
				params.add(scope.code());
				yield "place_code = ?";
			}
			case SITE -> {
				params.add(scope.code());
				yield "site_code = ?";
			}
			case PCN -> {
				if (pcnPractices.isEmpty()) {
					yield "false";
				}
				params.addAll(pcnPractices);
				yield "practice_code IN (" + String.join(", ", pcnPractices.stream().map(p -> "?").toList()) + ")";
			}
		};
	}

	boolean covers(MessageRecord message) {
		return switch (scope.level()) {
			case ICB -> true;
			case PLACE -> message.placeCode().equals(scope.code());
			case SITE -> message.siteCode().equals(scope.code());
			case PCN -> message.practiceCode() != null && pcnPractices.contains(message.practiceCode());
		};
	}

}
