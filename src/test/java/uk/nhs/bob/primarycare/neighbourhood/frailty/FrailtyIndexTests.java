package uk.nhs.bob.primarycare.neighbourhood.frailty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eFI (Clegg et al. 2016): each of the 36 deficits found by every code of its published code set (read from the
 * shipped files, not from the production code), the score and the category cut-offs.
 */
class FrailtyIndexTests {

	static final FrailtyIndex EFI = FrailtyIndex.standard();

	static final LocalDate ONSET = LocalDate.of(2020, 1, 1);

	static IntStream deficitNumbers() {
		return IntStream.rangeClosed(1, 36);
	}

	/** Deficit number to the code-set files it names, read from efi-deficits.tsv and codesets/clusters.tsv. */
	static Map<Integer, List<String>> deficitFiles() {
		Map<String, String> fileByCluster = new HashMap<>();
		for (String line : read("/codesets/clusters.tsv")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String[] cells = line.split("\t");
				fileByCluster.put(cells[0], cells[2]);
			}
		}
		Map<Integer, List<String>> files = new HashMap<>();
		for (String line : read("/uk/nhs/bob/primarycare/neighbourhood/frailty/efi-deficits.tsv")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String[] cells = line.split("\t");
				List<String> named = java.util.Arrays.stream(cells[2].split(" "))
					.filter(fileByCluster::containsKey)
					.map(fileByCluster::get)
					.toList();
				if (!named.isEmpty()) {
					files.put(Integer.parseInt(cells[0]), named);
				}
			}
		}
		return files;
	}

	static List<String> read(String resource) {
		try (var in = FrailtyIndexTests.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static CodedRecord problems(List<String> codes) {
		return new CodedRecord(codes.stream().map(c -> Problem.of(c, "term", ONSET, null)).toList(), List.of(),
				List.of(), List.of());
	}

	/** Different medicines from a published dm+d list (polypharmacy counts distinct current medicines). */
	static List<Medication> medicines(int count) {
		List<CodeSetFiles.Row> rows = CodeSetFiles.rows("nhs-drug-refsets-ace_cod.csv");
		List<Medication> medications = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			medications.add(Medication.of(rows.get(i).code(), rows.get(i).term(), ONSET, null));
		}
		return medications;
	}

	/** A record with exactly the first {@code n} deficits, each by a code of its own file only. */
	static CodedRecord withDeficits(int n) {
		Map<Integer, List<String>> files = deficitFiles();
		List<String> codes = new ArrayList<>();
		List<Medication> medications = List.of();
		for (int number = 1; number <= n; number++) {
			FrailtyIndex.Deficit deficit = EFI.deficit(number);
			if (deficit.minimumMedicines() > 0) {
				medications = medicines(deficit.minimumMedicines());
			}
			else {
				codes.add(codesOnlyIn(number, files).get(0));
			}
		}
		return new CodedRecord(codes.stream().map(c -> Problem.of(c, "term", ONSET, null)).toList(), List.of(),
				medications, List.of());
	}

	/** The codes of one deficit's files that are in no other deficit's files. */
	static List<String> codesOnlyIn(int number, Map<Integer, List<String>> files) {
		Set<String> others = files.entrySet().stream().filter(e -> e.getKey() != number)
			.flatMap(e -> e.getValue().stream()).flatMap(f -> CodeSetFiles.codes(f).stream())
			.collect(Collectors.toSet());
		return codes(number, files).stream().filter(c -> !others.contains(c)).toList();
	}

	static List<String> codes(int number, Map<Integer, List<String>> files) {
		return files.get(number).stream().flatMap(f -> CodeSetFiles.codes(f).stream()).distinct().toList();
	}

	@Test
	void theCodeSetFileHoldsThe36DeficitsOfClegg2016WithAVersion() {
		assertThat(EFI.deficits()).hasSize(36);
		assertThat(EFI.version()).isEqualTo("efi-deficits-2026.12.2");
		assertThat(EFI.deficits())
			.allSatisfy(d -> assertThat(!d.clusters().isEmpty() || d.minimumMedicines() > 0).isTrue());
		assertThat(deficitFiles()).hasSize(35);
		assertThat(EFI.deficits().stream().map(FrailtyIndex.Deficit::name)).contains("Activity limitation", "Falls",
				"Polypharmacy", "Weight loss and anorexia", "Social vulnerability", "Housebound");
	}

	@ParameterizedTest
	@MethodSource("deficitNumbers")
	void everyCodeOfEachDeficitsPublishedListFindsThatDeficit(int number) {
		FrailtyIndex.Deficit deficit = EFI.deficit(number);
		if (deficit.minimumMedicines() > 0) {
			CodedRecord record = new CodedRecord(List.of(), List.of(), medicines(deficit.minimumMedicines()), List.of());
			assertThat(EFI.assess(record).found()).containsExactly(deficit);
			return;
		}
		Map<Integer, List<String>> files = deficitFiles();
		List<String> all = codes(number, files);
		assertThat(all).isNotEmpty();
		for (String code : all) {
			assertThat(EFI.assess(problems(List.of(code))).found()).as("code %s", code).contains(deficit);
		}
		// the published lists share a few codes (diabetes in the CKD list, for one); a code of one list only finds
		// that deficit alone
		for (String code : codesOnlyIn(number, files)) {
			FrailtyIndex.Result result = EFI.assess(problems(List.of(code)));
			assertThat(result.found()).as("code %s", code).containsExactly(deficit);
		}
	}

	@Test
	void polypharmacyNeedsFiveDifferentCurrentMedicines() {
		assertThat(EFI.assess(new CodedRecord(List.of(), List.of(), medicines(4), List.of())).deficits()).isZero();
		assertThat(EFI.assess(new CodedRecord(List.of(), List.of(), medicines(5), List.of())).found())
			.extracting(FrailtyIndex.Deficit::name)
			.containsExactly("Polypharmacy");
		List<Medication> stopped = new ArrayList<>(medicines(4));
		CodeSetFiles.Row fifth = CodeSetFiles.rows("nhs-drug-refsets-ace_cod.csv").get(10);
		stopped.add(Medication.of(fifth.code(), fifth.term(), ONSET, ONSET.plusDays(30)));
		assertThat(EFI.assess(new CodedRecord(List.of(), List.of(), stopped, List.of())).deficits()).isZero();
	}

	@Test
	void aDeficitCountsOnceHoweverManyOfItsCodesAreRecorded() {
		Map<Integer, List<String>> files = deficitFiles();
		List<String> falls = codesOnlyIn(10, files);
		List<String> memory = codesOnlyIn(20, files);
		FrailtyIndex.Result result = EFI
			.assess(problems(List.of(memory.get(0), memory.get(1), falls.get(0), falls.get(1), falls.get(0))));
		assertThat(result.deficits()).isEqualTo(2);
		assertThat(result.found()).extracting(FrailtyIndex.Deficit::name)
			.containsExactly("Falls", "Memory and cognitive problems");
	}

	@Test
	void codesOfNoDeficitListAreNotDeficits() {
		Set<String> efiCodes = deficitFiles().values().stream().flatMap(List::stream)
			.flatMap(f -> CodeSetFiles.codes(f).stream()).collect(Collectors.toSet());
		List<String> others = CodeSetFiles.codes("bristol-migraine-snomed-ct-v13.csv").stream()
			.filter(c -> !efiCodes.contains(c)).toList();
		assertThat(others).isNotEmpty();
		assertThat(EFI.assess(problems(others)).deficits()).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "0, FIT", "4, FIT", "5, MILD", "8, MILD", "9, MODERATE", "12, MODERATE", "13, SEVERE",
			"36, SEVERE" })
	void categoriesChangeAtThePublishedCutOffs(int deficits, FrailtyCategory expected) {
		FrailtyIndex.Result result = EFI.assess(withDeficits(deficits));
		assertThat(result.deficits()).isEqualTo(deficits);
		assertThat(result.score()).isEqualTo(deficits / 36.0);
		assertThat(result.category()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "0.12, FIT", "0.13, MILD", "0.24, MILD", "0.25, MODERATE", "0.36, MODERATE", "0.361, SEVERE" })
	void scoresAtTheCutOffsThemselves(double score, FrailtyCategory expected) {
		assertThat(FrailtyCategory.of(score)).isEqualTo(expected);
	}

	@Test
	void theExplanationNamesTheScoreTheCountAndTheRuleVersion() {
		FrailtyIndex.Result result = EFI.assess(withDeficits(9));
		assertThat(result.explanation()).isEqualTo("Moderate frailty: eFI 0.25 (9 of 36 deficits; efi-deficits-2026.12.2)");
	}

}
