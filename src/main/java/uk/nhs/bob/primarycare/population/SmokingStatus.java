package uk.nhs.bob.primarycare.population;

import java.util.Optional;

import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.ClusterSet;

/**
 * Smoking status, recognised by the current smoker (LSMOK_COD), ex-smoker (EXSMOK_COD) and never-smoked clusters.
 */
public enum SmokingStatus {

	SMOKER(Cluster.LSMOK_COD, "Smoker"), EX_SMOKER(Cluster.EXSMOK_COD, "Ex-smoker"),
	NEVER_SMOKED(Cluster.NSMOK, "Never smoked");

	private final Cluster cluster;

	private final String label;

	SmokingStatus(Cluster cluster, String label) {
		this.cluster = cluster;
		this.label = label;
	}

	public Cluster cluster() {
		return cluster;
	}

	public String label() {
		return label;
	}

	/** The status a code's clusters stand for (a current-smoker code wins over an ex-smoker one). */
	public static Optional<SmokingStatus> of(ClusterSet clusters) {
		for (SmokingStatus status : values()) {
			if (clusters.contains(status.cluster)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
