package uk.nhs.bob.primarycare.identity;

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
import uk.nhs.bob.primarycare.directory.DirectoryReferenceData;

/**
 * Identity with the modules it depends on and the platform (security, the layout, MockMvc, the token endpoint), without
 * the feature modules and without demo data, on PostgreSQL: its administration pages and the token endpoint, over the
 * directory's organisations (the scopes users are given). Each test makes its own administrator and users. Every
 * identity test class that needs no running server uses this one configuration, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES,
		extraIncludes = { "platform", "population", "terminology" })
@AutoConfigureMockMvc
@TestPropertySource(properties = "primarycare.demo.enabled=false")
@ExtendWith(DirectoryReferenceData.class)
@Import(ApiTokens.class)
@interface IdentityModuleTest {

}
