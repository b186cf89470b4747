package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** The cohort to enrol a site into (its id, as chosen from the list). */
record EnrolForm(@NotBlank(message = "Choose the cohort to enrol the site into") @Nullable String cohortId) {

	static EnrolForm empty() {
		return new EnrolForm("");
	}

	long cohort() {
		return cohortId != null && cohortId.strip().matches("\\d{1,15}") ? Long.parseLong(cohortId.strip()) : -1;
	}

}
