package uk.nhs.bob.primarycare.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** One of the strategy's three workstreams (same-day care, INTs, CVD prevention); seeded by the V2 migration. */
@Entity
@Table(schema = "programme", name = "workstream")
class Workstream {

	@Id
	private String code;

	private String name;

	private String description;

	private int displayOrder;

	@Version
	private @Nullable Long version;

	protected Workstream() {
		this.code = "";
		this.name = "";
		this.description = "";
	}

	String code() {
		return code;
	}

	String name() {
		return name;
	}

	String description() {
		return description;
	}

	int displayOrder() {
		return displayOrder;
	}

	long version() {
		return version == null ? 0 : version;
	}

	void rename(String name, String description) {
		this.name = name;
		this.description = description;
	}

}
