package uk.nhs.bob.primarycare.cvd;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

/**
 * A snapshot of one neighbourhood site's CVD prevention counts, published per site after each population refresh,
 * so the delivery programme can chart them without holding personal data.
 *
 * @param highRisk people with a QRISK3 score of 10% or more
 * @param highRiskOnStatin of those, people on lipid-lowering therapy
 */
@NamedInterface("events")
public record CvdIndicatorsCounted(String siteCode, LocalDate weekStarting, int possibleUndiagnosedHypertension,
		int highRisk, int highRiskOnStatin, int outreachDone, Instant countedAt) {
}
