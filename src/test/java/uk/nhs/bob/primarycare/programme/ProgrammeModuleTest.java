package uk.nhs.bob.primarycare.programme;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import uk.nhs.bob.primarycare.ApiTokens;

/**
 * The delivery programme with the modules whose beans it uses (directory, identity, audit), the platform (security,
 * the layout, error handling, the token endpoint) and the population the platform needs (its FHIR context), with a {@code MockMvcTester} and API tokens, and no demo
 * data: the modules that publish the events it is fed are not started, and each test makes its own sites, cohorts and
 * staff. Every programme module test uses this one configuration, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "platform", "population" })
@AutoConfigureMockMvc
@Import(ApiTokens.class)
@TestPropertySource(properties = "primarycare.demo.enabled=false")
public @interface ProgrammeModuleTest {

}
