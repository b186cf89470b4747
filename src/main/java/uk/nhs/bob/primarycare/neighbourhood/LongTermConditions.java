package uk.nhs.bob.primarycare.neighbourhood;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import uk.nhs.bob.primarycare.population.CodedRecord;

/**
 * The long-term conditions a cohort definition counts, kept as data ({@code long-term-conditions.tsv}, based on the
 * QOF disease registers): each condition counts once, however many of its codes are active.
 */
final class LongTermConditions {

	static final String RESOURCE = "long-term-conditions.tsv";

	private final String version;

	private final Map<String, String> conditionByCode;

	private LongTermConditions(String version, Map<String, String> conditionByCode) {
		this.version = version;
		this.conditionByCode = Map.copyOf(conditionByCode);
	}

	static LongTermConditions standard() {
		try (InputStream in = LongTermConditions.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String version = null;
			Map<String, String> byCode = new HashMap<>();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("# version\t")) {
					version = line.substring("# version\t".length()).trim();
				}
				else if (!line.isBlank() && !line.startsWith("#")) {
					String[] cells = line.split("\t");
					byCode.put(cells[1].trim(), cells[0].trim());
				}
			}
			if (version == null) {
				throw new IllegalStateException("The long-term condition file has no version line");
			}
			return new LongTermConditions(version, byCode);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String version() {
		return version;
	}

	/** The distinct long-term conditions among the record's active problems. */
	Set<String> conditions(CodedRecord record) {
		Set<String> found = new HashSet<>();
		for (CodedRecord.Problem problem : record.problems()) {
			if (problem.active()) {
				String condition = conditionByCode.get(problem.snomedCode());
				if (condition != null) {
					found.add(condition);
				}
			}
		}
		return found;
	}

}
