package uk.nhs.bob.primarycare.cvd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.population.PopulationReferenceData;

/**
 * CVD prevention with only the modules it reads (directory, population, identity, audit, terminology, and triage for
 * the interface it implements) and the platform (security, the layout, MockMvc, the token endpoint), served on a
 * random port so that tests can also sign in through the real server, without the modules that hear its events
 * (messaging, programme, neighbourhood) and without demo data, on PostgreSQL. Each test makes or imports its own
 * people. Every CVD module test class uses this one configuration, so they share one cached
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform",
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = "primarycare.demo.enabled=false")
@ExtendWith(PopulationReferenceData.class)
@Import(ApiTokens.class)
@interface CvdModuleTest {

}
