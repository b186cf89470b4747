package uk.nhs.bob.primarycare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.nhs.bob.primarycare.terminology.SnomedIdentifiers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No clinical concept is decided by a code written in Java: every SNOMED CT or dm+d code lives in the code-set data
 * under resources. The test reads src/main/java and fails on any number in a string literal or as a numeric literal
 * that is a well-formed SNOMED CT identifier ({@link SnomedIdentifiers}: dm+d identifiers are SNOMED CT identifiers
 * too). Example NHS and phone numbers, limits and the like are not identifiers and pass; one of them that happened to
 * be well formed would have to move out of Java.
 */
class ClinicalCodesAreDataTests {

	private static final Pattern STRING = Pattern.compile("\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"");

	private static final Pattern NUMBER_IN_TEXT = Pattern.compile("(?<![0-9A-Za-z])[0-9]{6,18}(?![0-9A-Za-z])");

	private static final Pattern NUMERIC_LITERAL = Pattern.compile("(?<![\\w.])[0-9]{6,18}[lL]?(?![\\w.])");

	@Test
	void noSnomedLikeCodeIsWrittenInJava() throws IOException {
		Path root = Path.of("src/main/java/uk/nhs/bob/primarycare");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
				String relative = root.relativize(file).toString().replace('\\', '/');
				for (String number : numbers(read(file))) {
					if (isSnomedIdentifier(number)) {
						found.add(relative + ": " + number);
					}
				}
			});
		}
		assertThat(found).as("SNOMED CT / dm+d identifiers written in src/main/java").isEmpty();
	}

	@Test
	void wellFormedIdentifiersAreToldFromOtherNumbers() {
		// real concepts: myocardial infarction, essential hypertension, a UK extension concept, a dm+d product
		assertThat(List.of("22298006", "59621000", "1091811000000102", "38341003", "320018007"))
			.allMatch(ClinicalCodesAreDataTests::isSnomedIdentifier);
		// one digit changed, an NHS number, example phone digits, limits
		assertThat(List.of("22298007", "9434765919", "123456", "900123", "1000000", "768692"))
			.noneMatch(ClinicalCodesAreDataTests::isSnomedIdentifier);
	}

	static boolean isSnomedIdentifier(String number) {
		return SnomedIdentifiers.wellFormed(number);
	}

	@Test
	void theScanFindsCodesInStringsTextBlocksAndNumericLiterals() {
		assertThat(numbers("static final String MI = \"22298006\";")).containsExactly("22298006");
		assertThat(numbers("Set.of(\"59621000\", \"1091811000000102\")")).containsExactly("59621000",
				"1091811000000102");
		assertThat(numbers("String sql = \"\"\"\n  WHERE code = '38341003'\n\"\"\";")).containsExactly("38341003");
		assertThat(numbers("long code = 22298006L;")).containsExactly("22298006");
		// coefficients, underscored constants and short numbers are not codes
		assertThat(numbers("double c = 0.2804031433299542500000000; long lock = 7_215_063_401L; int n = 12345;"))
			.isEmpty();
		// comments are text about code, not code
		assertThat(numbers("// SNOMED CT 22298006 is an example\n/* and 38341003 */ int x = 1;")).isEmpty();
	}

	static List<String> numbers(String source) {
		String code = withoutComments(source);
		List<String> numbers = new ArrayList<>();
		Matcher strings = STRING.matcher(code);
		StringBuilder rest = new StringBuilder();
		int last = 0;
		while (strings.find()) {
			Matcher inside = NUMBER_IN_TEXT.matcher(strings.group());
			while (inside.find()) {
				numbers.add(inside.group());
			}
			rest.append(code, last, strings.start()).append("\"\"");
			last = strings.end();
		}
		rest.append(code.substring(last));
		Matcher literals = NUMERIC_LITERAL.matcher(rest);
		while (literals.find()) {
			numbers.add(literals.group().replaceAll("[lL]$", ""));
		}
		return numbers;
	}

	private static String withoutComments(String source) {
		return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//[^\"\\n]*$", "");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
