package uk.nhs.bob.primarycare.directory;

/** One of BOB's three Places, by sub-ICB location code ("10Q" Oxfordshire). */
public record PlaceSummary(String code, String name) {
}
