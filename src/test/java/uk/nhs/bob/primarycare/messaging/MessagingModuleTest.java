package uk.nhs.bob.primarycare.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.population.PopulationReferenceData;

/**
 * Messages to patients with the modules whose events and read APIs it uses (triage, CVD, neighbourhood, and theirs)
 * and the platform (security, the layout, MockMvc), without the programme and without demo data, on PostgreSQL and the
 * local Notify (WireMock). Each test makes its own people, requests and contact details. Every messaging module test
 * class uses this one configuration, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@AutoConfigureMockMvc
@TestPropertySource(properties = "primarycare.demo.enabled=false")
@ExtendWith(PopulationReferenceData.class)
@Import(ApiTokens.class)
@interface MessagingModuleTest {

}
