package uk.nhs.bob.primarycare;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR endpoint as another system meets it: HAPI's own generic client against the running app, and HAPI's
 * instance validator (base R4 structure definitions, value sets and common code systems) for every resource returned.
 */
public final class FhirTesting {

	/** One context for the tests: building one scans the whole model. */
	public static final FhirContext FHIR = FhirContext.forR4Cached();

	private static final FhirValidator VALIDATOR = validator();

	private FhirTesting() {
	}

	private static FhirValidator validator() {
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
				new SnapshotGeneratingValidationSupport(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
				new CommonCodeSystemsTerminologyService(FHIR));
		FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
		// base R4 only (UK Core's package is not available to the build): a resource claiming a profile the validator
		// cannot resolve is an error, so no profile is claimed that these tests cannot check
		instanceValidator.setErrorForUnknownProfiles(true);
		instanceValidator.setNoTerminologyChecks(false);
		return FHIR.newValidator().registerValidatorModule(instanceValidator);
	}

	/** A client of {@code /fhir} on this port, sending this access token (none when null). */
	public static IGenericClient client(int port, String token) {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
		if (token != null) {
			client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		}
		return client;
	}

	/**
	 * The errors HAPI's instance validator finds in the resource against base R4 (none expected). One is left out:
	 * for a StructureDefinition published as a differential only, HAPI 8.8.0's validator tries to generate its
	 * snapshot and cannot resolve the core package here ("Unable to resolve package id hl7.fhir.r4.core#null"); that
	 * says nothing about the resource, whose elements are still validated.
	 */
	public static List<String> errors(IBaseResource resource) {
		return VALIDATOR.validateWithResult(resource)
			.getMessages()
			.stream()
			.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
			.filter(m -> !(resource.fhirType().equals("StructureDefinition")
					&& "ERROR_GENERATING_SNAPSHOT".equals(m.getMessageId())))
			.map(SingleValidationMessage::toString)
			.toList();
	}

	public static void assertValid(IBaseResource resource) {
		assertThat(errors(resource)).as("validation errors of %s", FHIR.newJsonParser().encodeResourceToString(resource))
			.isEmpty();
	}

}
