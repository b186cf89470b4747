/**
 * The caseload: people a team holds (found, referred or added), their status and keyworker, the changes to each
 * entry with the module's events, the weekly count, and what the team hears from triage and CVD about its people.
 */
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.neighbourhood.caseload;
