package uk.nhs.bob.primarycare.directory;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.shared.PostcodeConverter;

/**
 * A GP practice as stored, for the administrators' forms (reads for other modules go through {@link Directory}). The
 * ODS code is the identity other modules hold, so it never changes after the practice is added.
 */
@Entity
@Table(schema = "directory", name = "practice")
class GpPractice {

	@Id
	private String odsCode;

	private String name;

	@Convert(converter = PostcodeConverter.class)
	private @Nullable Postcode postcode;

	private String pcnCode;

	// a wrapper type, so Spring Data sees a practice without a version as new and inserts it rather than merging
	@Version
	private @Nullable Long version;

	protected GpPractice() {
		this.odsCode = "";
		this.name = "";
		this.pcnCode = "";
	}

	GpPractice(PracticeDetails details) {
		this.odsCode = details.odsCode().value();
		this.name = details.name();
		this.postcode = details.postcode();
		this.pcnCode = details.pcnCode();
	}

	void apply(PracticeDetails details) {
		this.name = details.name();
		this.postcode = details.postcode();
		this.pcnCode = details.pcnCode();
	}

	String name() {
		return name;
	}

	long version() {
		return version == null ? 0 : version;
	}

}
