package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A person was newly found with possible undiagnosed hypertension (as CVDPREVENT CVDP005HYP): a reading at or above
 * 140/90 and no hypertension diagnosis. Published on the change only.
 */
@NamedInterface("events")
public record PossibleHypertensionFound(NhsNumber nhsNumber, String practiceCode, String siteCode, int systolic,
		int diastolic, LocalDate readingDate, LocalDate foundOn) {
}
