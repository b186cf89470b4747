package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/** One line of search results: only what is needed to pick the right person. */
record PersonSearchResult(NhsNumber nhsNumber, String name, LocalDate dateOfBirth, String practiceName) {
}
