package uk.nhs.bob.primarycare.population;

/** A person's summary with their coded record, as read when walking the whole population. */
public record PersonRecord(PersonSummary person, CodedRecord record) {
}
