package uk.nhs.bob.primarycare.population;

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

/**
 * The population with the modules it depends on and the platform (security, the layout, MockMvc, the token endpoint),
 * without the feature modules and without the demo run, on PostgreSQL. The population's own generated people are
 * loaded by its generator before each test if the database has none ({@link PopulationReferenceData}); what a test
 * imports or changes it makes itself. Every population test class that needs the platform uses this one
 * configuration, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@AutoConfigureMockMvc
@TestPropertySource(properties = "primarycare.demo.enabled=false")
@ExtendWith(PopulationReferenceData.class)
@Import(ApiTokens.class)
@interface PopulationModuleTest {

}
