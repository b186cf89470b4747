package uk.nhs.bob.primarycare.terminology;

/**
 * Where a cluster's codes come from: the published file (its source, version and licence are in
 * {@code codesets/SOURCES.md} beside it), the cluster's title and how many codes it holds.
 */
public record CodeSetFile(Cluster cluster, String file, String title, int codes) {
}
