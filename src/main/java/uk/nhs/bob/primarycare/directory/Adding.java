package uk.nhs.bob.primarycare.directory;

/**
 * The validation group of the checks that apply only when an organisation is added: its code is typed then, and on an
 * edit comes from the address (it is the organisation's identity).
 */
interface Adding {

}
