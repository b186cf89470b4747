package uk.nhs.bob.primarycare.cvd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed Synthea bundles (Synthea 3.3.0, see {@code src/test/resources/fhir/README.md}) imported through
 * {@code POST /api/v1/fhir?practice=ODS}, each person's registers and QRISK3 status read back through
 * {@code GET /api/v1/cvd/people/{nhsNumber}} and checked against what their Conditions say. The expected answer is
 * worked out here from the bundle and the published code-set files alone (the QOF rule: latest diagnosis code not
 * followed by a resolved code; any code ever for registers without a resolved cluster), not from the production
 * classes.
 */
@CvdModuleTest
class SyntheaRegistersIntegrationTests {

	private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	// (the two bundles in fhir/ are FhirImportIntegrationTests' own: they import them as first-time imports)
	static final List<String> BUNDLES = List.of("/fhir/registers/synthea-daisy-morissette.json.gz",
			"/fhir/registers/synthea-elmer-orn.json.gz", "/fhir/registers/synthea-margie-gusikowski.json.gz",
			"/fhir/registers/synthea-milan-marvin.json.gz", "/fhir/registers/synthea-raquel-arevalo.json.gz",
			"/fhir/registers/synthea-tatyana-prohaska.json.gz");

	/** Register, its diagnosis files, its resolved files and the age from which QOF counts it. */
	record RegisterRule(String id, List<String> diagnosis, List<String> resolved, int minimumAge) {
	}

	static final String DOMAIN = "nhsd-primary-care-domain-refsets-";

	static final List<RegisterRule> RULES = List.of(
			new RegisterRule("HYP", List.of(DOMAIN + "hyp_cod.csv"), List.of(DOMAIN + "hypres_cod.csv"), 0),
			new RegisterRule("CHD", List.of(DOMAIN + "chd_cod.csv"), List.of(), 0),
			new RegisterRule("STIA", List.of(DOMAIN + "strk_cod.csv", DOMAIN + "tia_cod.csv"), List.of(), 0),
			new RegisterRule("PAD", List.of(DOMAIN + "pad_cod.csv"), List.of(), 0),
			new RegisterRule("AF", List.of(DOMAIN + "afib_cod.csv"), List.of(), 0),
			new RegisterRule("HF", List.of(DOMAIN + "hf_cod.csv"), List.of(), 0),
			new RegisterRule("DM", List.of(DOMAIN + "dm_cod.csv"), List.of(DOMAIN + "dmres_cod.csv"), 17),
			new RegisterRule("CKD35", List.of("primis-covid19-vacc-uptake-ckd35.csv"),
					List.of(DOMAIN + "ckd1and2_cod.csv", DOMAIN + "ckdres_cod.csv"), 18));

	static final Map<String, Set<String>> FILES = new LinkedHashMap<>();

	static Set<String> codes(String file) {
		return FILES.computeIfAbsent(file, f -> new HashSet<>(CodeSetFiles.codes(f)));
	}

	/** One SNOMED-coded Condition of a bundle: code and onset. */
	record Coded(String code, LocalDate onset) {
	}

	/** What the bundle's Conditions say: the registers and whether QRISK3 applies. */
	record Expected(Set<String> registers, boolean qriskNotAppropriate, boolean diabetesTypeNotCoded, int age) {
	}

	static Stream<String> bundles() {
		return BUNDLES.stream();
	}

	/** Every bundle between them puts someone on each of these registers. */
	static final Set<String> COVERED = new TreeSet<>();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	ApiTokens tokens;

