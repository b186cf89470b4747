package uk.nhs.bob.primarycare.population;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For module tests: the reference data a test's own people are registered against (the directory's practices and the
 * population's areas), loaded before each test if the database has none yet ({@link PopulationFixtures#referenceData}).
 */
public class PopulationReferenceData implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext extension) {
		PopulationFixtures.referenceData(SpringExtension.getApplicationContext(extension));
	}

}
