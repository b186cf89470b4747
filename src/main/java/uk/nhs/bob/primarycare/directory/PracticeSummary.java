package uk.nhs.bob.primarycare.directory;

import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/** A GP practice with the PCN, neighbourhood site and Place it belongs to. */
public record PracticeSummary(OdsCode odsCode, String name, Postcode postcode, String pcnCode, String pcnName,
		String siteCode, String siteName, String placeCode, String placeName) {
}
