package uk.nhs.bob.primarycare.programme;

/**
 * A form that edits something with a version: after a stale edit it is shown again as typed with the latest version,
 * so saving it again knowingly replaces the other change.
 */
public interface VersionedForm<F> {

	F withVersion(long latest);

}
