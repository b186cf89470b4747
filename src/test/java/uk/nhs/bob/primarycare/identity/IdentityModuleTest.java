package uk.nhs.bob.primarycare.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.bob.primarycare.FoundationModulesTest;
import uk.nhs.bob.primarycare.directory.DirectoryReferenceData;

/**
 * Identity's administration pages and the token endpoint on the foundation modules' context
 * ({@link FoundationModulesTest}), over the directory's organisations (the scopes users are given). Each test makes its
 * own administrator and users. Every identity test class that needs no running server uses it, and shares the context
 * with the directory, audit and population module tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FoundationModulesTest
@ExtendWith(DirectoryReferenceData.class)
@interface IdentityModuleTest {

}
