package uk.nhs.bob.primarycare.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A neighbourhood site as stored, for the administrators' forms (reads for other modules go through
 * {@link Directory}). Users' scopes and other modules hold the code, so it never changes after the site is added.
 */
@Entity
@Table(schema = "directory", name = "neighbourhood_site")
class NeighbourhoodSite {

	@Id
	private String code;

	private String name;

	private String placeCode;

	// a wrapper type, so Spring Data sees a site without a version as new and inserts it rather than merging
	@Version
	private @Nullable Long version;

	protected NeighbourhoodSite() {
		this.code = "";
		this.name = "";
		this.placeCode = "";
	}

	NeighbourhoodSite(SiteDetails details) {
		this.code = details.code();
		this.name = details.name();
		this.placeCode = details.placeCode();
	}

	void apply(SiteDetails details) {
		this.name = details.name();
		this.placeCode = details.placeCode();
	}

	long version() {
		return version == null ? 0 : version;
	}

}
