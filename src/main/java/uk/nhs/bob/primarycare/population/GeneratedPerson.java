package uk.nhs.bob.primarycare.population;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One synthetic person with their record, on the way from the generator to the database. */
record GeneratedPerson(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, Sex sex,
		Ethnicity ethnicity, String postcode, String lsoaCode, int imdDecile, String practiceOdsCode,
		@Nullable LocalDate dateOfDeath, LocalDate registeredFrom, @Nullable LocalDate registeredUntil,
		CodedRecord record) {

	int ageOn(LocalDate date) {
		return PersonSummary.ageOn(dateOfBirth, date);
	}

}
