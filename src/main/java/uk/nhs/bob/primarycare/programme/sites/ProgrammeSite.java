package uk.nhs.bob.primarycare.programme.sites;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A programme site: a neighbourhood-level team (a PCN, several PCNs together or another local footprint) in one
 * Place. Its footprint is a set of directory codes, so the other modules' events, which carry the directory
 * neighbourhood site code, count for every programme site whose footprint includes that site. The site has one local
 * action team, shared by its workstreams: its leadership and governance are here, its members in
 * {@code team_member}. A site that leaves the programme is retired, never deleted.
 */
@Entity
@Table(schema = "programme", name = "programme_site")
public class ProgrammeSite {

	public enum FootprintKind {

		SITE, PCN

	}

	@Embeddable
	public record FootprintCode(@Enumerated(EnumType.STRING) @Column(name = "kind") FootprintKind kind,
			@Column(name = "code") String code) {
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	private String placeCode;

	private String description;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(schema = "programme", name = "site_footprint", joinColumns = @JoinColumn(name = "site_id"))
	private Set<FootprintCode> footprint = new LinkedHashSet<>();

	private String teamLead = "";

	private String clinicalLead = "";

	private String teamFootprintNote = "";

	private String accountableBody = "";

	private String responsibleTeam = "";

	private @Nullable LocalDate retiredOn;

	private @Nullable String retiredBy;

	private @Nullable String retiredReason;

	@Version
	private @Nullable Long version;

	protected ProgrammeSite() {
		this.name = "";
		this.placeCode = "";
		this.description = "";
	}

	public ProgrammeSite(String name, String placeCode, String description, Set<FootprintCode> footprint,
			String accountableBody, String responsibleTeam) {
		this.name = name;
		this.placeCode = placeCode;
		this.description = description;
		this.footprint = new LinkedHashSet<>(footprint);
		this.accountableBody = accountableBody;
		this.responsibleTeam = responsibleTeam;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public String name() {
		return name;
	}

	public String placeCode() {
		return placeCode;
	}

	public String description() {
		return description;
	}

	public Set<FootprintCode> footprint() {
		return Set.copyOf(footprint);
	}

	public String teamLead() {
		return teamLead;
	}

	public String clinicalLead() {
		return clinicalLead;
	}

	String teamFootprintNote() {
		return teamFootprintNote;
	}

	public String accountableBody() {
		return accountableBody;
	}

	public String responsibleTeam() {
		return responsibleTeam;
	}

	public boolean retired() {
		return retiredOn != null;
	}

	public @Nullable LocalDate retiredOn() {
		return retiredOn;
	}

	@Nullable String retiredBy() {
		return retiredBy;
	}

	public @Nullable String retiredReason() {
		return retiredReason;
	}

	void changeTeam(String teamLead, String clinicalLead, String teamFootprintNote, String accountableBody,
			String responsibleTeam) {
		this.teamLead = teamLead;
		this.clinicalLead = clinicalLead;
		this.teamFootprintNote = teamFootprintNote;
		this.accountableBody = accountableBody;
		this.responsibleTeam = responsibleTeam;
	}

	public void retire(LocalDate on, String by, String reason) {
		this.retiredOn = on;
		this.retiredBy = by;
		this.retiredReason = reason;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public void change(String name, String description, Set<FootprintCode> footprint) {
		this.name = name;
		this.description = description;
		this.footprint.clear();
		this.footprint.addAll(footprint);
	}

}
