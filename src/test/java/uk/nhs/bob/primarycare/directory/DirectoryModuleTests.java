package uk.nhs.bob.primarycare.directory;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;

import uk.nhs.bob.primarycare.shared.OdsCode;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory on its own, on PostgreSQL: it creates and reads its organisations and services without any other module. */
@ApplicationModuleTest(extraIncludes = "audit")
class DirectoryModuleTests {

	private final Directory directory;

	private final ServiceDirectory services;

	private final DirectoryDemoData demoData;

	private final ApplicationContext context;

	DirectoryModuleTests(Directory directory, ServiceDirectory services, DirectoryDemoData demoData,
			ApplicationContext context) {
		this.directory = directory;
		this.services = services;
		this.demoData = demoData;
		this.context = context;
	}

	@Test
	void worksWithoutTheOtherModules() {
		assertThat(context.getBeanNamesForType(uk.nhs.bob.primarycare.identity.StaffUsers.class)).isEmpty();
		if (!demoData.present()) {
			demoData.create();
		}
		assertThat(directory.places()).extracting(PlaceSummary::name)
			.containsExactly("Berkshire West", "Buckinghamshire", "Oxfordshire");
		assertThat(directory.practice(new OdsCode("K84904"))).hasValueSatisfying(practice -> {
			assertThat(practice.pcnName()).isEqualTo("Oxford Leys and Rose Hill PCN");
			assertThat(practice.placeName()).isEqualTo("Oxfordshire");
		});
		assertThat(services.offering(ServiceOffer.PHARMACY_FIRST, "10Q")).isNotEmpty();
	}

}
