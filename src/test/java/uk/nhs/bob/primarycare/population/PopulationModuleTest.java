package uk.nhs.bob.primarycare.population;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import uk.nhs.bob.primarycare.FoundationModulesTest;

/**
 * The population's pages, APIs and import on the foundation modules' context ({@link FoundationModulesTest}). The
 * population's own generated people are loaded by its generator before each test if the database has none
 * ({@link PopulationReferenceData}); what a test imports or changes it makes itself. Every population test class that
 * needs the platform uses it, and shares the context with the directory, audit and identity module tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FoundationModulesTest
@ExtendWith(PopulationReferenceData.class)
@interface PopulationModuleTest {

}
