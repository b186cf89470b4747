package uk.nhs.bob.primarycare.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped code sets: every cluster loads from its published file with every code, and each file's source is
 * written down beside it.
 */
class CodeSetsTests {

	private final CodeSets codeSets = CodeSets.standard();

	@Test
	void everyClusterHoldsEveryCodeOfItsFile() {
		Map<String, List<CodeSetFiles.Row>> files = CodeSetFiles.all();
		assertThat(codeSets.files()).hasSize(Cluster.values().length);
		for (CodeSetFile file : codeSets.files()) {
			List<CodeSetFiles.Row> rows = files.get(file.file());
			assertThat(rows).as(file.file()).isNotEmpty();
			assertThat(file.codes()).as(file.file()).isEqualTo(rows.size());
			for (CodeSetFiles.Row row : rows) {
				assertThat(codeSets.clustersOf(row.code()).contains(file.cluster())).as("%s in %s", row.code(), file)
					.isTrue();
			}
		}
	}

	@Test
	void codesOfOtherSystemsAndUnknownCodesBelongToNoCluster() {
		String hypertension = CodeSetFiles.rows("nhsd-primary-care-domain-refsets-hyp_cod.csv").get(0).code();
		assertThat(codeSets.clustersOf(CodeSets.SNOMED_CT, hypertension).contains(Cluster.HYP_COD)).isTrue();
		assertThat(codeSets.clustersOf(null, hypertension).contains(Cluster.HYP_COD)).isTrue();
		assertThat(codeSets.clustersOf("http://hl7.org/fhir/sid/icd-10", hypertension).isEmpty()).isTrue();
		assertThat(codeSets.clustersOf("1").isEmpty()).isTrue();
		String statin = CodeSetFiles.rows("nhs-drug-refsets-stat_cod.csv").get(0).code();
		assertThat(codeSets.clustersOf(CodeSets.DMD, statin).contains(Cluster.STAT_COD)).isTrue();
	}

	/**
	 * Every code in the shipped files is a well-formed SNOMED CT identifier, except in three user lists of one source
	 * whose long dm+d identifiers were rounded as floating-point numbers before publication (the last digits lost):
	 * those codes can match no record, and the lists are used only beside national or OpenSAFELY lists of the same
	 * medicines (docs/codesets.md). A changed file, or another file with the fault, fails here.
	 */
	@Test
	void everyCodeIsAWellFormedIdentifierBarTheRoundedOnesOfThreeUserLists() {
		Map<String, Long> malformed = new java.util.TreeMap<>();
		for (CodeSetFile file : codeSets.files()) {
			long bad = CodeSetFiles.rows(file.file())
				.stream()
				.filter(row -> !SnomedIdentifiers.wellFormed(row.code()))
				.count();
			if (bad > 0) {
				malformed.put(file.file(), bad);
			}
		}
		assertThat(malformed).containsExactlyInAnyOrderEntriesOf(Map.of(
				"user-elsie_horne-anticoagulant_dmd.csv", 53L, "user-elsie_horne-hypertension_drugs_dmd.csv", 2662L,
				"user-elsie_horne-lipid_lowering_dmd.csv", 338L));
	}

	@Test
	void theVersionAndEveryFilesSourceAreWrittenDown() throws IOException {
		assertThat(codeSets.version()).matches("codesets-\\d{4}\\.\\d{2}\\.\\d+");
		String sources;
		try (InputStream in = CodeSets.class.getResourceAsStream("/codesets/SOURCES.md")) {
			sources = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		for (CodeSetFile file : codeSets.files()) {
			assertThat(sources).as(file.file()).contains("| " + file.cluster().name() + " | `" + file.file() + "` |");
		}
	}

}
