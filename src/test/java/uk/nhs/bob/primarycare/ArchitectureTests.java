package uk.nhs.bob.primarycare;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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

	private static final String MODULE_BASE_PACKAGES = "uk.nhs.bob.primarycare.*";

	/** A module's base package is its API, so an entity or repository there is never public. */
	@ArchTest
	static final ArchRule entitiesAreNotPublic = classes().that()
		.areAnnotatedWith(Entity.class)
		.and()
		.resideInAPackage(MODULE_BASE_PACKAGES)
		.should()
		.notBePublic()
		.because("JPA entities never leave their module");

	@ArchTest
	static final ArchRule repositoriesAreNotPublic = classes().that()
		.areAssignableTo(Repository.class)
		.and()
		.resideInAPackage(MODULE_BASE_PACKAGES)
		.should()
		.notBePublic()
		.because("only a module's facade reads and writes its tables");

	/**
	 * A module split into sub-packages (neighbourhood's teams, caseload, care plans...) shares its entities and
	 * repositories between them, so they are public there; Modulith keeps sub-packages internal, and this rule says
	 * the same of every entity and repository wherever it lives: only its own module uses it.
	 */
	@ArchTest
	static final ArchRule entitiesAndRepositoriesAreUsedInTheirModuleOnly = classes().that()
		.areAnnotatedWith(Entity.class)
		.or()
		.areAssignableTo(Repository.class)
		.should(beUsedOnlyInsideTheirModule())
		.because("JPA entities and repositories never leave their module");

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

	private static ArchCondition<JavaClass> beUsedOnlyInsideTheirModule() {
		return new ArchCondition<>("be used only inside their own module") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				String module = module(type);
				type.getDirectDependenciesToSelf()
					.stream()
					.filter(dependency -> !module.equals(module(dependency.getOriginClass())))
					.forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
							dependency.getDescription())));
			}
		};
	}

	/** The module a type belongs to: the first package below the application's. */
	private static String module(JavaClass type) {
		String root = PrimaryCareApplication.class.getPackageName() + ".";
		String name = type.getPackageName();
		if (!name.startsWith(root)) {
			return name;
		}
		String below = name.substring(root.length());
		int dot = below.indexOf('.');
		return dot < 0 ? below : below.substring(0, dot);
	}

	@ArchTest
	static final ArchRule noServiceImplNames = noClasses().should()
		.haveSimpleNameEndingWith("ServiceImpl")
		.because("facades are named for the capability (STYLE.md)");

}
