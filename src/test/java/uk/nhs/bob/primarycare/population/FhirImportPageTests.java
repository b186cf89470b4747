package uk.nhs.bob.primarycare.population;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The administrators' upload page: a bundle is imported in the background and its job page shows the outcome. */
@PopulationModuleTest
class FhirImportPageTests {

	@Autowired
	MockMvcTester mvc;

	/** A Synthea-like bundle: one person without an NHS number and one blood pressure reading. */
	static byte[] bundle() {
		String patient = UUID.randomUUID().toString();
		String observation = UUID.randomUUID().toString();
		return """
				{"resourceType": "Bundle", "type": "collection", "entry": [
				  {"fullUrl": "urn:uuid:%1$s", "resource": {"resourceType": "Patient", "id": "%1$s",
				    "name": [{"family": "Uploadtest", "given": ["Page"]}], "gender": "female", "birthDate": "1961-04-02"}},
				  {"fullUrl": "urn:uuid:%2$s", "resource": {"resourceType": "Observation", "id": "%2$s", "status": "final",
				    "code": {"coding": [{"system": "http://loinc.org", "code": "8480-6", "display": "Systolic blood pressure"}]},
				    "subject": {"reference": "urn:uuid:%1$s"}, "effectiveDateTime": "2025-06-01T10:00:00Z",
				    "valueQuantity": {"value": 152, "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}}
				]}""".formatted(patient, observation).getBytes(StandardCharsets.UTF_8);
	}

	MvcTestResult upload(MockMultipartFile file, String practice) {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/admin/population/import")
			.file(file)
			.param("practice", practice)
			.with(user("admin").roles("ICB_ADMIN"))
			.with(csrf()));
	}

	/** Follows the redirect to the job page and waits (at most 30 s) for the job to end. */
	String finishedJobPage(MvcTestResult started) throws Exception {
		assertThat(started).hasStatus3xxRedirection();
		String location = started.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/admin/population/import/");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			MvcTestResult page = mvc.get().uri(location).with(user("admin").roles("ICB_ADMIN")).exchange();
			assertThat(page).hasStatusOk();
			String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
			if (!html.contains("http-equiv=\"refresh\"") || Instant.now().isAfter(deadline)) {
				return html;
			}
			Thread.sleep(200);
		}
	}

	@Test
	void anUploadedBundleIsImportedAndTheJobPageShowsTheCounts() throws Exception {
		MockMultipartFile file = new MockMultipartFile("bundle", "synthea-like.json", "application/fhir+json", bundle());
		String page = finishedJobPage(upload(file, "K84901"));
		assertThat(page).contains("synthea-like.json").contains("Done");
		assertThat(page).containsPattern("id=\"people-created\">1<");
		assertThat(page).containsPattern("id=\"records-created\">1<");
		assertThat(page).containsPattern("id=\"resources-read\">2<");
	}

	@Test
	void aFileThatIsNotFhirEndsInAFailedJobWithTheReason() throws Exception {
		MockMultipartFile file = new MockMultipartFile("bundle", "notes.json", "application/json",
				"{\"resourceType\": \"Patient\"".getBytes(StandardCharsets.UTF_8));
		String page = finishedJobPage(upload(file, ""));
		assertThat(page).contains("The import did not finish").contains("not a FHIR R4 bundle we can read");
	}

	@Test
	void missingFileAndUnknownPracticeAreExplained() {
		MockMultipartFile empty = new MockMultipartFile("bundle", "", "application/json", new byte[0]);
		assertThat(upload(empty, "")).hasStatusOk()
			.bodyText()
			.contains("There is a problem")
			.contains("Select a FHIR bundle file");
		assertThat(upload(empty, "NOPE1")).hasStatusOk().bodyText().contains("Select a practice from the list");
	}

	@Test
	void withoutAPracticeAPatientWithoutAnNhsNumberIsSkippedWithTheReason() throws Exception {
		MockMultipartFile file = new MockMultipartFile("bundle", "no-practice.json", "application/fhir+json", bundle());
		String page = finishedJobPage(upload(file, ""));
		assertThat(page).containsPattern("id=\"people-created\">0<")
			.contains("import with a practice (practice=ODS) to register them with a test NHS number");
	}

	@Test
	void onlyAdministratorsImportAndUnknownJobsAreNotFound() {
		assertThat(mvc.get().uri("/admin/population/import").with(user("coordinator").roles("CARE_COORDINATOR")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/population/import/" + UUID.randomUUID()).with(user("admin").roles("ICB_ADMIN")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/admin/population/import/not-a-job").with(user("admin").roles("ICB_ADMIN")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
