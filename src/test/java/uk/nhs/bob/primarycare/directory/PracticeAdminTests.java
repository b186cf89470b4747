package uk.nhs.bob.primarycare.directory;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.shared.OdsCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static uk.nhs.bob.primarycare.directory.DirectoryPagesTests.admin;
import static uk.nhs.bob.primarycare.directory.DirectoryPagesTests.coordinator;

/** ICB administrators add practices (unique ODS code) and edit them, with optimistic locking. */
@DirectoryModuleTest
class PracticeAdminTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Directory directory;

	@Test
	void anAdministratorAddsAndEditsAPractice() {
		assertThat(mvc.get().uri("/admin/directory/practices/new").with(admin())).hasStatusOk()
			.bodyText()
			.contains("Add a practice", "Oxford North and Jericho PCN (Oxfordshire)");

		assertThat(mvc.post().uri("/admin/directory/practices").with(admin()).with(csrf())
			.param("odsCode", "k84990")
			.param("name", "Port Meadow Test Surgery")
			.param("postcode", "ox2 6nw")
			.param("pcnCode", "U92001")).hasStatus3xxRedirection().hasRedirectedUrl("/directory/practices?q=K84990");
		assertThat(directory.practice(new OdsCode("K84990"))).hasValueSatisfying(p -> {
			assertThat(p.name()).isEqualTo("Port Meadow Test Surgery");
			assertThat(p.placeCode()).isEqualTo("10Q");
		});
		assertThat(mvc.get().uri("/directory/practices?q=K84990").with(coordinator())).bodyText()
			.contains("Port Meadow Test Surgery");

		assertThat(mvc.get().uri("/admin/directory/practices/K84990/edit").with(admin())).hasStatusOk()
			.bodyText()
			.contains("value=\"Port Meadow Test Surgery\"");
		assertThat(mvc.post().uri("/admin/directory/practices/K84990").with(admin()).with(csrf())
			.param("name", "Port Meadow Surgery (test)")
			.param("postcode", "OX2 6NW")
			.param("pcnCode", "U92002")
			.param("version", "0")).hasStatus3xxRedirection();
		assertThat(directory.practice(new OdsCode("K84990"))).hasValueSatisfying(p -> {
			assertThat(p.name()).isEqualTo("Port Meadow Surgery (test)");
			assertThat(p.pcnCode()).isEqualTo("U92002");
		});

		// a second edit from the form opened before the first save is refused
		assertThat(mvc.post().uri("/admin/directory/practices/K84990").with(admin()).with(csrf())
			.param("name", "Late Change Surgery")
			.param("postcode", "OX2 6NW")
			.param("pcnCode", "U92001")
			.param("version", "0")).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else saved changes to this practice", "value=\"Late Change Surgery\"");
		assertThat(directory.practice(new OdsCode("K84990")).orElseThrow().name())
			.isEqualTo("Port Meadow Surgery (test)");
	}

	@Test
	void aDuplicateOdsCodeIsAFieldErrorNotAFailure() {
		assertThat(mvc.post().uri("/admin/directory/practices").with(admin()).with(csrf())
			.param("odsCode", "K82901")
			.param("name", "Duplicate Surgery")
			.param("postcode", "HP19 9HP")
			.param("pcnCode", "U91001")).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "The ODS code K82901 already belongs to Meadowcroft Surgery");
		assertThat(directory.practice(new OdsCode("K82901")).orElseThrow().name()).isEqualTo("Meadowcroft Surgery");
	}

	@Test
	void anInvalidPracticeFormShowsErrors() {
		assertThat(mvc.post().uri("/admin/directory/practices").with(admin()).with(csrf())
			.param("odsCode", "")
			.param("name", "")
			.param("postcode", "ZZ")
			.param("pcnCode", "NOPE")
			.param("name[0]", "tampered")).hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter the practice&#39;s ODS code", "Enter the name of the practice",
					"Enter a real postcode", "Select a PCN for the practice", "value=\"ZZ\"");
		assertThat(mvc.get().uri("/admin/directory/practices/nope!/edit").with(admin()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/admin/directory/practices").with(coordinator()).with(csrf())
			.param("odsCode", "K84991")).hasStatus(HttpStatus.FORBIDDEN);
	}

}
