package uk.nhs.bob.primarycare.neighbourhood.candidates;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyCategory;
import uk.nhs.bob.primarycare.population.Register;

/**
 * Who a team looks for: a person qualifies when every criterion that is set holds (at least one is). A team wanting
 * moderate or severe frailty, or else three or more conditions with an unplanned admission, keeps two definitions.
 */
@Entity
@Table(schema = "neighbourhood", name = "cohort_definition")
public class CohortDefinition {

	@Id
	private UUID id;

	private UUID teamId;

	private String name;

	@Enumerated(EnumType.STRING)
	private @Nullable FrailtyCategory minimumFrailty;

	private @Nullable Integer minimumLongTermConditions;

	private boolean unplannedAdmissionRequired;

	/** Limit to IMD quintiles 1..n (1 = the most deprived 20%, Core20: NHS England Core20PLUS5). */
	private @Nullable Integer mostDeprivedQuintiles;

	private @Nullable Integer minimumAeAttendances;

	@Enumerated(EnumType.STRING)
	private @Nullable Register register;

	private boolean active;

	@Version
	private @Nullable Long version;

	protected CohortDefinition() {
		this.id = UUID.randomUUID();
		this.teamId = UUID.randomUUID();
		this.name = "";
	}

	public CohortDefinition(UUID teamId, CohortCriteria criteria) {
		this.id = UUID.randomUUID();
		this.teamId = teamId;
		this.active = true;
		apply(criteria);
	}

	void apply(CohortCriteria criteria) {
		this.name = criteria.name();
		this.minimumFrailty = criteria.minimumFrailty();
		this.minimumLongTermConditions = criteria.minimumLongTermConditions();
		this.unplannedAdmissionRequired = criteria.unplannedAdmissionRequired();
		this.mostDeprivedQuintiles = criteria.mostDeprivedQuintiles();
		this.minimumAeAttendances = criteria.minimumAeAttendances();
		this.register = criteria.register();
	}

	public UUID getId() {
		return id;
	}

	UUID getTeamId() {
		return teamId;
	}

	public boolean isActive() {
		return active;
	}

	void retire() {
		this.active = false;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public CohortCriteria criteria() {
		return new CohortCriteria(name, minimumFrailty, minimumLongTermConditions, unplannedAdmissionRequired,
				mostDeprivedQuintiles, minimumAeAttendances, register);
	}

	/** The definition's criteria in words. */
	public List<String> describe() {
		return criteria().describe();
	}

	/** The criteria of a cohort definition, as stored and as the form checks them. */
	public record CohortCriteria(String name, @Nullable FrailtyCategory minimumFrailty,
			@Nullable Integer minimumLongTermConditions, boolean unplannedAdmissionRequired,
			@Nullable Integer mostDeprivedQuintiles, @Nullable Integer minimumAeAttendances,
			@Nullable Register register) {

		public CohortCriteria(String name, @Nullable FrailtyCategory minimumFrailty,
				@Nullable Integer minimumLongTermConditions, boolean unplannedAdmissionRequired,
				@Nullable Integer mostDeprivedQuintiles) {
			this(name, minimumFrailty, minimumLongTermConditions, unplannedAdmissionRequired, mostDeprivedQuintiles,
					null, null);
		}

		List<String> describe() {
			List<String> parts = new ArrayList<>();
			if (minimumFrailty != null) {
				parts.add(minimumFrailty == FrailtyCategory.SEVERE ? "Severe frailty (eFI)"
						: minimumFrailty.label() + " or worse (eFI, people 65 and over)");
			}
			if (minimumLongTermConditions != null) {
				parts.add(minimumLongTermConditions + " or more long-term conditions");
			}
			if (unplannedAdmissionRequired) {
				parts.add("An unplanned admission in the last 12 months");
			}
			if (minimumAeAttendances != null) {
				parts.add(minimumAeAttendances == 1 ? "An A&E attendance in the last 12 months"
						: minimumAeAttendances + " or more A&E attendances in the last 12 months");
			}
			if (register != null) {
				parts.add("On the " + register.title() + " register (" + register.name() + ")");
			}
			if (mostDeprivedQuintiles != null) {
				parts.add(mostDeprivedQuintiles == 1 ? "Living in the most deprived 20% of areas (IMD quintile 1, Core20)"
						: "Living in IMD quintiles 1 to " + mostDeprivedQuintiles);
			}
			return parts;
		}

		boolean matches(Candidates.Profile profile) {
			if (minimumFrailty != null
					&& (profile.category() == null || !profile.category().atLeast(minimumFrailty))) {
				return false;
			}
			if (minimumLongTermConditions != null && profile.longTermConditions() < minimumLongTermConditions) {
				return false;
			}
			if (unplannedAdmissionRequired && profile.unplannedAdmissions() == 0) {
				return false;
			}
			if (minimumAeAttendances != null && profile.aeAttendances() < minimumAeAttendances) {
				return false;
			}
			if (register != null && !profile.registers().contains(register)) {
				return false;
			}
			return mostDeprivedQuintiles == null || profile.imdQuintile() <= mostDeprivedQuintiles;
		}

	}

}
