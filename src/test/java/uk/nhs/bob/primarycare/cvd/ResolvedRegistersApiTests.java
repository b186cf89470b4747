package uk.nhs.bob.primarycare.cvd;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The COPD, asthma and depression registers as QOF builds them, tried from outside: a diagnosis and a later resolved
 * code imported through {@code POST /api/v1/fhir} (codes read from the published files) leave the person off the
 * register in the CVD person API's answer; a diagnosis recorded after the resolved code puts them back on.
 */
@CvdModuleTest
class ResolvedRegistersApiTests {

	private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Population population;

	@Autowired
	ApiTokens tokens;

	final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0}: {1} then {2}")
	@CsvSource({ "COPD, nhsd-primary-care-domain-refsets-copd_cod.csv, nhsd-primary-care-domain-refsets-copdres_cod.csv, 0",
			"AST, nhsd-primary-care-domain-refsets-ast_cod.csv, nhsd-primary-care-domain-refsets-astres_cod.csv, 1",
			"DEP, nhsd-primary-care-domain-refsets-depr_cod.csv, nhsd-primary-care-domain-refsets-depres_cod.csv, 2" })
	void aLaterResolvedCodeTakesThePersonOffAndALaterDiagnosisPutsThemBack(String register, String diagnosisFile,
			String resolvedFile, int which) throws Exception {
		// someone not on the register yet, so nothing of their generated record decides the answer
		PersonSummary someone = null;
		for (PersonSummary candidate : population.page(null, 300)) {
			if (candidate.age() >= 30 && candidate.age() < 70 && !candidate.deceased()
					&& Math.floorMod(candidate.nhsNumber().value().hashCode(), 3) == which
					&& !registers(candidate.nhsNumber().value()).contains(register)) {
				someone = candidate;
				break;
			}
		}
		assertThat(someone).isNotNull();
		String nhs = someone.nhsNumber().value();
		CodeSetFiles.Row diagnosis = CodeSetFiles.first(diagnosisFile);
		CodeSetFiles.Row resolved = CodeSetFiles.rows(resolvedFile).get(0);
		LocalDate today = LocalDate.now();

		post(someone, List.of(condition(diagnosis, today.minusYears(2)), condition(resolved, today.minusYears(1))));
		assertThat(registers(nhs)).doesNotContain(register);

		post(someone, List.of(condition(diagnosis, today.minusMonths(1))));
		assertThat(registers(nhs)).contains(register);
	}

	private record Coded(CodeSetFiles.Row row, LocalDate onset) {
	}

	private static Coded condition(CodeSetFiles.Row row, LocalDate onset) {
		return new Coded(row, onset);
	}

	private void post(PersonSummary someone, List<Coded> conditions) {
		String run = java.util.UUID.randomUUID().toString();
		StringBuilder entries = new StringBuilder();
		int n = 0;
		for (Coded coded : conditions) {
			entries.append("""
					,{"fullUrl": "urn:uuid:%1$s-c%2$d", "resource": {"resourceType": "Condition", "id": "%1$s-c%2$d",
					  "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
					  "code": {"coding": [{"system": "http://snomed.info/sct", "code": "%3$s", "display": "%4$s"}]},
					  "subject": {"reference": "urn:uuid:%1$s-p"}, "onsetDateTime": "%5$s"}}""".formatted(run, n++,
					coded.row().code(), coded.row().term().replace("\"", "\\\""), coded.onset()));
		}
		String bundle = """
				{"resourceType": "Bundle", "type": "collection", "entry": [
				 {"fullUrl": "urn:uuid:%1$s-p", "resource": {"resourceType": "Patient", "id": "%1$s-p",
				   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%2$s"}],
				   "name": [{"family": "%3$s", "given": ["%4$s"]}], "gender": "%5$s", "birthDate": "%6$s"}}
				 %7$s
				]}""".formatted(run, someone.nhsNumber().value(), someone.familyName(), someone.givenName(),
				someone.sex() == Sex.FEMALE ? "female" : "male", someone.dateOfBirth(), entries);
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON).content(bundle)
			.with(tokens.otherClientBearer("fhir.import"))).hasStatusOk();
	}

	private List<String> registers(String nhsNumber) throws Exception {
		MvcTestResult result = mvc.get().uri("/api/v1/cvd/people/" + nhsNumber)
			.with(tokens.otherClientBearer("cvd.read"))
			.exchange();
		assertThat(result).hasStatusOk();
		JsonNode body = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		List<String> registers = new java.util.ArrayList<>();
		for (JsonNode register : body.get("registers")) {
			registers.add(register.asText());
		}
		return registers;
	}

}
