package uk.nhs.bob.primarycare.directory;

/** A neighbourhood site (the footprint of an INT and a same-day hub) and the Place it belongs to. */
public record SiteSummary(String code, String name, String placeCode, String placeName) {
}
