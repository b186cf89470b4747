package uk.nhs.bob.primarycare.triage;

import org.jspecify.annotations.Nullable;

/** The same-day hub a request lands at: a neighbourhood site and its Place, and the practice it came from if known. */
record Hub(String siteCode, String siteName, String placeCode, @Nullable String practiceCode) {
}
