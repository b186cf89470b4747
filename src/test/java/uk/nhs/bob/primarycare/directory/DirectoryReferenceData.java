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

	/**
	 * The ODS codes of the practices the reference data holds: a test sees which of the directory's practices are
	 * these, whatever practices other tests have added beside them.
	 */
	public static java.util.Set<String> practiceCodes() {
		return DirectoryDemoData.SITES.stream()
			.flatMap(site -> site.pcns().stream())
			.flatMap(pcn -> pcn.practices().stream())
			.map(DirectoryDemoData.Practice::ods)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	@Override
	public void beforeEach(ExtensionContext extension) {
		DirectoryDemoData directory = SpringExtension.getApplicationContext(extension).getBean(DirectoryDemoData.class);
		if (!directory.present()) {
			directory.create();
		}
	}

}
