package uk.nhs.bob.primarycare.triage;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What the person asks for help with and the answers to the red-flag and pathway questions. */
record RequestDetails(PresentingProblem problem, @Nullable String onset, @Nullable String description,
		Set<RedFlag> redFlags, @Nullable Boolean pregnant, @Nullable Boolean immunosuppressed,
		@Nullable Boolean urinaryCatheter, @Nullable Integer symptomDays, @Nullable Integer episodesLast6Months,
		@Nullable Integer episodesLast12Months, @Nullable Integer feverPainScore, @Nullable Integer rashOnsetDays,
		@Nullable String contactPhone, boolean forSomeoneElse) {

	RequestDetails {
		redFlags = Set.copyOf(redFlags);
	}

}
