package uk.nhs.bob.primarycare;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold on every build, and the module documentation is written to target/spring-modulith-docs. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PrimaryCareApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

}
