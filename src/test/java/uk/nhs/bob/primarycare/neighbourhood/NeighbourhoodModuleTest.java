package uk.nhs.bob.primarycare.neighbourhood;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import uk.nhs.bob.primarycare.ApiTokens;

/**
 * The neighbourhood module with the modules it depends on and the platform (security, the layout, error handling,
 * the token endpoint), served on a random port (for sessions signed in through the real server), with a
 * {@code MockMvcTester} and API tokens, and no demo data: each test makes its own neighbourhood site with a practice,
 * its team, the people on its caseload and its staff. Every neighbourhood module test uses this one configuration, so
 * they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform",
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(ApiTokens.class)
@TestPropertySource(properties = "primarycare.demo.enabled=false")
public @interface NeighbourhoodModuleTest {

}
