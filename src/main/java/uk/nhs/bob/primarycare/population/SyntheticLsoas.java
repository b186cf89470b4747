package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic LSOAs for the postcode districts the demo practices serve. Most of BOB is affluent (Oxfordshire is the
 * 10th least deprived upper-tier authority), with pockets in national deciles 1-2: Oxford's Leys, Blackbird Leys
 * and Rose Hill, Banbury, central Reading, High Wycombe and Aylesbury (Oxfordshire Insight JSNA bitesize on IMD 2019).
 * Codes use the unissued range E0199xxxx so they can never be mistaken for real LSOAs.
 */
final class SyntheticLsoas {

	static final String IMD_VERSION = "IMD2019";

	/** Districts with deprived pockets and the neighbourhoods their LSOAs are named after. */
	private static final Map<String, List<String>> DEPRIVED_POCKETS = Map.ofEntries(
			Map.entry("OX4", List.of("Blackbird Leys", "Greater Leys", "Northfield Brook", "Rose Hill", "Littlemore",
					"Cowley", "Iffley", "Temple Cowley")),
			Map.entry("OX16", List.of("Ruscote", "Grimsbury", "Neithrop", "Easington", "Hardwick", "Calthorpe")),
			Map.entry("RG1", List.of("Abbey", "Katesgrove", "Battle", "Redlands", "Park", "Castle Hill")),
			Map.entry("RG2", List.of("Whitley", "South Reading", "Coley Park", "Northumberland Avenue", "Shinfield Road",
					"Whitley Wood")),
			Map.entry("RG30", List.of("Southcote", "Norcot", "Coley", "Tilehurst Triangle", "Oxford Road West",
					"Burghfield Road")),
			Map.entry("HP13", List.of("Totteridge", "Micklefield", "Bowerdean", "Terriers", "Wycombe Marsh",
					"Disraeli Park")),
			Map.entry("HP12", List.of("Castlefield", "Desborough", "Booker", "Sands", "Cressex", "Ryemead")),
			Map.entry("HP19", List.of("Quarrendon", "Meadowcroft", "Southcourt North", "Prebendal Farm", "Elmhurst",
					"Berryfields")),
			Map.entry("HP21", List.of("Southcourt", "Walton Court", "Bedgrove", "Stoke Mandeville Road",
					"Hawkslade", "Fairford Leys")));

	// Share of LSOAs in each national IMD decile (index 0 = decile 1). Deprived-pocket districts still hold affluent
	// streets; the rest of BOB sits mostly in deciles 6-10 (JSNA: 17 of Oxfordshire's 407 LSOAs in deciles 1-2).
	private static final double[] POCKET_DECILES = { 6, 10, 13, 13, 12, 12, 11, 9, 8, 6 };

	private static final double[] AFFLUENT_DECILES = { 0, 0.5, 1.5, 4, 8, 12, 16, 19, 20, 19 };

	record Lsoa(String code, String name, String postcodeDistrict, int imdDecile, BigDecimal townsendScore) {
	}

	private final Map<String, List<Lsoa>> byDistrict = new LinkedHashMap<>();

	SyntheticLsoas(List<String> districts, long seed) {
		int next = 1;
		for (String district : districts) {
			if (byDistrict.containsKey(district)) {
				continue;
			}
			SplittableRandom random = new SplittableRandom(seed * 31 + district.hashCode());
			List<String> pocketNames = DEPRIVED_POCKETS.get(district);
			boolean pocket = pocketNames != null;
			int count = pocket ? pocketNames.size() : 5;
			List<Lsoa> lsoas = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				// The first LSOA of a pocket district is the pocket itself: decile 1 or 2
				int decile = pocket && i == 0 ? 1 + random.nextInt(2)
						: 1 + Draw.weighted(random, pocket ? POCKET_DECILES : AFFLUENT_DECILES);
				String name = (pocket ? pocketNames.get(i) : district + " area " + (char) ('A' + i)) + " (" + district
						+ ")";
				lsoas.add(new Lsoa(String.format("E0199%04d", next++), name, district, decile,
						townsend(decile, random)));
			}
			byDistrict.put(district, List.copyOf(lsoas));
		}
	}

	/**
	 * A Townsend score consistent with the IMD decile: the two measures correlate strongly, scores run from about -5
	 * (affluent) to +8 (deprived) across English LSOAs, and 0 is the national mean.
	 */
	private static BigDecimal townsend(int decile, SplittableRandom random) {
		double score = 5.5 - 1.05 * (decile - 1) + (random.nextDouble() - 0.5) * 1.4;
		return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
	}

	List<Lsoa> all() {
		return byDistrict.values().stream().flatMap(List::stream).toList();
	}

	List<Lsoa> inDistrict(String district) {
		return byDistrict.getOrDefault(district, List.of());
	}

}
