package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * A person's demographics, the deprivation of the area they live in and their registered practice.
 *
 * @param age whole years today, or at death for someone who has died
 * @param imdDecile national IMD decile of the LSOA, 1 = most deprived 10%
 * @param townsendScore Townsend deprivation score of the LSOA, higher = more deprived (QRISK3 input)
 */
public record PersonSummary(NhsNumber nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, int age,
		Sex sex, Ethnicity ethnicity, Postcode postcode, String lsoaCode, String lsoaName, int imdDecile,
		String imdVersion, BigDecimal townsendScore, OdsCode registeredPractice, @Nullable LocalDate dateOfDeath) {

	public static int ageOn(LocalDate dateOfBirth, LocalDate on) {
		return Period.between(dateOfBirth, on).getYears();
	}

	public boolean deceased() {
		return dateOfDeath != null;
	}

	/** Family name in capitals, then given name, as clinical systems list people. */
	public String displayName() {
		return familyName.toUpperCase(java.util.Locale.UK) + ", " + givenName;
	}

	public Ethnicity.QriskEthnicity qriskEthnicity() {
		return ethnicity.qrisk();
	}

	/** IMD quintile 1 (most deprived 20%, Core20) to 5. */
	public int imdQuintile() {
		return (imdDecile + 1) / 2;
	}

}
