package uk.nhs.bob.primarycare.neighbourhood.frailty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import uk.nhs.bob.primarycare.population.CodedRecord;
import uk.nhs.bob.primarycare.population.Register;
import uk.nhs.bob.primarycare.population.Registers;

/**
 * The long-term conditions a cohort definition counts: the disease registers named in
 * {@code long-term-conditions.tsv} (versioned data), built as QOF builds them from the national code sets; each
 * register counts once, however many of its codes are recorded.
 */
final class LongTermConditions {

	static final String RESOURCE = "long-term-conditions.tsv";

	private final String version;

	private final Map<Register, String> conditionByRegister;

	private LongTermConditions(String version, Map<Register, String> conditionByRegister) {
		this.version = version;
		this.conditionByRegister = Map.copyOf(conditionByRegister);
	}

	static LongTermConditions standard() {
		try (InputStream in = LongTermConditions.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String version = null;
			Map<Register, String> byRegister = new EnumMap<>(Register.class);
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("# version\t")) {
					version = line.substring("# version\t".length()).trim();
				}
				else if (!line.isBlank() && !line.startsWith("#")) {
					String[] cells = line.split("\t");
					byRegister.put(Register.valueOf(cells[0].trim()), cells[1].trim());
				}
			}
			if (version == null) {
				throw new IllegalStateException("The long-term condition file has no version line");
			}
			return new LongTermConditions(version, byRegister);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String version() {
		return version;
	}

	/** The long-term conditions of a person born on this date: the counted registers they are on today. */
	Set<String> conditions(CodedRecord record, LocalDate dateOfBirth, LocalDate today) {
		return conditions(Registers.of(record, dateOfBirth, today));
	}

	/** The long-term conditions among the registers a person is on. */
	Set<String> conditions(Registers registers) {
		Set<String> found = new HashSet<>();
		for (Register register : registers.registers()) {
			String condition = conditionByRegister.get(register);
			if (condition != null) {
				found.add(condition);
			}
		}
		return found;
	}

}
