package uk.nhs.bob.primarycare.terminology;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable set of {@link Cluster}s held as two words of bits: what a code belongs to, asked millions of times in
 * a population refresh, answered without allocating.
 */
public final class ClusterSet {

	private static final Cluster[] CLUSTERS = Cluster.values();

	public static final ClusterSet EMPTY = new ClusterSet(0, 0);

	static {
		if (CLUSTERS.length > 128) {
			throw new IllegalStateException("A ClusterSet holds 128 clusters; there are " + CLUSTERS.length);
		}
	}

	private final long low;

	private final long high;

	private ClusterSet(long low, long high) {
		this.low = low;
		this.high = high;
	}

	public static ClusterSet of(Cluster... clusters) {
		ClusterSet set = EMPTY;
		for (Cluster cluster : clusters) {
			set = set.with(cluster);
		}
		return set;
	}

	public ClusterSet with(Cluster cluster) {
		int bit = cluster.ordinal();
		return bit < 64 ? new ClusterSet(low | (1L << bit), high) : new ClusterSet(low, high | (1L << (bit - 64)));
	}

	public ClusterSet union(ClusterSet other) {
		return new ClusterSet(low | other.low, high | other.high);
	}

	public boolean contains(Cluster cluster) {
		int bit = cluster.ordinal();
		return bit < 64 ? (low & (1L << bit)) != 0 : (high & (1L << (bit - 64))) != 0;
	}

	/** Whether this set and the other have a cluster in common. */
	public boolean intersects(ClusterSet other) {
		return (low & other.low) != 0 || (high & other.high) != 0;
	}

	public boolean isEmpty() {
		return low == 0 && high == 0;
	}

	/** The clusters, in the order of {@link Cluster}. */
	public List<Cluster> clusters() {
		List<Cluster> clusters = new ArrayList<>();
		for (Cluster cluster : CLUSTERS) {
			if (contains(cluster)) {
				clusters.add(cluster);
			}
		}
		return clusters;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ClusterSet set && set.low == low && set.high == high;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(low) * 31 + Long.hashCode(high);
	}

	@Override
	public String toString() {
		return clusters().toString();
	}

}
