package uk.nhs.bob.primarycare;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries hold on every build, and the module documentation is written to target/spring-modulith-docs. */
class ModularityTests {

	/** The modules of the strategy's priorities, which others may only hear or read through what they declare. */
	private static final Set<String> FEATURE_MODULES = Set.of("triage", "cvd", "neighbourhood");

	private final ApplicationModules modules = ApplicationModules.of(PrimaryCareApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void theFeatureModulesAreReachedOnlyThroughTheNamedInterfacesTheyDeclare() {
		var undeclared = dependenciesOnFeatureModules(modules.stream())
			.filter(dependency -> !dependency.getTargetModule()
				.getNamedInterfaces()
				.containsInExplicitInterface(dependency.getTargetType()))
			.map(ModularityTests::describe)
			.distinct()
			.toList();

		assertThat(undeclared).isEmpty();
	}

	@Test
	void theDeliveryProgrammeHearsTheFeatureModulesThroughTheirEventsOnly() {
		var programme = modules.getModuleByName("programme").orElseThrow();

		var notEvents = dependenciesOnFeatureModules(Stream.of(programme))
			.filter(dependency -> dependency.getTargetModule()
				.getNamedInterfaces()
				.getNamedInterfacesContaining(dependency.getTargetType())
				.map(NamedInterface::getName)
				.noneMatch("events"::equals))
			.map(ModularityTests::describe)
			.distinct()
			.toList();

		assertThat(notEvents).isEmpty();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

	private Stream<ApplicationModuleDependency> dependenciesOnFeatureModules(Stream<ApplicationModule> sources) {
		return sources.flatMap(module -> module.getDirectDependencies(modules).stream())
			.filter(dependency -> FEATURE_MODULES.contains(dependency.getTargetModule().getIdentifier().toString()));
	}

	private static String describe(ApplicationModuleDependency dependency) {
		return dependency.getSourceType().getName() + " -> " + dependency.getTargetType().getName();
	}

}
