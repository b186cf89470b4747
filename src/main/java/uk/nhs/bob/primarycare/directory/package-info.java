/**
 * The directory: BOB's Places, neighbourhood sites, Primary Care Networks and GP practices, and the service
 * directory that same-day navigation sends people to (pharmacies, optometrists, dentists, UTCs, community and VCSE
 * services, with opening hours). Other modules refer to its organisations by ODS code or site code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory", allowedDependencies = { "shared", "audit" })
@org.jspecify.annotations.NullMarked
package uk.nhs.bob.primarycare.directory;
