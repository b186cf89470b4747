/**
 * Integrated Neighbourhood Teams themselves: a team per neighbourhood site, its members (staff users and colleagues
 * from other organisations, each with a discipline and a role on the team), and the access rule every other part of
 * the module asks: who works which caseload.
 */
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.neighbourhood.teams;
