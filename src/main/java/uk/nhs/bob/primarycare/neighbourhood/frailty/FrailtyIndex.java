package uk.nhs.bob.primarycare.neighbourhood.frailty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.ClusterSet;

/**
 * The electronic Frailty Index (Clegg A et al. Age Ageing 2016;45:353; docs/neighbourhood.md): 36 deficits found in
 * the coded record, score = deficits / 36, for people aged 65 and over. Each deficit is a published code set (a
 * {@link Cluster} of the terminology module) named in {@code efi-deficits.tsv} (versioned data), except polypharmacy.
 * Thread-safe and immutable once loaded.
 */
public final class FrailtyIndex {

	static final int DEFICIT_COUNT = 36;

	static final int MINIMUM_AGE = 65;

	static final String RESOURCE = "efi-deficits.tsv";

	/** One deficit: its number (1-36), name and how it is found (its code set, or a count of medicines). */
	public record Deficit(int number, String name, List<Cluster> clusters, int minimumMedicines) {
	}

	/** The result for one person, with the deficits found (so a page can show why). */
	public record Result(int deficits, double score, FrailtyCategory category, List<Deficit> found, String ruleVersion) {

		public String scoreText() {
			return String.format(java.util.Locale.UK, "%.2f", score);
		}

		public String explanation() {
			return category.label() + ": eFI " + scoreText() + " (" + deficits + " of " + DEFICIT_COUNT
					+ " deficits; " + ruleVersion + ")";
		}

	}

	private final String version;

	private final List<Deficit> deficits;

	/** Every deficit's cluster, to skip problems in none of them at once. */
	private final ClusterSet deficitClusters;

	/** The clusters of each deficit (empty for polypharmacy), by 0-based index. */
	private final ClusterSet[] clusters;

	private final int polypharmacyIndex;

	private final int polypharmacyThreshold;

	private FrailtyIndex(String version, List<Deficit> deficits) {
		if (deficits.size() != DEFICIT_COUNT) {
			throw new IllegalStateException("The eFI has 36 deficits; the code set file has " + deficits.size());
		}
		this.version = version;
		this.deficits = List.copyOf(deficits);
		this.clusters = new ClusterSet[deficits.size()];
		ClusterSet all = ClusterSet.EMPTY;
		int poly = -1;
		int threshold = 0;
		for (int i = 0; i < deficits.size(); i++) {
			Deficit deficit = deficits.get(i);
			if (deficit.number() != i + 1) {
				throw new IllegalStateException("eFI deficits must be numbered 1 to 36 in order");
			}
			clusters[i] = ClusterSet.of(deficit.clusters().toArray(Cluster[]::new));
			all = all.union(clusters[i]);
			if (deficit.minimumMedicines() > 0) {
				poly = i;
				threshold = deficit.minimumMedicines();
			}
		}
		this.deficitClusters = all;
		this.polypharmacyIndex = poly;
		this.polypharmacyThreshold = threshold;
	}

	/** The code sets shipped with the application. */
	static FrailtyIndex standard() {
		try (InputStream in = FrailtyIndex.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			return parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static FrailtyIndex parse(InputStream in) throws IOException {
		String version = null;
		Map<Integer, String> names = new LinkedHashMap<>();
		Map<Integer, List<Cluster>> codeSets = new HashMap<>();
		Map<Integer, Integer> medicines = new HashMap<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("# version\t")) {
				version = line.substring("# version\t".length()).trim();
				continue;
			}
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\t");
			int number = Integer.parseInt(cells[0].trim());
			if (names.containsKey(number)) {
				throw new IllegalStateException("eFI deficit " + number + " appears twice");
			}
			names.put(number, cells[1].trim());
			String rule = cells[2].trim();
			if (rule.startsWith("MEDICINES>=")) {
				medicines.put(number, Integer.parseInt(rule.substring("MEDICINES>=".length())));
			}
			else {
				List<Cluster> named = new ArrayList<>();
				for (String id : rule.split(" ")) {
					Cluster cluster = Cluster.valueOf(id);
					if (cluster.kind() != Cluster.Kind.FRAILTY_DEFICIT && cluster.kind() != Cluster.Kind.CONDITION) {
						throw new IllegalStateException("eFI deficit " + number + " names " + cluster + ", not a diagnosis");
					}
					named.add(cluster);
				}
				codeSets.put(number, List.copyOf(named));
			}
		}
		if (version == null) {
			throw new IllegalStateException("The eFI code set file has no version line");
		}
		List<Deficit> deficits = new ArrayList<>();
		names.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(e -> deficits.add(new Deficit(e.getKey(), e.getValue(),
					codeSets.getOrDefault(e.getKey(), List.of()), medicines.getOrDefault(e.getKey(), 0))));
		return new FrailtyIndex(version, deficits);
	}

	String version() {
		return version;
	}

	List<Deficit> deficits() {
		return deficits;
	}

	Deficit deficit(int number) {
		return deficits.get(number - 1);
	}

	/** The eFI of a record; the caller decides whether the person is old enough ({@link #MINIMUM_AGE}). */
	Result assess(CodedRecord record) {
		BitSet found = foundDeficits(record);
		List<Deficit> list = new ArrayList<>(found.cardinality());
		for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
			list.add(deficits.get(i));
		}
		return result(found.cardinality(), list);
	}

	/** A result from stored deficit numbers, as the frailty register keeps them. */
	public Result result(List<Integer> deficitNumbers) {
		return result(deficitNumbers.size(), deficitNumbers.stream().map(this::deficit).toList());
	}

	private Result result(int count, List<Deficit> found) {
		double score = (double) count / DEFICIT_COUNT;
		return new Result(count, score, FrailtyCategory.of(score), List.copyOf(found), version);
	}

	/** The deficits present (bit i = deficit i + 1): cheap enough to run over millions of records. */
	BitSet foundDeficits(CodedRecord record) {
		BitSet found = new BitSet(DEFICIT_COUNT);
		for (CodedRecord.Problem problem : record.problems()) {
			if (!problem.clusters().intersects(deficitClusters)) {
				continue;
			}
			for (int i = 0; i < clusters.length; i++) {
				if (problem.clusters().intersects(clusters[i])) {
					found.set(i);
				}
			}
		}
		if (polypharmacyIndex >= 0) {
			Set<String> current = new HashSet<>();
			for (CodedRecord.Medication medication : record.medications()) {
				if (medication.current()) {
					current.add(medication.code());
				}
			}
			if (current.size() >= polypharmacyThreshold) {
				found.set(polypharmacyIndex);
			}
		}
		return found;
	}

}
