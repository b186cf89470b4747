/**
 * Personalised care and support plans: the plan's content and versions, editing with conflict detection and merge,
 * comparison, copies for the person, break-glass access and its review, and the FHIR CarePlan API.
 */
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.neighbourhood.careplans;
