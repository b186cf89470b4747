package uk.nhs.bob.primarycare.directory;

import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/** A practice's details after its form has been checked. */
record PracticeDetails(OdsCode odsCode, String name, Postcode postcode, String pcnCode) {
}
