package uk.nhs.bob.primarycare.programme.cohorts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** One of the strategy's three workstreams (same-day care, INTs, CVD prevention); seeded by the V2 migration. */
@Entity
@Table(schema = "programme", name = "workstream")
public class Workstream {

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

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	public String description() {
		return description;
	}

	public int displayOrder() {
		return displayOrder;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public void rename(String name, String description) {
		this.name = name;
		this.description = description;
	}

}
