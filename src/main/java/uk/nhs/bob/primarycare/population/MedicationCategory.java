package uk.nhs.bob.primarycare.population;

import java.util.List;

import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.ClusterSet;

/**
 * Groups of medicines the risk tools and rules ask about, each the union of published dm+d lists: statins and other
 * lipid-lowering therapy (NICE NG238), antihypertensives (QRISK3 treated hypertension), anticoagulants (NICE NG196),
 * atypical antipsychotics and oral corticosteroids (QRISK3 inputs). A medicine coded in another system (RxNorm) is
 * grouped only by the project's own name mapping ({@code population/record-codes.csv}), and says so.
 */
public enum MedicationCategory {

	STATIN("Statin", Cluster.STAT_COD),
	LIPID_LOWERING("Lipid-lowering", Cluster.STAT_COD, Cluster.LLT),
	ANTIHYPERTENSIVE("Antihypertensive", Cluster.ANTIHYPERTENSIVE, Cluster.ACE_COD, Cluster.AII_COD, Cluster.CCB,
			Cluster.BETA_BLOCKER, Cluster.DIURETIC),
	ANTICOAGULANT("Anticoagulant", Cluster.ANTICOAGULANT, Cluster.DOAC, Cluster.WARFARIN),
	ATYPICAL_ANTIPSYCHOTIC("Atypical antipsychotic", Cluster.ATYPICAL_ANTIPSYCHOTIC),
	ORAL_CORTICOSTEROID("Oral corticosteroid", Cluster.ORAL_STEROID);

	private final String label;

	private final List<Cluster> clusters;

	private final ClusterSet clusterSet;

	MedicationCategory(String label, Cluster... clusters) {
		this.label = label;
		this.clusters = List.of(clusters);
		this.clusterSet = ClusterSet.of(clusters);
	}

	public String label() {
		return label;
	}

	/** The published lists whose codes are in this group. */
	public List<Cluster> clusters() {
		return clusters;
	}

	/** The groups a dm+d/SNOMED CT medicine's clusters put it in, as a bit mask of ordinals. */
	static int maskOf(ClusterSet medicineClusters) {
		int mask = 0;
		for (MedicationCategory category : values()) {
			if (medicineClusters.intersects(category.clusterSet)) {
				mask |= 1 << category.ordinal();
			}
		}
		return mask;
	}

}
