package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The synthetic population in memory: determinism, valid NHS numbers, and prevalences within stated tolerances of
 * the figures the generator cites.
 */
class PopulationGeneratorTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	/** A slice of the demo directory across the three Places, affluent and deprived districts. */
	static final List<PracticeSummary> PRACTICES = List.of(
			practice("K82901", "HP19 9HP", "U91001", "BK-AYL", "14Y"),
			practice("K82903", "HP21 7LS", "U91001", "BK-AYL", "14Y"),
			practice("K82907", "HP11 2PL", "U91003", "BK-WYC", "14Y"),
			practice("K82909", "HP13 7LJ", "U91003", "BK-WYC", "14Y"),
			practice("K82911", "HP9 1JN", "U91004", "BK-MBE", "14Y"),
			practice("K82913", "HP6 5AY", "U91005", "BK-ACH", "14Y"),
			practice("K84902", "OX2 7BY", "U92001", "OX-CTY", "10Q"),
			practice("K84904", "OX4 6JQ", "U92002", "OX-CTY", "10Q"),
			practice("K84907", "OX16 0AA", "U92003", "OX-BAN", "10Q"),
			practice("K84919", "OX28 6JS", "U92007", "OX-WOX", "10Q"),
			practice("K81901", "RG1 2BH", "U93001", "BW-RDG", "15A"),
			practice("K81907", "RG40 1XS", "U93003", "BW-WOK", "15A"),
			practice("K81910", "RG14 1JB", "U93004", "BW-NEW", "15A"));

	static final int SIZE = 20_000;

	static List<GeneratedPerson> people;

	@BeforeAll
	static void generate() {
		people = generate(42, SIZE);
	}

	static List<GeneratedPerson> generate(long seed, int size) {
		List<GeneratedPerson> list = new ArrayList<>();
		new PopulationGenerator(PRACTICES, seed, TODAY).generate(size, list::add);
		return list;
	}

	static PracticeSummary practice(String ods, String postcode, String pcn, String site, String place) {
		return new PracticeSummary(new OdsCode(ods), "Practice " + ods, new Postcode(postcode), pcn, "PCN " + pcn,
				site, "Site " + site, place, "Place " + place);
	}

	@Test
	void sameSeedGivesTheSamePeopleAndRecords() {
		List<GeneratedPerson> first = generate(42, 3_000);
		List<GeneratedPerson> again = generate(42, 3_000);
		assertThat(again).hasSize(3_000).isEqualTo(first);
		assertThat(again.get(2_999).record()).isEqualTo(first.get(2_999).record());
		assertThat(generate(7, 3_000)).isNotEqualTo(first);
	}

	@Test
	void nhsNumbersAreValidUniqueAndInTheTestRange() {
		Set<String> seen = new HashSet<>();
		for (GeneratedPerson person : people) {
			assertThat(NhsNumber.isValid(person.nhsNumber())).as(person.nhsNumber()).isTrue();
			assertThat(person.nhsNumber()).startsWith("999");
			assertThat(seen.add(person.nhsNumber())).isTrue();
		}
	}

	@Test
	void nhsNumbersContinueBelowTheTestRangeOnlyPastItsEnd() {
		SyntheticNhsNumbers numbers = new SyntheticNhsNumbers();
		String last = null;
		int count = 0;
		while (true) {
			String next = numbers.next();
			if (!next.startsWith("999")) {
				assertThat(next).startsWith("998");
				assertThat(NhsNumber.isValid(next)).isTrue();
				break;
			}
			last = next;
			count++;
		}
		// 1,000,000 stems, of which 1 in 11 give check digit 10
		assertThat(count).isBetween(900_000, 920_000);
		assertThat(last).startsWith("999999");
	}

	@Test
	void everyoneIsRegisteredAtAGivenPracticeAndLivesInAKnownArea() {
		Set<String> practices = new HashSet<>();
		PRACTICES.forEach(p -> practices.add(p.odsCode().value()));
		Set<String> lsoas = new HashSet<>();
		new PopulationGenerator(PRACTICES, 42, TODAY).lsoas().all().forEach(l -> lsoas.add(l.code()));
		for (GeneratedPerson person : people) {
			assertThat(practices).contains(person.practiceOdsCode());
			assertThat(lsoas).contains(person.lsoaCode());
			assertThat(Postcode.parse(person.postcode())).isPresent();
		}
	}

	@Test
	void ageStructureIsPlausibleForBob() {
		// ONS mid-2021 (England): about 19% under 16 and 19% aged 65+; tolerance 2 percentage points
		assertThat(share(p -> p.ageOn(TODAY) < 16)).isCloseTo(0.19, within(0.02));
		assertThat(share(p -> p.ageOn(TODAY) >= 65)).isCloseTo(0.185, within(0.02));
		assertThat(share(p -> p.sex() == Sex.FEMALE)).isCloseTo(0.505, within(0.02));
	}

	@Test
	void deprivationIsMostlyAffluentWithDeprivedPockets() {
		double core20 = share(p -> p.imdDecile() <= 2);
		assertThat(core20).isBetween(0.04, 0.2);
		assertThat(share(p -> p.imdDecile() >= 6)).isGreaterThan(0.55);
		assertThat(people.stream().filter(p -> p.imdDecile() == 1).map(GeneratedPerson::lsoaCode).distinct().count())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void ethnicityIsMostlyWhiteBritishWithAsianCommunitiesInWycombeAndReading() {
		assertThat(share(p -> p.ethnicity() == Ethnicity.WHITE_BRITISH)).isBetween(0.65, 0.85);
		double pakistaniInWycombe = share(p -> p.postcode().matches("HP1[123] .*"),
				p -> p.ethnicity() == Ethnicity.ASIAN_PAKISTANI);
		assertThat(pakistaniInWycombe).isGreaterThan(0.08);
		assertThat(share(p -> p.postcode().startsWith("HP6"), p -> p.ethnicity() == Ethnicity.ASIAN_PAKISTANI))
			.isLessThan(0.03);
	}

	@Test
	void prevalencesAreWithinToleranceOfTheCitedFigures() {
		// Smoking: ONS APS 2023, 11.9% in England; BOB is less deprived, so 8-14%
		assertThat(share(this::adult, p -> smoking(p) == SmokingStatus.SMOKER)).isBetween(0.08, 0.14);
		// Overweight or obese: HSE 2021/22, about 64% of adults (of those with a BMI); 58-70%
		assertThat(share(p -> adult(p) && bmi(p) > 0, p -> bmi(p) >= 25)).isBetween(0.58, 0.70);
		// Recorded hypertension: QOF 2022/23, 14.5% of all registered patients; 11-17%
		assertThat(share(p -> has(p, Register.HYP))).isBetween(0.11, 0.17);
		// Type 2 diabetes: QOF 2022/23, 7.5% of people 17+; 5-9%
		assertThat(share(this::adult, p -> has(p, Register.DM2))).isBetween(0.05, 0.09);
		// AF: QOF 2022/23, 2.1% of all; 1.4-3%
		assertThat(share(p -> has(p, Register.AF))).isBetween(0.014, 0.03);
		// CKD 3-5: QOF 2022/23, 4.1% of 18+; 2.5-6%
		assertThat(share(this::adult, p -> has(p, Register.CKD35))).isBetween(0.025, 0.06);
		// Multimorbidity: about 27% of adults in England have two or more conditions of the Cambridge Multimorbidity
		// Score list (Health Foundation 2018); counting only the 15 QOF registers the cohorts use, fewer: 12-25%
		assertThat(share(this::adult, p -> longTermConditions(p) >= 2)).isBetween(0.12, 0.25);
		// Statins for some; a large majority of people with CHD
		assertThat(share(p -> has(p, Register.CHD),
				p -> p.record().onMedication(MedicationCategory.LIPID_LOWERING))).isBetween(0.7, 0.9);
		// Treated hypertension: antihypertensives for most people on the register
		assertThat(share(p -> has(p, Register.HYP),
				p -> p.record().onMedication(MedicationCategory.ANTIHYPERTENSIVE))).isBetween(0.78, 0.92);
		// A few deaths in the last two years, kept with their date
		assertThat(share(p -> p.dateOfDeath() != null)).isBetween(0.002, 0.02);
	}

	@Test
	void somePeopleHaveRaisedReadingsButNoHypertensionDiagnosis() {
		long possibleUndiagnosed = people.stream()
			.filter(p -> !has(p, Register.HYP))
			.filter(p -> p.record().observations().stream().anyMatch(this::raisedSystolic))
			.count();
		// About a third of hypertension is undiagnosed, and many of those have had a raised reading
		assertThat(possibleUndiagnosed).isGreaterThan(SIZE / 100);
	}

	@Test
	void someTreatedHypertensivesAreNotToTargetAndSomeHaveSevereRecentReadings() {
		long notToTarget = people.stream()
			.filter(p -> has(p, Register.HYP) && p.record().onMedication(MedicationCategory.ANTIHYPERTENSIVE))
			.filter(p -> p.record().latest(ObservationType.SYSTOLIC_BP).filter(this::raisedSystolic).isPresent())
			.count();
		assertThat(notToTarget).isGreaterThan(SIZE / 200);
		long severeRecent = people.stream()
			.filter(p -> p.record()
				.observations()
				.stream()
				.anyMatch(o -> o.type() == ObservationType.SYSTOLIC_BP && o.value().doubleValue() >= 180
						&& o.date().isAfter(TODAY.minusDays(31))))
			.count();
		assertThat(severeRecent).isGreaterThan(5);
	}

	@Test
	void bloodPressureReadingsCarryASetting() {
		List<Observation> bps = people.stream()
			.flatMap(p -> p.record().observations().stream())
			.filter(o -> o.type().isBloodPressure())
			.toList();
		assertThat(bps).isNotEmpty().allMatch(o -> o.setting() != null);
		// single home readings are not generated: home monitoring is recorded as its average, as practices do
		assertThat(bps.stream().map(Observation::setting).distinct()).containsExactlyInAnyOrder(
				BloodPressureSetting.CLINIC, BloodPressureSetting.HOME_AVERAGE, BloodPressureSetting.AMBULATORY,
				BloodPressureSetting.PHARMACY, BloodPressureSetting.OPTOMETRY);
	}

	@Test
	void frailtyDeficitsIncreaseWithAge() {
		double youngOld = averageDeficits(65, 75);
		double oldest = averageDeficits(85, 120);
		assertThat(oldest).isGreaterThan(youngOld * 2);
		assertThat(share(p -> p.ageOn(TODAY) >= 80, p -> p.record().admissions().stream().anyMatch(a -> a.unplanned())))
			.isBetween(0.1, 0.6);
	}

	/** Every code of the published eFI deficit lists (read from the files, not from the generator). */
	private static final Set<String> DEFICIT_CODES = CodeSetFiles.all()
		.entrySet()
		.stream()
		.filter(e -> e.getKey().startsWith("gm-sde-efi-"))
		.flatMap(e -> e.getValue().stream().map(CodeSetFiles.Row::code))
		.collect(java.util.stream.Collectors.toSet());

	private double averageDeficits(int fromAge, int toAge) {
		return people.stream()
			.filter(p -> p.ageOn(TODAY) >= fromAge && p.ageOn(TODAY) < toAge)
			.mapToLong(p -> p.record().problems().stream().filter(pr -> DEFICIT_CODES.contains(pr.code())).count())
			.average()
			.orElse(0);
	}

	private static final Set<Register> LONG_TERM_CONDITIONS = java.util.EnumSet.of(Register.HYP, Register.DM,
			Register.AF, Register.CHD, Register.STIA, Register.HF, Register.PAD, Register.CKD35, Register.AST,
			Register.COPD, Register.DEP, Register.SMI, Register.RA, Register.OST, Register.DEM);

	private long longTermConditions(GeneratedPerson person) {
		return Registers.of(person.record(), person.dateOfBirth(), TODAY)
			.registers()
			.stream()
			.filter(LONG_TERM_CONDITIONS::contains)
			.count();
	}

	@Test
	void someDepressionEpisodesAreCodedResolvedAndTakeThePersonOffTheRegister() {
		Set<String> resolvedCodes = Set.copyOf(CodeSetFiles.codes("nhsd-primary-care-domain-refsets-depres_cod.csv"));
		long resolved = 0;
		for (GeneratedPerson person : people) {
			boolean codedResolved = person.record().problems().stream().anyMatch(p -> resolvedCodes.contains(p.code()));
			if (codedResolved) {
				resolved++;
				assertThat(Registers.of(person.record(), person.dateOfBirth(), TODAY).on(Register.DEP)).isFalse();
			}
		}
		assertThat(resolved).isPositive();
	}

	@Test
	void everyCodeIsDrawnFromThePublishedCodeSetsWithSeveralCodesPerCondition() {
		Set<String> published = CodeSetFiles.all()
			.values()
			.stream()
			.flatMap(rows -> rows.stream().map(CodeSetFiles.Row::code))
			.collect(java.util.stream.Collectors.toSet());
		Set<String> used = new HashSet<>();
		for (GeneratedPerson person : people) {
			person.record().problems().forEach(p -> used.add(p.code()));
			person.record().medications().forEach(m -> used.add(m.code()));
			person.record().observations().forEach(o -> used.add(o.code()));
		}
		used.removeAll(published);
		assertThat(used).as("codes in no published code set").isEmpty();
		Set<String> hypertension = new HashSet<>();
		Set<String> statins = new HashSet<>();
		for (GeneratedPerson person : people) {
			Registers.of(person.record(), person.dateOfBirth(), TODAY).entry(Register.HYP)
				.ifPresent(e -> hypertension.add(e.code()));
			person.record().current(MedicationCategory.STATIN).forEach(m -> statins.add(m.code()));
		}
		assertThat(hypertension).hasSizeGreaterThan(20);
		assertThat(statins).hasSizeGreaterThan(20);
	}

	private boolean raisedSystolic(Observation observation) {
		return observation.type() == ObservationType.SYSTOLIC_BP && observation.value().doubleValue() >= 140;
	}

	private boolean adult(GeneratedPerson person) {
		return person.ageOn(TODAY) >= 18;
	}

	private static boolean has(GeneratedPerson person, Register register) {
		return Registers.of(person.record(), person.dateOfBirth(), TODAY).on(register);
	}

	private static @org.jspecify.annotations.Nullable SmokingStatus smoking(GeneratedPerson person) {
		return person.record()
			.latest(ObservationType.SMOKING_STATUS)
			.flatMap(Observation::smoking)
			.orElse(null);
	}

	private static double bmi(GeneratedPerson person) {
		return person.record().latest(ObservationType.BMI).map(o -> o.value().doubleValue()).orElse(0.0);
	}

	private static double share(java.util.function.Predicate<GeneratedPerson> test) {
		return share(p -> true, test);
	}

	private static double share(java.util.function.Predicate<GeneratedPerson> among,
			java.util.function.Predicate<GeneratedPerson> test) {
		List<GeneratedPerson> group = people.stream().filter(among).toList();
		return group.isEmpty() ? 0 : (double) group.stream().filter(test).count() / group.size();
	}

}
