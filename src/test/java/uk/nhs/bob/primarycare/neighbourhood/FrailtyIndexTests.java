package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.population.MedicationCategory;

import static org.assertj.core.api.Assertions.assertThat;

/** The eFI (Clegg et al. 2016; DOMAIN.md B7): each of the 36 deficits, the score and the category cut-offs. */
class FrailtyIndexTests {

	static final FrailtyIndex EFI = FrailtyIndex.standard();

	static final LocalDate ONSET = LocalDate.of(2020, 1, 1);

	static IntStream deficitNumbers() {
		return IntStream.rangeClosed(1, 36);
	}

	static CodedRecord problems(List<String> codes) {
		return new CodedRecord(codes.stream().map(c -> new Problem(c, "term", ONSET, null)).toList(), List.of(),
				List.of(), List.of());
	}

	static List<Medication> medicines(int count) {
		List<Medication> medications = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			medications.add(new Medication(MedicationCategory.OTHER, "Medicine " + i, "10000" + i, ONSET, null));
		}
		return medications;
	}

	/** A record with exactly the first {@code n} deficits. */
	static CodedRecord withDeficits(int n) {
		List<String> codes = new ArrayList<>();
		List<Medication> medications = List.of();
		for (int number = 1; number <= n; number++) {
			FrailtyIndex.Deficit deficit = EFI.deficit(number);
			if (deficit.minimumMedicines() > 0) {
				medications = medicines(deficit.minimumMedicines());
			}
			else {
				codes.add(deficit.codes().iterator().next());
			}
		}
		return new CodedRecord(codes.stream().map(c -> new Problem(c, "term", ONSET, null)).toList(), List.of(),
				medications, List.of());
	}

	@Test
	void theCodeSetFileHoldsThe36DeficitsOfClegg2016WithAVersion() {
		assertThat(EFI.deficits()).hasSize(36);
		assertThat(EFI.version()).isEqualTo("efi-deficits-2016.1");
		assertThat(EFI.deficits()).allSatisfy(d -> assertThat(!d.codes().isEmpty() || d.minimumMedicines() > 0).isTrue());
		assertThat(EFI.deficits().stream().map(FrailtyIndex.Deficit::name)).contains("Activity limitation", "Falls",
				"Polypharmacy", "Weight loss and anorexia", "Social vulnerability", "Housebound");
	}

	@ParameterizedTest
	@MethodSource("deficitNumbers")
	void everyCodeOfEachDeficitFindsThatDeficitAndNoOther(int number) {
		FrailtyIndex.Deficit deficit = EFI.deficit(number);
		if (deficit.minimumMedicines() > 0) {
			CodedRecord record = new CodedRecord(List.of(), List.of(), medicines(deficit.minimumMedicines()), List.of());
			assertThat(EFI.assess(record).found()).containsExactly(deficit);
			return;
		}
		for (String code : deficit.codes()) {
			FrailtyIndex.Result result = EFI.assess(problems(List.of(code)));
			assertThat(result.found()).as("code %s", code).containsExactly(deficit);
			assertThat(result.deficits()).isEqualTo(1);
		}
	}

	@Test
	void polypharmacyNeedsFiveDifferentCurrentMedicines() {
		assertThat(EFI.assess(new CodedRecord(List.of(), List.of(), medicines(4), List.of())).deficits()).isZero();
		assertThat(EFI.assess(new CodedRecord(List.of(), List.of(), medicines(5), List.of())).found())
			.extracting(FrailtyIndex.Deficit::name)
			.containsExactly("Polypharmacy");
		List<Medication> stopped = new ArrayList<>(medicines(4));
		stopped.add(new Medication(MedicationCategory.OTHER, "Stopped", "999", ONSET, ONSET.plusDays(30)));
		assertThat(EFI.assess(new CodedRecord(List.of(), List.of(), stopped, List.of())).deficits()).isZero();
	}

	@Test
	void aDeficitCountsOnceHoweverManyOfItsCodesAreRecorded() {
		FrailtyIndex.Result result = EFI.assess(problems(List.of("52448006", "386807006", "161898004", "161898004")));
		assertThat(result.deficits()).isEqualTo(2);
		assertThat(result.found()).extracting(FrailtyIndex.Deficit::name)
			.containsExactly("Falls", "Memory and cognitive problems");
	}

	@Test
	void unrelatedCodesAreNotDeficits() {
		assertThat(EFI.assess(problems(List.of("37796009", "397803000"))).deficits()).isZero();
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
		assertThat(result.explanation()).isEqualTo("Moderate frailty: eFI 0.25 (9 of 36 deficits; efi-deficits-2016.1)");
	}

}
