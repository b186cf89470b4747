package uk.nhs.bob.primarycare;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/** What the compiler and Modulith do not catch: internals stay package-private, injection goes through constructors. */
@AnalyzeClasses(packagesOf = PrimaryCareApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * A module's base package, whose public types are its API. A module split into sub-packages (programme) shares its
	 * entities and repositories between them publicly; Modulith keeps sub-packages internal to their module.
	 */
	private static final String MODULE_API = "uk.nhs.bob.primarycare.*";

	@ArchTest
	static final ArchRule entitiesAreNotPublic = classes().that()
		.areAnnotatedWith(Entity.class)
		.and()
		.resideInAPackage(MODULE_API)
		.should()
		.notBePublic()
		.because("JPA entities never leave their module");

	@ArchTest
	static final ArchRule repositoriesAreNotPublic = classes().that()
		.areAssignableTo(Repository.class)
		.and()
		.resideInAPackage(MODULE_API)
		.should()
		.notBePublic()
		.because("only a module's facade reads and writes its tables");

	@ArchTest
	static final ArchRule controllersAreNotPublic = classes().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.notBePublic();

	@ArchTest
	static final ArchRule noFieldInjection = noFields().should()
		.beAnnotatedWith(Autowired.class)
		.because("constructor injection keeps dependencies visible and final");

	@ArchTest
	static final ArchRule noServiceImplNames = noClasses().should()
		.haveSimpleNameEndingWith("ServiceImpl")
		.because("facades are named for the capability (STYLE.md)");

}
