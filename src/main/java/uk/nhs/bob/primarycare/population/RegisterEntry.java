package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;

/** A person is on a register because of this code, term and date (the latest diagnosis code). */
public record RegisterEntry(Register register, String code, String term, LocalDate date) {
}
