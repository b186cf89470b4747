/**
 * Referrals to a team: from clinicians on the referral form and from other systems as FHIR ServiceRequests, and the
 * team's referral queue.
 */
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.neighbourhood.referrals;
