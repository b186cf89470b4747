package uk.nhs.bob.primarycare.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import uk.nhs.bob.primarycare.ApiTokens;

/**
 * The audit module with the platform (security, the layout, MockMvc, the token endpoint) and the modules the platform
 * needs, without the feature modules and without demo data, on PostgreSQL: the audit trail's page and API over entries
 * each test writes. Every audit test class that needs the platform uses this one configuration, so they share one
 * cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(extraIncludes = { "platform", "directory", "identity", "population", "terminology" })
@AutoConfigureMockMvc
@TestPropertySource(properties = "primarycare.demo.enabled=false")
@Import(ApiTokens.class)
@interface AuditModuleTest {

}
