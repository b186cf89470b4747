package uk.nhs.bob.primarycare.population;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The one identity rule of the platform, for every way a person's details arrive (staff forms, the public form, the
 * intake API, FHIR import): a person is matched only when the NHS number is held for someone in the population and
 * the date of birth and the name given agree with what the record holds. A number held for nobody is
 * {@link Result#NOT_FOUND}; a number held for someone whose date of birth or name differs is a
 * {@link Result#MISMATCH}, which callers never resolve silently: they show it to a person, with what was sent and
 * what the record holds ({@link #held()}).
 * <p>
 * Names agree when the family names are the same and the first given names are the same, ignoring case, accents,
 * spaces, hyphens and apostrophes ("O'Neil" and "oneil", "Zoë" and "Zoe"; "Marcia" and "Marcia Anne"). A shortened
 * name ("Jo" for "Joanne") is a mismatch: a person decides.
 */
public record IdentityMatch(Result result, NhsNumber nhsNumber, @Nullable PersonSummary held,
		Set<Difference> differences) {

	public enum Result {

		MATCHED, NOT_FOUND, MISMATCH

	}

	/** What differs between the details sent and the record held. */
	public enum Difference {

		DATE_OF_BIRTH("date of birth"), FAMILY_NAME("last name"), GIVEN_NAME("first name");

		private final String label;

		Difference(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public IdentityMatch {
		differences = differences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(differences));
	}

	/** The person held under the number, whatever the result: present for MATCHED and MISMATCH. */
	public Optional<PersonSummary> person() {
		return Optional.ofNullable(held);
	}

	public boolean matched() {
		return result == Result.MATCHED;
	}

	/** Applies the rule to the details sent and the record held under the number (null when none is). */
	static IdentityMatch of(NhsNumber nhsNumber, LocalDate dateOfBirth, String givenName, String familyName,
			@Nullable PersonSummary held) {
		if (held == null) {
			return new IdentityMatch(Result.NOT_FOUND, nhsNumber, null, Set.of());
		}
		Set<Difference> differences = EnumSet.noneOf(Difference.class);
		if (!held.dateOfBirth().equals(dateOfBirth)) {
			differences.add(Difference.DATE_OF_BIRTH);
		}
		if (!normalised(held.familyName()).equals(normalised(familyName))) {
			differences.add(Difference.FAMILY_NAME);
		}
		if (!normalised(firstWord(held.givenName())).equals(normalised(firstWord(givenName)))) {
			differences.add(Difference.GIVEN_NAME);
		}
		return new IdentityMatch(differences.isEmpty() ? Result.MATCHED : Result.MISMATCH, nhsNumber, held,
				differences);
	}

	private static String firstWord(String name) {
		String trimmed = name.trim();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}

	static String normalised(String name) {
		String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

}
