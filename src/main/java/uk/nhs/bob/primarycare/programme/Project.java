package uk.nhs.bob.primarycare.programme;

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
 * A site's improvement work in one workstream (the Model for Improvement, DOMAIN.md C): its local action team's
 * leadership and governance, its aim (what, how much, by when) and its current IHI progress score.
 */
@Entity
@Table(schema = "programme", name = "project")
class Project {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long siteId;

	private String workstreamCode;

	private String teamLead = "";

	private String clinicalLead = "";

	private String footprintNote = "";

	private String accountableBody = "";

	private String responsibleTeam = "";

	private String aimWhat = "";

	private String aimHowMuch = "";

	private @Nullable LocalDate aimByWhen;

	private @Nullable BigDecimal progressScore;

	@Version
	private @Nullable Long version;

	protected Project() {
		this.workstreamCode = "";
	}

	Project(long siteId, String workstreamCode, String accountableBody, String responsibleTeam) {
		this.siteId = siteId;
		this.workstreamCode = workstreamCode;
		this.accountableBody = accountableBody;
		this.responsibleTeam = responsibleTeam;
	}

	long id() {
		return id == null ? 0 : id;
	}

	long siteId() {
		return siteId;
	}

	String workstreamCode() {
		return workstreamCode;
	}

	String teamLead() {
		return teamLead;
	}

	String clinicalLead() {
		return clinicalLead;
	}

	String footprintNote() {
		return footprintNote;
	}

	String accountableBody() {
		return accountableBody;
	}

	String responsibleTeam() {
		return responsibleTeam;
	}

	String aimWhat() {
		return aimWhat;
	}

	String aimHowMuch() {
		return aimHowMuch;
	}

	@Nullable LocalDate aimByWhen() {
		return aimByWhen;
	}

	@Nullable BigDecimal progressScore() {
		return progressScore;
	}

	long version() {
		return version == null ? 0 : version;
	}

	void changeTeam(String teamLead, String clinicalLead, String footprintNote, String accountableBody,
			String responsibleTeam) {
		this.teamLead = teamLead;
		this.clinicalLead = clinicalLead;
		this.footprintNote = footprintNote;
		this.accountableBody = accountableBody;
		this.responsibleTeam = responsibleTeam;
	}

	void changeAim(String what, String howMuch, LocalDate byWhen) {
		this.aimWhat = what;
		this.aimHowMuch = howMuch;
		this.aimByWhen = byWhen;
	}

	void score(BigDecimal score) {
		this.progressScore = score;
	}

}
