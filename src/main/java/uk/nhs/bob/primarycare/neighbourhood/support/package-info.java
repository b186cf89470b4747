/**
 * What the pages of every part of the module share: dates as typed and shown, form constraints, refusals put on a
 * form's fields, ids in URLs and select-list options.
 */
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.neighbourhood.support;
