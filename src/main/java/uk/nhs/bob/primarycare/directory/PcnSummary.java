package uk.nhs.bob.primarycare.directory;

/** A Primary Care Network with the neighbourhood site and Place it sits in. */
public record PcnSummary(String odsCode, String name, String siteCode, String siteName, String placeCode,
		String placeName) {
}
