/**
 * Read-only views of the triage module's own types for its pages: internal to the module.
 */
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.triage.view;
