package uk.nhs.bob.primarycare.population;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * How a FHIR import treats people it does not know. With a {@code practice}, every newly created person whose bundle
 * names no practice the directory knows (by ODS code) is registered there, with or without an NHS number (a Patient
 * without one is given a 999-range test NHS number); without one, such people are skipped with the reason.
 */
record FhirImportOptions(@Nullable OdsCode practice) {
}
