/**
 * Finding people: cohort definitions (eFI category, long-term conditions, admissions...), the candidates they find
 * for a team, and the team's decision on each.
 */
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.neighbourhood.candidates;
