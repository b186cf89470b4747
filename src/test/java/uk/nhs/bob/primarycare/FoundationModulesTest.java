package uk.nhs.bob.primarycare;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The foundation modules (shared, directory, identity, audit, population, terminology) with the platform that serves
 * them (security, the layout, MockMvc, the token endpoint), served on a random port (sign-in through the real server:
 * its sessions, client addresses and redirects), without the feature modules and without demo data, on PostgreSQL. The directory's, audit's, identity's and population's module tests all start this one set of modules, so
 * they share one cached context: their own annotations ({@code DirectoryModuleTest} and the others) add only the
 * reference data each needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(module = "platform",
		extraIncludes = { "shared", "directory", "identity", "audit", "population", "terminology" },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = "primarycare.demo.enabled=false")
@Import(ApiTokens.class)
public @interface FoundationModulesTest {

}
