package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A person was newly found with a QRISK3 10-year risk of 10% or more (NICE NG238), by a refresh or by re-evaluation
 * after a new observation. Published on the change only, not again while the finding stands.
 */
@NamedInterface("events")
public record CvdHighRiskFound(NhsNumber nhsNumber, String practiceCode, String siteCode, double qrisk3Score,
		boolean onLipidLoweringTherapy, LocalDate foundOn) {
}