	final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@MethodSource("bundles")
	void registersAndQrisk3StatusAreWhatTheConditionsSay(String resource) throws Exception {
		byte[] bytes = read(resource);
		JsonNode bundle = json.readTree(bytes);
		String patientUuid = null;
		LocalDate birthDate = null;
		List<Coded> conditions = new ArrayList<>();
		for (JsonNode entry : bundle.get("entry")) {
			JsonNode r = entry.get("resource");
			switch (r.get("resourceType").asText()) {
				case "Patient" -> {
					patientUuid = entry.get("fullUrl").asText().substring("urn:uuid:".length());
					birthDate = LocalDate.parse(r.get("birthDate").asText());
				}
				case "Condition" -> {
					LocalDate onset = LocalDate.parse(r.get("onsetDateTime").asText().substring(0, 10));
					for (JsonNode coding : r.get("code").get("coding")) {
						if ("http://snomed.info/sct".equals(coding.get("system").asText())) {
							conditions.add(new Coded(coding.get("code").asText(), onset));
						}
					}
				}
				default -> {
				}
			}
		}
		Expected expected = expected(conditions, birthDate, LocalDate.now(PersonEvaluation.UK));

		String practice = directory.practices().get(0).odsCode().value();
		MvcTestResult imported = mvc.post().uri("/api/v1/fhir?practice=" + practice).contentType(FHIR_JSON)
			.content(bytes).with(tokens.otherClientBearer("fhir.import")).exchange();
		assertThat(imported).hasStatusOk();
		String nhs = jdbc.sql("SELECT nhs_number FROM population.fhir_patient WHERE source_id = ?")
			.param(patientUuid)
			.query(String.class)
			.single();

		MvcTestResult answer = mvc.get().uri("/api/v1/cvd/people/" + nhs)
			.with(tokens.otherClientBearer("cvd.read")).exchange();
		assertThat(answer).hasStatusOk();
		JsonNode body = json.readTree(answer.getResponse().getContentAsString(StandardCharsets.UTF_8));
		Set<String> registers = new TreeSet<>();
		body.get("registers").forEach(r -> registers.add(r.asText()));
		Set<String> checked = new TreeSet<>(registers);
		checked.retainAll(RULES.stream().map(RegisterRule::id).toList().stream()
			.collect(java.util.stream.Collectors.toCollection(() -> new HashSet<>(List.of("DM1", "DM2")))));
		assertThat(checked).as("registers of %s", resource).isEqualTo(expected.registers());
		COVERED.addAll(checked);

		String status = body.get("qrisk3").get("status").asText();
		String reasons = body.get("qrisk3").get("reasons").toString();
		if (expected.qriskNotAppropriate()) {
			assertThat(status).as("QRISK3 of %s (%s)", resource, reasons).isEqualTo("NOT_APPLICABLE");
		}
		else if (expected.diabetesTypeNotCoded()) {
			assertThat(status).as("QRISK3 of %s", resource).isEqualTo("NOT_ASSESSABLE");
			assertThat(reasons).containsIgnoringCase("type");
		}
		else if (status.equals("NOT_APPLICABLE")) {
			// nothing in the Conditions excludes them: only a low eGFR (an observation) may
			assertThat(reasons).as("QRISK3 of %s", resource).contains("eGFR").doesNotContain("register");
		}
		else {
			assertThat(status).isIn("SCORED", "NOT_ASSESSABLE");
			if (status.equals("SCORED")) {
				assertThat(body.get("qrisk3").get("score").asDouble()).isBetween(0.0, 100.0);
			}
		}
		if (resource.equals(BUNDLES.get(BUNDLES.size() - 1))) {
			// the bundles between them exercise hypertension, CHD, AF, diabetes (typed and not) and CKD 3-5
			assertThat(COVERED).contains("HYP", "CHD", "AF", "DM", "DM2", "CKD35");
		}
	}

	static Expected expected(List<Coded> conditions, LocalDate birthDate, LocalDate today) {
		int age = Period.between(birthDate, today).getYears();
		Set<String> registers = new TreeSet<>();
		for (RegisterRule rule : RULES) {
			LocalDate diagnosed = latest(conditions, rule.diagnosis(), today);
			LocalDate resolved = latest(conditions, rule.resolved(), today);
			if (diagnosed != null && (resolved == null || resolved.isBefore(diagnosed)) && age >= rule.minimumAge()) {
				registers.add(rule.id());
			}
		}
		boolean typeNotCoded = false;
		if (registers.contains("DM")) {
			LocalDate type1 = latest(conditions, List.of(DOMAIN + "dmtype1_cod.csv"), today);
			LocalDate type2 = latest(conditions, List.of(DOMAIN + "dmtype2_cod.csv"), today);
			if (type1 != null && (type2 == null || type1.isAfter(type2))) {
				registers.add("DM1");
			}
			else if (type2 != null && (type1 == null || type2.isAfter(type1))) {
				registers.add("DM2");
			}
			typeNotCoded = type1 == null && type2 == null;
		}
		boolean familial = latest(conditions, List.of(DOMAIN + "fhypgen_cod.csv"), today) != null;
		boolean notAppropriate = age < 25 || age >= 85 || familial || registers.contains("CHD")
				|| registers.contains("STIA") || registers.contains("PAD") || registers.contains("DM1")
				|| registers.contains("CKD35");
		return new Expected(registers, notAppropriate, typeNotCoded, age);
	}

	static LocalDate latest(List<Coded> conditions, List<String> files, LocalDate today) {
		LocalDate latest = null;
		for (Coded coded : conditions) {
			if (coded.onset().isAfter(today)) {
				continue;
			}
			for (String file : files) {
				if (codes(file).contains(coded.code()) && (latest == null || coded.onset().isAfter(latest))) {
					latest = coded.onset();
				}
			}
		}
		return latest;
	}

	static byte[] read(String resource) throws IOException {
		try (InputStream raw = SyntheaRegistersIntegrationTests.class.getResourceAsStream(resource);
				InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
			return in.readAllBytes();
		}
	}

}
