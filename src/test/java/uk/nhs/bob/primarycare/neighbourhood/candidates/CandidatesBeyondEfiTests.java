package uk.nhs.bob.primarycare.neighbourhood.candidates;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyRegister;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.Register;
import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.CodeSets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Cohort definitions beyond the eFI, tried with a person the code did not make: a FHIR bundle (a dementia code from
 * the national code set, two emergency encounters in the last 12 months, one five years ago) imported through the
 * FHIR import API at the practice of a team the test makes, then the frailty register recomputed, then a cohort
 * definition made on the team page by a member of that team.
 */
@NeighbourhoodModuleTest
class CandidatesBeyondEfiTests {

	private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	FhirContext fhir;

	@Autowired
	Directory directory;

	@Autowired
	Population population;

	@Autowired
	FrailtyRegister register;

	@Autowired
	TeamRepository teams;

	@Autowired
	Candidates candidates;

	@Autowired
	TeamMemberRepository members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;


	@Test
	void aFhirImportedPersonWithAandEAttendancesOnTheDementiaRegisterIsACandidateWithTheReasonsShown() {
		Team team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		// a member of the test's own team, who signs in to its pages
		RequestPostProcessor member = user(NeighbourhoodTestData.member(jdbc, members, team, "Nell Nurse"))
			.roles("INT_MEMBER");
		PracticeSummary practice = directory.practice(NeighbourhoodTestData.practiceOf(team)).orElseThrow();
		String dementia = CodeSets.standard().entries(Cluster.DEM_COD).get(0).code();
		LocalDate today = LocalDate.now();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient patient = new Patient();
		patient.addName().setFamily("Attender").addGiven("Imogen");
		patient.setGender(AdministrativeGender.FEMALE);
		patient.setBirthDate(date(today.minusYears(58)));
		patient.addAddress().setPostalCode(practice.postcode().value());
		bundle.addEntry().setFullUrl("urn:uuid:5f0c4a8e-7d2b-4c1a-9e3f-2b6d8a1c0e01").setResource(patient);
		Condition condition = new Condition();
		condition.setSubject(new Reference("urn:uuid:5f0c4a8e-7d2b-4c1a-9e3f-2b6d8a1c0e01"));
		condition.setCode(new CodeableConcept().addCoding(new Coding(CodeSets.SNOMED_CT, dementia, "Dementia")));
		condition.setOnset(new DateTimeType(date(today.minusYears(2))));
		condition.setClinicalStatus(new CodeableConcept().addCoding(
				new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
		bundle.addEntry().setFullUrl("urn:uuid:5f0c4a8e-7d2b-4c1a-9e3f-2b6d8a1c0e02").setResource(condition);
		int n = 3;
		for (LocalDate day : List.of(today.minusMonths(2), today.minusMonths(5), today.minusYears(5))) {
			Encounter encounter = new Encounter();
			encounter.setStatus(Encounter.EncounterStatus.FINISHED);
			encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "EMER", "emergency"));
			encounter.setSubject(new Reference("urn:uuid:5f0c4a8e-7d2b-4c1a-9e3f-2b6d8a1c0e01"));
			encounter.setPeriod(new Period().setStart(date(day)));
			bundle.addEntry().setFullUrl("urn:uuid:5f0c4a8e-7d2b-4c1a-9e3f-2b6d8a1c0e0" + n++).setResource(encounter);
		}
		assertThat(mvc.post()
			.uri("/api/v1/fhir?allocateTestNhsNumbers=true&practice=" + practice.odsCode().value())
			.contentType(FHIR_JSON)
			.content(fhir.newJsonParser().encodeResourceToString(bundle))
			.with(tokens.bearer("fhir.import"))).hasStatusOk();
		// the one person of that name and date of birth registered at the test's own practice
		List<PersonSummary> imported = population.search("Attender", today.minusYears(58), 5)
			.stream()
			.filter(p -> p.registeredPractice().equals(practice.odsCode()))
			.toList();
		assertThat(imported).hasSize(1);
		PersonSummary imogen = imported.get(0);
		assertThat(population.registers(imogen.nhsNumber(), today).orElseThrow().on(Register.DEM)).isTrue();

		register.refresh("test");
		Candidates.Profile profile = candidates.profile(team, imogen.nhsNumber()).orElseThrow();
		assertThat(profile.aeAttendances()).as("the two in the last 12 months, not the one five years ago").isEqualTo(2);
		assertThat(profile.unplannedAdmissions()).as("an A&E attendance is not an admission").isZero();
		assertThat(profile.registers()).contains(Register.DEM);

		// bad input on the cohort form: a clear message on each field, nothing saved
		String cohorts = "/neighbourhood/teams/" + team.getSiteCode() + "/cohorts";
		assertThat(mvc.post().uri(cohorts).param("name", "Frequent attenders").param("minimumAeAttendances", "lots")
			.param("register", "NOT-A-REGISTER").param("version", "0").with(member).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Number of A&amp;E attendances must be a whole number from 1 to 10", "Choose a register from the list");
		assertThat(mvc.post().uri(cohorts).param("name", "Dementia and frequent A&E").param("minimumAeAttendances", "2")
			.param("register", "DEM").param("version", "0").with(member).with(csrf())).hasStatus3xxRedirection();

		Candidates.Candidate found = candidates.candidates(team)
			.stream()
			.filter(c -> c.nhsNumber().equals(imogen.nhsNumber()))
			.findFirst()
			.orElseThrow();
		assertThat(found.definitions()).contains("Dementia and frequent A&E");
		assertThat(mvc.get().uri("/neighbourhood/teams/" + team.getSiteCode() + "/candidates/"
				+ imogen.nhsNumber().value()).with(member)).hasStatusOk()
			.bodyText()
			.contains("Dementia and frequent A&amp;E", "2 A&amp;E attendances in the last 12 months", "Registers: Dementia");
		assertThat(mvc.get().uri("/neighbourhood/teams/" + team.getSiteCode()).with(member)).hasStatusOk()
			.bodyText()
			.contains("2 or more A&amp;E attendances in the last 12 months", "On the Dementia register (DEM)");
	}

	private static Date date(LocalDate day) {
		return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
	}

}
