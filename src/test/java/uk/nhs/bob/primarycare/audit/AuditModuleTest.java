package uk.nhs.bob.primarycare.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import uk.nhs.bob.primarycare.FoundationModulesTest;

/**
 * The audit trail's page and API on the foundation modules' context ({@link FoundationModulesTest}), over entries each
 * test writes. Every audit test class that needs the platform uses it, and shares the context with the directory,
 * identity and population module tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FoundationModulesTest
@interface AuditModuleTest {

}
