package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.terminology.CodeSets;

/**
 * Generates a synthetic BOB population, one person at a time, so any size streams through a fixed amount of memory.
 * Every person is drawn from their own random stream (seed and position), so the same seed, size, practices and
 * reference date give the same people and records.
 * <p>
 * Prevalence figures cite their source; they are England-wide unless noted, and BOB, being less deprived than
 * England, comes out a little lower where deprivation drives them. These are for demonstration, not epidemiology.
 * Every code is drawn from the published code sets the rules read ({@link GeneratorCodes}), several per condition.
 */
final class PopulationGenerator {

	/**
	 * Share of the population in each five-year age band 0-4 ... 85-89 and 90+. Shaped on the ONS mid-2021 estimates
	 * for England: about 19% under 16 and about 19% aged 65 and over.
	 */
	private static final double[] AGE_BANDS = { 5.6, 6.0, 6.2, 5.8, 5.6, 6.0, 6.4, 6.6, 6.5, 6.5, 7.0, 6.9, 6.0, 5.1,
			5.0, 3.8, 2.6, 1.6, 0.9 };

	// Ethnic group mix, in Ethnicity.values() order (A, B, C1, C2, C, D, E, F, G, H, J, K, R, L, M, N, P, S1, S, Z).
	// Approximations of Census 2021 (ONS TS021) for the kinds of area the demo practices serve: most of BOB is about
	// 85-90% White British; High Wycombe has a large Pakistani community; Reading and Oxford are the most diverse;
	// Aylesbury, Banbury and the towns next to Slough sit between.
	private static final double[] ETHNICITY_DEFAULT = { 86, 1, 0.1, 0.1, 5.5, 0.7, 0.2, 0.8, 0.5, 1.2, 0.6, 0.2, 0.6,
			0.7, 0.3, 0.6, 0.1, 0.1, 0.4, 0.3 };

	private static final double[] ETHNICITY_MIXED_TOWN = { 74, 1, 0.2, 0.3, 8, 1.2, 0.3, 1, 0.7, 2.5, 5, 0.3, 0.6,
			1.2, 0.6, 1.2, 0.3, 0.2, 0.6, 0.5 };

	private static final double[] ETHNICITY_WYCOMBE = { 56, 1, 0.3, 0.4, 8, 1.8, 0.4, 1.2, 0.8, 3, 16, 1, 0.6, 2.5,
			1.8, 2, 0.6, 0.3, 1, 0.6 };

	private static final double[] ETHNICITY_READING = { 52, 1, 0.1, 0.5, 11, 1.6, 0.8, 1.3, 1, 7, 5, 1, 2, 4, 2, 5.5,
			1, 0.5, 1.5, 0.5 };

	private static final double[] ETHNICITY_OXFORD = { 62, 1.2, 0.1, 0.3, 13, 1, 0.6, 1.5, 1.2, 2.5, 3, 1.5, 3, 2.5, 1,
			2.5, 0.5, 0.6, 1.5, 0.5 };

	private static final Map<String, double[]> ETHNICITY_BY_DISTRICT = Map.ofEntries(
			Map.entry("HP11", ETHNICITY_WYCOMBE), Map.entry("HP12", ETHNICITY_WYCOMBE),
			Map.entry("HP13", ETHNICITY_WYCOMBE), Map.entry("RG1", ETHNICITY_READING),
			Map.entry("RG2", ETHNICITY_READING), Map.entry("RG30", ETHNICITY_READING),
			Map.entry("OX1", ETHNICITY_OXFORD), Map.entry("OX2", ETHNICITY_OXFORD), Map.entry("OX3", ETHNICITY_OXFORD),
			Map.entry("OX4", ETHNICITY_OXFORD), Map.entry("HP19", ETHNICITY_MIXED_TOWN),
			Map.entry("HP20", ETHNICITY_MIXED_TOWN), Map.entry("HP21", ETHNICITY_MIXED_TOWN),
			Map.entry("OX16", ETHNICITY_MIXED_TOWN), Map.entry("SL7", ETHNICITY_MIXED_TOWN),
			Map.entry("SL8", ETHNICITY_MIXED_TOWN), Map.entry("SL9", ETHNICITY_MIXED_TOWN),
			Map.entry("HP9", ETHNICITY_MIXED_TOWN), Map.entry("RG5", ETHNICITY_MIXED_TOWN),
			Map.entry("RG4", ETHNICITY_MIXED_TOWN));

	private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";


	private final List<PracticeSummary> practices;

	private final long seed;

	/** Shares of people who joined their practice, and who left it, in the last two years (the project's own). */
	static final double JOINED_IN_TWO_YEARS = 0.05;

	static final double LEFT_IN_TWO_YEARS = 0.03;

	private final LocalDate today;

	private final SyntheticLsoas lsoas;

	private final GeneratorCodes codes;

	private final ClinicalHistory.Medicines medicines;


	PopulationGenerator(List<PracticeSummary> practices, long seed, LocalDate today) {
		this(practices, seed, today, CodeSets.standard());
	}

	PopulationGenerator(List<PracticeSummary> practices, long seed, LocalDate today, CodeSets codeSets) {
		if (practices.isEmpty()) {
			throw new IllegalArgumentException("The population needs practices to register at");
		}
		this.practices = List.copyOf(practices);
		this.seed = seed;
		this.today = today;
		this.lsoas = new SyntheticLsoas(practices.stream().map(p -> p.postcode().outward()).toList(), seed);
		this.codes = new GeneratorCodes(codeSets);
		this.medicines = ClinicalHistory.Medicines.of(codes);
	}

	SyntheticLsoas lsoas() {
		return lsoas;
	}

