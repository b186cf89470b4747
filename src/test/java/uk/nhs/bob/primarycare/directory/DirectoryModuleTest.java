package uk.nhs.bob.primarycare.directory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The directory with the platform (security, the layout, MockMvc), on PostgreSQL, without the feature modules and
 * without demo data: its pages, forms and read API, over the directory's reference data. Every directory test class
 * uses this one configuration, so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "platform", "identity", "population", "terminology" })
@AutoConfigureMockMvc
@TestPropertySource(properties = "primarycare.demo.enabled=false")
@ExtendWith(DirectoryReferenceData.class)
@interface DirectoryModuleTest {

}
