package uk.nhs.bob.primarycare.programme.sites;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** The cohort to enrol a site into, as chosen from the list of cohorts open to it. */
record EnrolForm(@NotNull(message = "Choose the cohort to enrol the site into") @Nullable Long cohortId) {

	static EnrolForm empty() {
		return new EnrolForm(null);
	}

}
