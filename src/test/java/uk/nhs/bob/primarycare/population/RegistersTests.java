package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles.Row;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registers as QOF builds them, on records coded with every code of the published files (read here from the
 * files themselves): latest diagnosis against latest resolved code, anyone ever coded where there is no resolved
 * cluster, the age limits, and the register on a given date.
 */
class RegistersTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static final LocalDate BORN = LocalDate.of(1960, 5, 1);

	/** Each register's diagnosis files, read from disk for the test (not from the production code). */
	static final Map<Register, List<String>> FILES = Map.ofEntries(
			Map.entry(Register.HYP, List.of("nhsd-primary-care-domain-refsets-hyp_cod.csv")),
			Map.entry(Register.CHD, List.of("nhsd-primary-care-domain-refsets-chd_cod.csv")),
			Map.entry(Register.STIA, List.of("nhsd-primary-care-domain-refsets-strk_cod.csv",
					"nhsd-primary-care-domain-refsets-tia_cod.csv")),
			Map.entry(Register.PAD, List.of("nhsd-primary-care-domain-refsets-pad_cod.csv")),
			Map.entry(Register.AF, List.of("nhsd-primary-care-domain-refsets-afib_cod.csv")),
			Map.entry(Register.HF, List.of("nhsd-primary-care-domain-refsets-hf_cod.csv")),
			Map.entry(Register.DM, List.of("nhsd-primary-care-domain-refsets-dm_cod.csv")),
			Map.entry(Register.CKD35, List.of("primis-covid19-vacc-uptake-ckd35.csv")),
			Map.entry(Register.AST, List.of("nhsd-primary-care-domain-refsets-ast_cod.csv")),
			Map.entry(Register.COPD, List.of("nhsd-primary-care-domain-refsets-copd_cod.csv")),
			Map.entry(Register.DEM, List.of("nhsd-primary-care-domain-refsets-dem_cod.csv")),
			Map.entry(Register.DEP, List.of("nhsd-primary-care-domain-refsets-depr_cod.csv")),
			Map.entry(Register.SMI, List.of("nhsd-primary-care-domain-refsets-mh_cod.csv")),
			Map.entry(Register.RA, List.of("nhsd-primary-care-domain-refsets-rarth_cod.csv")),
			Map.entry(Register.OST, List.of("nhsd-primary-care-domain-refsets-osteo_cod.csv")));

	static final Map<Register, List<String>> RESOLVED = Map.of(
			Register.HYP, List.of("nhsd-primary-care-domain-refsets-hypres_cod.csv"),
			Register.DM, List.of("nhsd-primary-care-domain-refsets-dmres_cod.csv"),
			Register.CKD35, List.of("nhsd-primary-care-domain-refsets-ckd1and2_cod.csv",
					"nhsd-primary-care-domain-refsets-ckdres_cod.csv"),
			Register.SMI, List.of("primis-covid19-vacc-uptake-smhres.csv"),
			Register.AST, List.of("nhsd-primary-care-domain-refsets-astres_cod.csv"),
			Register.COPD, List.of("nhsd-primary-care-domain-refsets-copdres_cod.csv"),
			Register.DEP, List.of("nhsd-primary-care-domain-refsets-depres_cod.csv"));

	static final String TYPE1 = "nhsd-primary-care-domain-refsets-dmtype1_cod.csv";

	static final String TYPE2 = "nhsd-primary-care-domain-refsets-dmtype2_cod.csv";

	@ParameterizedTest
	@EnumSource(value = Register.class, names = { "DM1", "DM2" }, mode = EnumSource.Mode.EXCLUDE)
	void everyCodeOfTheRegistersPublishedFilesPutsAPersonOnIt(Register register) {
		List<String> files = FILES.get(register);
		assertThat(files).as("test files for %s", register).isNotNull();
		// a code also in the register's resolved list (PRIMIS counts "schizophrenia in remission" in both) is a
		// resolved code on the same day as the diagnosis: off the register, as the QOF rule reads
		java.util.Set<String> resolved = RESOLVED.getOrDefault(register, List.of()).stream()
			.flatMap(f -> CodeSetFiles.codes(f).stream())
			.collect(java.util.stream.Collectors.toSet());
		int codes = 0;
		for (String file : files) {
			for (Row row : CodeSetFiles.rows(file)) {
				Registers registers = Registers.of(record(problem(row, TODAY.minusYears(2), null)), BORN, TODAY);
				if (resolved.contains(row.code())) {
					assertThat(registers.on(register)).as("%s %s", row.code(), row.term()).isFalse();
					continue;
				}
				assertThat(registers.on(register)).as("%s %s", row.code(), row.term()).isTrue();
				RegisterEntry entry = registers.entry(register).orElseThrow();
				assertThat(entry.code()).isEqualTo(row.code());
				assertThat(entry.term()).isEqualTo(row.term());
				assertThat(entry.date()).isEqualTo(TODAY.minusYears(2));
				codes++;
			}
		}
		assertThat(codes).isPositive();
	}

	@ParameterizedTest(name = "{0}: diagnosed {1} days ago, resolved {2} days ago: on {3}")
	@CsvSource({ "HYP, 400, , true", "HYP, 400, 100, false", "HYP, 400, 400, false", "HYP, 100, 400, true",
			"DM, 400, 100, false", "DM, 100, 400, true", "CKD35, 400, 100, false", "CKD35, 100, 400, true",
			"SMI, 400, 100, false", "SMI, 100, 400, true", "AST, 400, 100, false", "AST, 400, 400, false",
			"AST, 100, 400, true", "AST, 400, , true", "COPD, 400, 100, false", "COPD, 400, 400, false",
			"COPD, 100, 400, true", "COPD, 400, , true", "DEP, 400, 100, false", "DEP, 400, 400, false",
			"DEP, 100, 400, true", "DEP, 400, , true" })
	void theLatestDiagnosisCountsAgainstTheLatestResolvedCode(Register register, int diagnosedDaysAgo,
			Integer resolvedDaysAgo, boolean on) {
		for (String resolvedFile : RESOLVED.get(register)) {
			List<Problem> problems = new ArrayList<>();
			problems.add(problem(CodeSetFiles.first(FILES.get(register).get(0)), TODAY.minusDays(diagnosedDaysAgo),
					null));
			if (resolvedDaysAgo != null) {
				problems.add(problem(CodeSetFiles.rows(resolvedFile).get(0), TODAY.minusDays(resolvedDaysAgo), null));
			}
			assertThat(Registers.of(record(problems.toArray(Problem[]::new)), BORN, TODAY).on(register))
				.as(resolvedFile).isEqualTo(on);
		}
	}

	@ParameterizedTest
	@EnumSource(value = Register.class, names = { "CHD", "STIA", "PAD", "AF", "HF" })
	void registersWithoutAResolvedClusterHoldAnyoneEverCodedWhateverEndDateTheSourceGave(Register register) {
		Row code = CodeSetFiles.first(FILES.get(register).get(0));
		Problem endedBySource = problem(code, TODAY.minusYears(8), TODAY.minusYears(8).plusDays(14));
		assertThat(Registers.of(record(endedBySource), BORN, TODAY).on(register)).isTrue();
	}

	@ParameterizedTest(name = "{0} aged {1}: on {2}")
	@CsvSource({ "DM, 16, false", "DM, 17, true", "CKD35, 17, false", "CKD35, 18, true", "RA, 15, false",
			"RA, 16, true", "HYP, 5, true" })
	void qofAgeLimits(Register register, int age, boolean on) {
		LocalDate born = TODAY.minusYears(age).minusDays(1);
		Problem problem = problem(CodeSetFiles.first(FILES.get(register).get(0)), TODAY.minusMonths(1), null);
		assertThat(Registers.of(record(problem), born, TODAY).on(register)).isEqualTo(on);
	}

	@Test
	void theRegisterOnADateCountsOnlyCodesRecordedByThen() {
		Problem diagnosis = problem(CodeSetFiles.first(FILES.get(Register.HYP).get(0)), TODAY.minusYears(1), null);
		Problem resolved = problem(CodeSetFiles.rows(RESOLVED.get(Register.HYP).get(0)).get(0), TODAY.minusMonths(1),
				null);
		CodedRecord record = record(diagnosis, resolved);
		assertThat(Registers.of(record, BORN, TODAY.minusYears(2)).on(Register.HYP)).isFalse();
		assertThat(Registers.of(record, BORN, TODAY.minusMonths(6)).on(Register.HYP)).isTrue();
		assertThat(Registers.of(record, BORN, TODAY).on(Register.HYP)).isFalse();
	}

	@Test
	void theLatestTypeCodeDecidesTheDiabetesType() {
		Row type1 = CodeSetFiles.first(TYPE1, "nhsd-primary-care-domain-refsets-dm_cod.csv");
		Row type2 = CodeSetFiles.first(TYPE2, "nhsd-primary-care-domain-refsets-dm_cod.csv");
		Registers later2 = Registers.of(record(problem(type1, TODAY.minusYears(5), null),
				problem(type2, TODAY.minusYears(1), null)), BORN, TODAY);
		assertThat(later2.registers()).contains(Register.DM, Register.DM2).doesNotContain(Register.DM1);
		assertThat(later2.entry(Register.DM2).orElseThrow().code()).isEqualTo(type2.code());
		Registers later1 = Registers.of(record(problem(type2, TODAY.minusYears(5), null),
				problem(type1, TODAY.minusYears(1), null)), BORN, TODAY);
		assertThat(later1.registers()).contains(Register.DM, Register.DM1).doesNotContain(Register.DM2);
		assertThat(later1.diabetesTypeNotCoded()).isFalse();
		// a diabetes code of neither type list
		Row neither = CodeSetFiles.onlyIn("nhsd-primary-care-domain-refsets-dm_cod.csv").stream()
			.filter(r -> !CodeSetFiles.codes(TYPE1).contains(r.code()) && !CodeSetFiles.codes(TYPE2).contains(r.code()))
			.findFirst()
			.orElseThrow();
		Registers untyped = Registers.of(record(problem(neither, TODAY.minusYears(1), null)), BORN, TODAY);
		assertThat(untyped.on(Register.DM)).isTrue();
		assertThat(untyped.diabetesTypeNotCoded()).isTrue();
	}

	@Test
	void existingCardiovascularDiseaseIsChdStrokeOrTiaOrPad() {
		for (Register register : List.of(Register.CHD, Register.STIA, Register.PAD)) {
			Problem problem = problem(CodeSetFiles.first(FILES.get(register).get(0)), TODAY.minusYears(1), null);
			assertThat(Registers.of(record(problem), BORN, TODAY).cardiovascularDisease()).isPresent();
		}
		Problem heartFailure = problem(CodeSetFiles.first(FILES.get(Register.HF).get(0)), TODAY.minusYears(1), null);
		assertThat(Registers.of(record(heartFailure), BORN, TODAY).cardiovascularDisease()).isEmpty();
	}

	@Test
	void aCodeOfAnotherSystemIsOnNoRegister() {
		Row code = CodeSetFiles.first(FILES.get(Register.HYP).get(0));
		Problem icd = RecordCodes.standard().problem("http://hl7.org/fhir/sid/icd-10", code.code(), "Hypertension",
				TODAY.minusYears(1), null);
		assertThat(Registers.of(record(icd), BORN, TODAY).entries()).isEmpty();
	}

	private static Problem problem(Row row, LocalDate onset, LocalDate resolved) {
		return Problem.of(row.code(), row.term(), onset, resolved);
	}

	private static CodedRecord record(Problem... problems) {
		return new CodedRecord(List.of(problems), List.of(), List.of(), List.of());
	}

}
