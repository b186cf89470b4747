package uk.nhs.bob.primarycare.programme.improvement;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A site's improvement work in one workstream (the IHI Model for Improvement): its aim (what, how much, by when) and
 * its current IHI progress score. Its driver diagram, measures and PDSA cycles refer to it; the local action team
 * belongs to the site and is shared by its workstreams.
 */
@Entity
@Table(schema = "programme", name = "project")
public class Project {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long siteId;

	private String workstreamCode;

	private String aimWhat = "";

	private String aimHowMuch = "";

	private @Nullable LocalDate aimByWhen;

	private @Nullable BigDecimal progressScore;

	@Version
	private @Nullable Long version;

	protected Project() {
		this.workstreamCode = "";
	}

	public Project(long siteId, String workstreamCode) {
		this.siteId = siteId;
		this.workstreamCode = workstreamCode;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public long siteId() {
		return siteId;
	}

	public String workstreamCode() {
		return workstreamCode;
	}

	public String aimWhat() {
		return aimWhat;
	}

	public String aimHowMuch() {
		return aimHowMuch;
	}

	public @Nullable LocalDate aimByWhen() {
		return aimByWhen;
	}

	public @Nullable BigDecimal progressScore() {
		return progressScore;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public void changeAim(String what, String howMuch, LocalDate byWhen) {
		this.aimWhat = what;
		this.aimHowMuch = howMuch;
		this.aimByWhen = byWhen;
	}

	public void score(BigDecimal score) {
		this.progressScore = score;
	}

}
