package uk.nhs.bob.primarycare.population;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Patient;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The person a FHIR search's {@code patient} parameter names, for every module's resource provider: the Patient's
 * logical id ({@code patient=<NHS number>}, {@code patient=Patient/<NHS number>}) or its NHS number identifier
 * ({@code patient.identifier=https://fhir.nhs.uk/Id/nhs-number|<NHS number>}). Anything else is a 400.
 */
public final class PatientSearchParameter {

	private PatientSearchParameter() {
	}

	public static NhsNumber nhsNumber(ReferenceParam patient) {
		String value;
		if (Patient.SP_IDENTIFIER.equals(patient.getChain())) {
			String raw = patient.getValue();
			int bar = raw.indexOf('|');
			if (bar >= 0 && !FhirResourceMapper.NHS_NUMBER_SYSTEM.equals(raw.substring(0, bar))) {
				throw new InvalidRequestException("patient.identifier must be an NHS number ("
						+ FhirResourceMapper.NHS_NUMBER_SYSTEM + "|<number>)");
			}
			value = bar >= 0 ? raw.substring(bar + 1) : raw;
		}
		else {
			value = patient.getIdPart();
		}
		return NhsNumber.parse(value)
			.orElseThrow(() -> new InvalidRequestException("'" + value + "' is not a valid NHS number"));
	}

}
