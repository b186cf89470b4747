package uk.nhs.bob.primarycare.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A Primary Care Network as stored, for the administrators' forms (reads for other modules go through
 * {@link Directory}). The ODS code is the identity practices and users' scopes hold, so it never changes after the
 * PCN is added; its site can change, which moves its practices to another hub and INT.
 */
@Entity
@Table(schema = "directory", name = "pcn")
class PrimaryCareNetwork {

	@Id
	private String odsCode;

	private String name;

	private String siteCode;

	// a wrapper type, so Spring Data sees a PCN without a version as new and inserts it rather than merging
	@Version
	private @Nullable Long version;

	protected PrimaryCareNetwork() {
		this.odsCode = "";
		this.name = "";
		this.siteCode = "";
	}

	PrimaryCareNetwork(PcnDetails details) {
		this.odsCode = details.odsCode().value();
		this.name = details.name();
		this.siteCode = details.siteCode();
	}

	void apply(PcnDetails details) {
		this.name = details.name();
		this.siteCode = details.siteCode();
	}

	long version() {
		return version == null ? 0 : version;
	}

}