	/** Generates {@code size} people, practice by practice, in increasing NHS number order. */
	void generate(int size, Consumer<GeneratedPerson> sink) {
		SplittableRandom listSizes = new SplittableRandom(seed);
		double[] weights = new double[practices.size()];
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			// List sizes vary about threefold between small and large practices
			weights[i] = 0.55 + listSizes.nextDouble();
			total += weights[i];
		}
		SyntheticNhsNumbers nhsNumbers = new SyntheticNhsNumbers();
		long index = 0;
		int remaining = size;
		for (int i = 0; i < practices.size(); i++) {
			int count = i == practices.size() - 1 ? remaining
					: (int) Math.min(remaining, Math.round(size * weights[i] / total));
			remaining -= count;
			PracticeSummary practice = practices.get(i);
			for (int n = 0; n < count; n++) {
				// registrations are drawn from a random of their own, so the people and records stay as they were
				SplittableRandom registration = new SplittableRandom(mix(~seed, index));
				sink.accept(person(new SplittableRandom(mix(seed, index++)), registration, nhsNumbers.next(), practice));
			}
		}
	}

	private static long mix(long seed, long index) {
		long z = seed * 0x9E3779B97F4A7C15L + index;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private GeneratedPerson person(SplittableRandom random, SplittableRandom registration, String nhsNumber,
			PracticeSummary practice) {
		int band = Draw.weighted(random, AGE_BANDS);
		int age = band == AGE_BANDS.length - 1 ? 90 + Math.min(Draw.poisson(random, 3.0), 14)
				: band * 5 + random.nextInt(5);
		LocalDate dateOfBirth = today.minusYears(age).minusDays(1 + random.nextInt(364));
		// More women than men in old age (ONS mid-year estimates)
		double femaleShare = age >= 85 ? 0.62 : age >= 70 ? 0.54 : 0.5;
		Sex sex = Draw.chance(random, femaleShare) ? Sex.FEMALE : Sex.MALE;

		String district = homeDistrict(random, practice);
		List<SyntheticLsoas.Lsoa> areas = lsoas.inDistrict(district);
		SyntheticLsoas.Lsoa lsoa = areas.get(random.nextInt(areas.size()));
		String postcode = district + " " + (1 + random.nextInt(9)) + INWARD_LETTERS.charAt(random.nextInt(20))
				+ INWARD_LETTERS.charAt(random.nextInt(20));
		Ethnicity ethnicity = Ethnicity.values()[Draw.weighted(random,
				ETHNICITY_BY_DISTRICT.getOrDefault(district, ETHNICITY_DEFAULT))];
		String given = SyntheticNames.given(random, ethnicity, sex);
		String family = SyntheticNames.family(random, ethnicity);

		LocalDate dateOfDeath = dateOfDeath(random, age, dateOfBirth);
		Registration registered = registration(registration, dateOfBirth, dateOfDeath);
		LocalDate recordEnd = dateOfDeath != null ? dateOfDeath
				: registered.until() != null ? registered.until() : today;
		CodedRecord record = new ClinicalHistory(random, codes, medicines, age, sex, ethnicity, lsoa.imdDecile(),
				recordEnd)
			.build();
		return new GeneratedPerson(nhsNumber, given, family, dateOfBirth, sex, ethnicity, postcode, lsoa.code(),
				lsoa.imdDecile(), practice.odsCode().value(), dateOfDeath, registered.from(), registered.until(), record);
	}

	/** Deaths in the last two years stay on the record with their date (registrations end at death). */
	private @Nullable LocalDate dateOfDeath(SplittableRandom random, int age, LocalDate dateOfBirth) {
		double deathChance = age >= 85 ? 0.06 : age >= 75 ? 0.025 : age >= 65 ? 0.01 : 0.001;
		LocalDate dateOfDeath = Draw.chance(random, deathChance) ? today.minusDays(1 + random.nextInt(730)) : null;
		return dateOfDeath != null && !dateOfDeath.isAfter(dateOfBirth) ? null : dateOfDeath;
	}

	private record Registration(LocalDate from, @Nullable LocalDate until) {
	}

	/**
	 * The registration: the list changes over two years, some joining and some leaving (the project's own shares);
	 * the record comes with the person (GP2GP), so it may start before the registration.
	 */
	private Registration registration(SplittableRandom random, LocalDate dateOfBirth, @Nullable LocalDate dateOfDeath) {
		LocalDate registeredFrom = Draw.chance(random, JOINED_IN_TWO_YEARS) ? today.minusDays(1 + random.nextInt(730))
				: today.minusDays(731 + random.nextInt(30 * 365));
		if (registeredFrom.isBefore(dateOfBirth)) {
			registeredFrom = dateOfBirth;
		}
		LocalDate registeredUntil = null;
		if (dateOfDeath == null && Draw.chance(random, LEFT_IN_TWO_YEARS)) {
			LocalDate left = today.minusDays(1 + random.nextInt(730));
			registeredUntil = left.isBefore(registeredFrom) ? null : left;
		}
		return new Registration(registeredFrom, registeredUntil);
	}

	/** Most people live in the practice's own postcode district; some in a neighbouring practice's district. */
	private String homeDistrict(SplittableRandom random, PracticeSummary practice) {
		if (Draw.chance(random, 0.8)) {
			return practice.postcode().outward();
		}
		List<PracticeSummary> sameSite = new ArrayList<>();
		for (PracticeSummary other : practices) {
			if (other.siteCode().equals(practice.siteCode())) {
				sameSite.add(other);
			}
		}
		return sameSite.get(random.nextInt(sameSite.size())).postcode().outward();
	}


}
