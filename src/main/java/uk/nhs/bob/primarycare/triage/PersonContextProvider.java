package uk.nhs.bob.primarycare.triage;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * What other modules know about a person that helps a coordinator triage their request: on an INT caseload, their
 * keyworker and contingency plan headline, CVD flags. Triage declares this interface and shows what the providers
 * give; the modules that hold the facts (neighbourhood, cvd) implement it, so triage depends on none of them.
 * Providers are called inside the transaction that reads the request page, which is audited for the person.
 */
@NamedInterface("person-context")
public interface PersonContextProvider {

	/** The facts this module holds about the person, empty when it holds none. */
	List<PersonContext> contextFor(NhsNumber nhsNumber);

	/**
	 * One fact for the request page, for example {@code "Neighbourhood team"}, {@code "Keyworker"},
	 * {@code "Contingency plan"} or {@code "CVD"}.
	 *
	 * @param source the module's name as people know it ("Integrated Neighbourhood Team", "CVD prevention")
	 * @param link a page with more, for those allowed to open it, or null
	 */
	record PersonContext(String source, String label, String value, @Nullable String link) {
	}

}
