package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;

/** One line of search results: only what is needed to pick the right person. */
record PersonSearchResult(String nhsNumber, String nhsNumberFormatted, String name, LocalDate dateOfBirth,
		String practiceName) {
}
