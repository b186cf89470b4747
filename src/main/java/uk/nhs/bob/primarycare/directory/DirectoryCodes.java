package uk.nhs.bob.primarycare.directory;

import java.util.Optional;

/**
 * The codes the directory holds, as the admin forms' constraints ({@link InDirectory}, {@link NotInDirectory}) look
 * them up: the name of the Place, site, PCN or practice holding a code, if any. {@link DirectoryCodeLookup} reads the
 * directory; the form tests give fixed codes.
 */
@FunctionalInterface
public interface DirectoryCodes {

	/** What a code names. */
	enum Kind {

		PLACE, SITE, PCN, PRACTICE

	}

	/** The name of the organisation of this kind holding this code (as stored: trimmed, upper case), if any. */
	Optional<String> holder(Kind kind, String code);

}
