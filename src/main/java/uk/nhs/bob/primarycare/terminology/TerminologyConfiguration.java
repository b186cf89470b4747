package uk.nhs.bob.primarycare.terminology;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the shipped code sets available for injection (the same instance as {@link CodeSets#standard()}). */
@Configuration(proxyBeanMethods = false)
class TerminologyConfiguration {

	@Bean
	CodeSets codeSets() {
		return CodeSets.standard();
	}

}
