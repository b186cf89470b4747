package uk.nhs.bob.primarycare.directory;

/** A neighbourhood site's details after its form has been checked. */
record SiteDetails(String code, String name, String placeCode) {
}
