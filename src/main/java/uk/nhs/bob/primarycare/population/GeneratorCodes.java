package uk.nhs.bob.primarycare.population;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.ClusterSet;
import uk.nhs.bob.primarycare.terminology.CodeSetEntry;
import uk.nhs.bob.primarycare.terminology.CodeSets;

/**
 * The codes the synthetic population is recorded with, drawn from the same published clusters the rules read, so
 * demo records use many codes per condition as real practices do. Each list is chosen once: a diagnosis is drawn
 * only from codes that put a person on no other register (so a generated diabetic is not also put on the CKD
 * register by a "CKD due to diabetes" code), and terms about pregnancy are left out of adult conditions. Medicines
 * are drawn from the dm+d lists by the product name they are prescribed as (every AMP and the VMP of it).
 */
final class GeneratorCodes {

	private static final List<String> PREGNANCY_WORDS = List.of("pregnan", "childbirth", "puerper", "gestation",
			"eclampsia", "fetal", "fetus", "neonat", "mother", "postpartum", "labour", "labor ", "delivery",
			"maternal", "obstetric");

	/** The clusters a generated diagnosis must not fall into unless it is the one drawn for. */
	private static final ClusterSet REGISTER_CLUSTERS;

	static {
		ClusterSet set = ClusterSet.EMPTY;
		for (Register register : Register.values()) {
			for (Cluster cluster : register.diagnosisClusters()) {
				set = set.with(cluster);
			}
			for (Cluster cluster : register.resolvedClusters()) {
				set = set.with(cluster);
			}
		}
		REGISTER_CLUSTERS = set.with(Cluster.FHYPGEN_COD);
	}

	private final CodeSets codeSets;

	private final Map<Cluster, List<CodeSetEntry>> conditions = new EnumMap<>(Cluster.class);

	GeneratorCodes(CodeSets codeSets) {
		this.codeSets = codeSets;
	}

	/** A code of a diagnosis cluster that is in no other register cluster (those given as allowed excepted). */
	CodeSetEntry condition(SplittableRandom random, Cluster cluster, Cluster... allowed) {
		List<CodeSetEntry> candidates = conditions.computeIfAbsent(cluster, c -> {
			ClusterSet ok = ClusterSet.of(allowed).with(c);
			List<CodeSetEntry> list = codeSets.entries(c).stream().filter(e -> {
				ClusterSet clusters = codeSets.clustersOf(e.code());
				for (Cluster other : clusters.clusters()) {
					if (REGISTER_CLUSTERS.contains(other) && !ok.contains(other)) {
						return false;
					}
				}
				return !pregnancy(e.term());
			}).toList();
			if (list.isEmpty()) {
				throw new IllegalStateException("No code of " + c + " fits a generated record");
			}
			return list;
		});
		return candidates.get(random.nextInt(candidates.size()));
	}

	/** The first code of a cluster's list (no random draw). */
	CodeSetEntry first(Cluster cluster) {
		return codeSets.entries(cluster).get(0);
	}

	/** Any code of a cluster whose term passes the filter. */
	CodeSetEntry any(SplittableRandom random, Cluster cluster, Predicate<String> term) {
		List<CodeSetEntry> candidates = codeSets.entries(cluster).stream().filter(e -> term.test(e.term())).toList();
		if (candidates.isEmpty()) {
			throw new IllegalStateException("No code of " + cluster + " fits the generator's filter");
		}
		return candidates.get(random.nextInt(candidates.size()));
	}

	/** A list of the codes of a cluster whose term starts with a prescribed product name, for repeated draws. */
	Medicine medicine(Cluster cluster, String product) {
		String prefix = product.toLowerCase(Locale.ROOT);
		List<CodeSetEntry> candidates = codeSets.entries(cluster)
			.stream()
			.filter(e -> e.term().toLowerCase(Locale.ROOT).startsWith(prefix))
			.toList();
		if (candidates.isEmpty()) {
			throw new IllegalStateException("No " + product + " in " + cluster);
		}
		return new Medicine(product, candidates);
	}

	/** A prescribed product and its dm+d codes (the VMP and its AMPs). */
	record Medicine(String name, List<CodeSetEntry> codes) {

		String code(SplittableRandom random) {
			return codes.get(random.nextInt(codes.size())).code();
		}

	}

	private static boolean pregnancy(String term) {
		String lower = term.toLowerCase(Locale.ROOT);
		return PREGNANCY_WORDS.stream().anyMatch(lower::contains);
	}

}
