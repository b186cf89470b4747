package uk.nhs.bob.primarycare.programme.cohorts;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.DateFields;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.FormDates;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/** A cohort's name, dates and the most sites it takes from each Place (0 for a phase that enrols none). */
@DateFields({ @DateFields.Date(value = "start", message = "Enter a real start date, for example 1 3 2027"),
		@DateFields.Date(value = "end", message = "Enter a real end date, for example 31 8 2027") })
record CohortForm(@NotBlank(message = "Enter the cohort name") @Size(max = 120, message = "Name must be 120 characters or fewer") @Nullable String name,
		@Nullable String startDay, @Nullable String startMonth, @Nullable String startYear, @Nullable String endDay,
		@Nullable String endMonth, @Nullable String endYear,
		@NotBlank(message = "Enter the most sites from each Place, a whole number from 0 to 50") @Pattern(regexp = "^\\s*0*([0-9]|[1-4][0-9]|50)\\s*$", message = "Enter the most sites from each Place, a whole number from 0 to 50") @Nullable String maxSitesPerPlace,
		@Size(max = 2000, message = "Description must be 2000 characters or fewer") @Nullable String description,
		@NotNull(groups = Editing.class, message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<CohortForm> {

	static CohortForm empty() {
		return new CohortForm("", "", "", "", "", "", "", "3", "", null);
	}

	static CohortForm of(Cohort cohort) {
		return new CohortForm(cohort.name(), FormDates.day(cohort.startsOn()), FormDates.month(cohort.startsOn()),
				FormDates.year(cohort.startsOn()), FormDates.day(cohort.endsOn()), FormDates.month(cohort.endsOn()),
				FormDates.year(cohort.endsOn()), String.valueOf(cohort.maxSitesPerPlace()), cohort.description(), cohort.version());
	}

	@Override
	public CohortForm withVersion(long latest) {
		return new CohortForm(name, startDay, startMonth, startYear, endDay, endMonth, endYear, maxSitesPerPlace,
				description, latest);
	}

	int maxSites() {
		return Integer.parseInt(maxSitesPerPlace.strip());
	}

	LocalDate startsOn() {
		return FormDates.parse(startDay, startMonth, startYear).orElseThrow();
	}

	LocalDate endsOn() {
		return FormDates.parse(endDay, endMonth, endYear).orElseThrow();
	}

}
