package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.jspecify.annotations.Nullable;

/** What one FHIR resource maps to: a person, rows of a person's coded record, a skip with a reason, or nothing. */
sealed interface FhirMapping {

	/** Where a row came from: unique per table, so a re-import finds the row it wrote before. */
	record SourceId(String system, String id) {

		/**
		 * From the entry's full URL ({@code urn:uuid:...} or {@code base/Type/id}) or, without one, the resource's
		 * type and id.
		 */
		static SourceId of(@Nullable String fullUrl, String resourceType, @Nullable String id) {
			if (fullUrl != null && (fullUrl.startsWith("urn:uuid:") || fullUrl.startsWith("urn:oid:"))) {
				int colon = fullUrl.indexOf(':', 4);
				return new SourceId(fullUrl.substring(0, colon), fullUrl.substring(colon + 1));
			}
			String local = resourceType + "/" + (id == null ? "" : id);
			if (fullUrl != null && fullUrl.endsWith("/" + local)) {
				return new SourceId(fullUrl.substring(0, fullUrl.length() - local.length() - 1), local);
			}
			return new SourceId(fullUrl == null ? "bundle" : fullUrl, local);
		}

		SourceId part(String part) {
			return new SourceId(system, id + "#" + part);
		}

	}

	/** A row for one of the coded record tables. */
	record Row<T>(SourceId source, T value) {
	}

	/**
	 * A Patient, with the keys its resources can reference it by and the ODS code of the GP practice it names
	 * (generalPractitioner identifier), if any.
	 */
	record Person(List<String> keys, SourceId source, @Nullable String nhsNumber, String givenName,
			String familyName, LocalDate dateOfBirth, Sex sex, Ethnicity ethnicity, @Nullable LocalDate dateOfDeath,
			@Nullable String practiceOds, @Nullable Registration registration) implements FhirMapping {
	}

	/**
	 * The registration period the Patient gives on its GP practice reference (the identifier's period, as the PDS
	 * FHIR API gives it): the first and last day, either of which may be absent.
	 */
	record Registration(@Nullable LocalDate from, @Nullable LocalDate until) {
	}

	/**
	 * Rows for the person the resource's subject refers to, with warnings about what was kept but cannot be used
	 * (reported per resource, like skips).
	 */
	record Rows(String subject, List<Row<?>> rows, List<String> warnings) implements FhirMapping {

		Rows(String subject, List<Row<?>> rows) {
			this(subject, rows, List.of());
		}

	}

	record Skip(String reason) implements FhirMapping {
	}

	/** A Medication resource: the medicine that prescriptions elsewhere in the bundle may name by reference. */
	record Medicine(List<String> keys, CodeableConcept code) implements FhirMapping {
	}

	/**
	 * A prescription or statement that names its medicine by reference: completed with the referenced Medication's
	 * code once that is known (it may come later in the bundle).
	 */
	record NeedsMedicine(String medicineKey, String resourceType, String id,
			Function<CodeableConcept, FhirMapping> complete) implements FhirMapping {
	}

	/** A resource of a type the import reads whose content the platform does not use (an unmapped lab test). */
	record NotRelevant() implements FhirMapping {
	}

}
