package uk.nhs.bob.primarycare.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;

/**
 * Which passwords may be set, following the NCSC's advice to system owners: long enough (12 characters or more),
 * not the username, and not a common password. Common passwords are the published list in
 * {@code identity/common-passwords.txt} (source and licence beside it), checked as typed and once digits and
 * symbols are taken off both ends, plus simple patterns no list holds in full: one character repeated, a short
 * pattern repeated, and a run of consecutive keys or digits.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	/** BCrypt reads only the first 72 bytes of a password; Spring Security refuses longer ones. */
	static final int MAX_BYTES = 72;

	private static final Set<String> COMMON = load();

	private static final String[] RUNS = { "0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyz",
			"qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p" };

	private PasswordPolicy() {
	}

	/** Why the password may not be used, if it may not. */
	static Optional<String> problem(String username, @Nullable String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("Password must be " + MIN_LENGTH + " characters or more");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("Password must be " + MAX_BYTES + " characters or fewer");
		}
		String lower = password.trim().toLowerCase(Locale.UK);
		if (lower.equals(username.trim().toLowerCase(Locale.UK))
				|| (username.length() >= 4 && lower.contains(username.trim().toLowerCase(Locale.UK)))) {
			return Optional.of("Password must not contain the username");
		}
		if (common(lower)) {
			return Optional.of("This is a common password that is easy to guess: choose another, for example three "
					+ "random words");
		}
		if (repeated(lower)) {
			return Optional.of("Password must not be one character or a short pattern repeated: choose another, for "
					+ "example three random words");
		}
		if (run(lower)) {
			return Optional.of("Password must not be a run of keys or digits in order: choose another, for example "
					+ "three random words");
		}
		return Optional.empty();
	}

	/** The password, or what is left once digits and symbols are taken off both ends, is on the list. */
	static boolean common(String lower) {
		if (COMMON.contains(lower)) {
			return true;
		}
		String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
		return !core.isEmpty() && COMMON.contains(core);
	}

	/** One to four characters repeated to the whole length ("aaaaaaaaaaaa", "abcabcabcabc", "1212121212121"). */
	static boolean repeated(String lower) {
		for (int unit = 1; unit <= 4; unit++) {
			String pattern = lower.substring(0, unit);
			String built = pattern.repeat(lower.length() / unit + 1).substring(0, lower.length());
			if (built.equals(lower)) {
				return true;
			}
		}
		return false;
	}

	/** The whole password runs along the keyboard or the alphabet or the digits, either way. */
	static boolean run(String lower) {
		String reversed = new StringBuilder(lower).reverse().toString();
		for (String run : RUNS) {
			String twice = run + run;
			if (twice.contains(lower) || twice.contains(reversed)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		ClassPathResource list = new ClassPathResource("identity/common-passwords.txt");
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.startsWith("#!comment") && !line.isBlank()) {
					words.add(line.trim().toLowerCase(Locale.UK));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The common password list is missing from the application", ex);
		}
		return Set.copyOf(words);
	}

}
