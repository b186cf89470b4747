/**
 * Multidisciplinary team (MDT) meetings: agenda, attendees, decisions and actions, and their minutes.
 */
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.neighbourhood.meetings;
