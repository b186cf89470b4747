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
 * @param registeredFrom the first day of the registration at the practice; null when not recorded
 * @param registeredUntil the last day of the registration; null for a current registration
 */
public record PersonSummary(NhsNumber nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, int age,
		Sex sex, Ethnicity ethnicity, Postcode postcode, String lsoaCode, String lsoaName, int imdDecile,
		String imdVersion, BigDecimal townsendScore, OdsCode registeredPractice, @Nullable LocalDate dateOfDeath,
		@Nullable LocalDate registeredFrom, @Nullable LocalDate registeredUntil) {

	/** A person registered from a date not recorded, and still registered. */
	public PersonSummary(NhsNumber nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, int age,
			Sex sex, Ethnicity ethnicity, Postcode postcode, String lsoaCode, String lsoaName, int imdDecile,
			String imdVersion, BigDecimal townsendScore, OdsCode registeredPractice, @Nullable LocalDate dateOfDeath) {
		this(nhsNumber, givenName, familyName, dateOfBirth, age, sex, ethnicity, postcode, lsoaCode, lsoaName,
				imdDecile, imdVersion, townsendScore, registeredPractice, dateOfDeath, null, null);
	}

	/**
	 * Whether the person was registered at their practice on a day: from the registration's first day (a start not
	 * recorded counts as registered) to its last.
	 */
	public boolean registeredOn(LocalDate day) {
		return (registeredFrom == null || !registeredFrom.isAfter(day))
				&& (registeredUntil == null || !registeredUntil.isBefore(day));
	}

	/** Whether the registration ended before this day. */
	public boolean deregistered(LocalDate today) {
		return registeredUntil != null && registeredUntil.isBefore(today);
	}

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
