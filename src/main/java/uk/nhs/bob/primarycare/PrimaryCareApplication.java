package uk.nhs.bob.primarycare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The BOB Primary Care Platform: one modular monolith with a module for each priority of the ICB's primary care
 * strategy. Each direct sub-package is a Spring Modulith application module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PrimaryCareApplication {

	public static void main(String[] args) {
		SpringApplication.run(PrimaryCareApplication.class, args);
	}

}
