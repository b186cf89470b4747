package uk.nhs.bob.primarycare.neighbourhood.support;

/**
 * Marks a controller of the module's pages (not its APIs, which answer for themselves), so that
 * {@link NeighbourhoodPageAdvice} applies to it wherever in the module it lives.
 */
public interface NeighbourhoodPage {

}
