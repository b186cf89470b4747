package uk.nhs.bob.primarycare.programme.cohorts;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A phase of a workstream: a cohort of sites with the most it takes from each Place, or a mobilisation phase that
 * enrols none ({@code maxSitesPerPlace} 0).
 */
@Entity
@Table(schema = "programme", name = "cohort")
public class Cohort {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String workstreamCode;

	private String name;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private int maxSitesPerPlace;

	private String description;

	@Version
	private @Nullable Long version;

	protected Cohort() {
		this.workstreamCode = "";
		this.name = "";
		this.startsOn = LocalDate.MIN;
		this.endsOn = LocalDate.MIN;
		this.description = "";
	}

	public Cohort(String workstreamCode, String name, LocalDate startsOn, LocalDate endsOn, int maxSitesPerPlace,
			String description) {
		this.workstreamCode = workstreamCode;
		this.name = name;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.maxSitesPerPlace = maxSitesPerPlace;
		this.description = description;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public String workstreamCode() {
		return workstreamCode;
	}

	public String name() {
		return name;
	}

	public LocalDate startsOn() {
		return startsOn;
	}

	public LocalDate endsOn() {
		return endsOn;
	}

	public int maxSitesPerPlace() {
		return maxSitesPerPlace;
	}

	public String description() {
		return description;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public void change(String name, LocalDate startsOn, LocalDate endsOn, int maxSitesPerPlace, String description) {
		this.name = name;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.maxSitesPerPlace = maxSitesPerPlace;
		this.description = description;
	}

	/** Whether the cohort ended before the given day: no site can join it any more. */
	public boolean finished(LocalDate today) {
		return today.isAfter(endsOn);
	}

	/** Planned, running or finished on the given day. */
	public String status(LocalDate today) {
		if (today.isBefore(startsOn)) {
			return "Planned";
		}
		return today.isAfter(endsOn) ? "Finished" : "Running";
	}

}
