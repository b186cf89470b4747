package uk.nhs.bob.primarycare.directory;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For module tests: the directory's organisations and services (the ICS's places, sites, PCNs and practices) loaded
 * before each test if the database has none yet. They are reference data that every person, request and team is
 * registered against, not a test's own records, which each test still makes for itself.
 */
public class DirectoryReferenceData implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext extension) {
		DirectoryDemoData directory = SpringExtension.getApplicationContext(extension).getBean(DirectoryDemoData.class);
		if (!directory.present()) {
			directory.create();
		}
	}

}
