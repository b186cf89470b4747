package uk.nhs.bob.primarycare.directory;

import uk.nhs.bob.primarycare.shared.OdsCode;

/** A PCN's details after its form has been checked. */
record PcnDetails(OdsCode odsCode, String name, String siteCode) {
}
