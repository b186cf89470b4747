package uk.nhs.bob.primarycare.directory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.bob.primarycare.FoundationModulesTest;

/**
 * The directory's pages, forms and read API on the foundation modules' context ({@link FoundationModulesTest}), over
 * the directory's reference data (the ICS's organisations and services). Every directory test class that needs the
 * platform uses it, and shares the context with the audit, identity and population module tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FoundationModulesTest
@ExtendWith(DirectoryReferenceData.class)
@interface DirectoryModuleTest {

}
