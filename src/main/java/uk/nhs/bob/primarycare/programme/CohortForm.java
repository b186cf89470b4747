package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A cohort's name, dates and the most sites it takes from each Place (0 for a phase that enrols none). */
record CohortForm(@NotBlank(message = "Enter the cohort name") @Size(max = 120, message = "Name must be 120 characters or fewer") @Nullable String name,
		@Nullable String startDay, @Nullable String startMonth, @Nullable String startYear, @Nullable String endDay,
		@Nullable String endMonth, @Nullable String endYear,
		@Nullable String maxSitesPerPlace,
		@Size(max = 2000, message = "Description must be 2000 characters or fewer") @Nullable String description,
		@jakarta.validation.constraints.NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version) {

	static CohortForm empty() {
		return new CohortForm("", "", "", "", "", "", "", "3", "", 0L);
	}

	static CohortForm of(Cohort cohort) {
		return new CohortForm(cohort.name(), FormDates.day(cohort.startsOn()), FormDates.month(cohort.startsOn()),
				FormDates.year(cohort.startsOn()), FormDates.day(cohort.endsOn()), FormDates.month(cohort.endsOn()),
				FormDates.year(cohort.endsOn()), String.valueOf(cohort.maxSitesPerPlace()), cohort.description(), cohort.version());
	}

	/** The most sites per Place as a number from 0 to 50, or -1 when it is not one. */
	int maxSites() {
		String text = maxSitesPerPlace == null ? "" : maxSitesPerPlace.strip();
		if (!text.matches("\\d{1,2}")) {
			return -1;
		}
		int max = Integer.parseInt(text);
		return max <= 50 ? max : -1;
	}

	CohortForm withVersion(long latest) {
		return new CohortForm(name, startDay, startMonth, startYear, endDay, endMonth, endYear, maxSitesPerPlace,
				description, latest);
	}

}
