@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.programme.sites;
