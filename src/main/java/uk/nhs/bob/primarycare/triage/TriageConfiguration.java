package uk.nhs.bob.primarycare.triage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

	/** The rule pack in force, loaded and checked once at start-up. */
	@Bean
	NavigationEngine navigationEngine() {
		return new NavigationEngine(NavigationRulePack.load());
	}

}
