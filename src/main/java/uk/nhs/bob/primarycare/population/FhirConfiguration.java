package uk.nhs.bob.primarycare.population;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one HAPI FHIR R4 context: building it scans the whole model, so it is made once and shared (thread-safe). */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

	@Bean
	FhirContext fhirContext() {
		FhirContext context = FhirContext.forR4();
		// Unknown elements (extensions of other profiles) are no reason to reject a resource, nor worth a log line each
		context.setParserErrorHandler(new LenientErrorHandler(false));
		return context;
	}

}
