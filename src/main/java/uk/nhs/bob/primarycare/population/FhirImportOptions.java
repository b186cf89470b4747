package uk.nhs.bob.primarycare.population;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * How a FHIR import treats people it does not know. With {@code allocateTestNhsNumbers} and a {@code practice}, a
 * Patient without an NHS number (as from test generators) gets a 999-range test NHS number and is registered at that
 * practice; a Patient with an NHS number who is not registered yet is registered at {@code practice}.
 */
public record FhirImportOptions(boolean allocateTestNhsNumbers, @Nullable OdsCode practice) {
}
