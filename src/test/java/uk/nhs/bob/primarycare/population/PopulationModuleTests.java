package uk.nhs.bob.primarycare.population;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import uk.nhs.bob.primarycare.directory.DirectoryDemoData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The population module with only the modules it depends on (directory, identity, audit), on PostgreSQL: the
 * generator fills it from the directory's practices and the read API serves it, with no platform or demo run.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class PopulationModuleTests {

	private final Population population;

	private final PopulationDemoData populationDemoData;

	private final DirectoryDemoData directoryDemoData;

	private final ApplicationContext context;

	PopulationModuleTests(Population population, PopulationDemoData populationDemoData,
			DirectoryDemoData directoryDemoData, ApplicationContext context) {
		this.population = population;
		this.populationDemoData = populationDemoData;
		this.directoryDemoData = directoryDemoData;
		this.context = context;
	}

	@Test
	void readsThePopulationWithoutThePlatform() {
		assertThat(context.containsBean("demoDataRun")).isFalse();
		if (!directoryDemoData.present()) {
			directoryDemoData.create();
		}
		if (!populationDemoData.present()) {
			populationDemoData.create();
		}
		List<PersonSummary> first = population.page(null, 5);
		assertThat(first).hasSize(5);
		assertThat(first).allSatisfy(person -> assertThat(person.nhsNumber().isTestNumber()).isTrue());
		PersonSummary someone = first.get(0);
		assertThat(population.find(someone.nhsNumber())).contains(someone);
		assertThat(population.record(someone.nhsNumber())).isPresent();
		assertThat(population.page(first.get(4).nhsNumber(), 5)).doesNotContainAnyElementsOf(first);
	}

}
