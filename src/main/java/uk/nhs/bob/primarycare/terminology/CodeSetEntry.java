package uk.nhs.bob.primarycare.terminology;

/** One row of a published code list: the code and the term the list gives it (empty where the list has none). */
public record CodeSetEntry(String code, String term) {
}
