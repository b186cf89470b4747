/**
 * Frailty: the electronic Frailty Index (eFI) for everyone 65 and over, worked out from the coded record, the
 * frailty register and its overview for a team.
 */
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.neighbourhood.frailty;
