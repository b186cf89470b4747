package uk.nhs.bob.primarycare.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The codes the FHIR import understands, read from {@code population/fhir-code-map.csv}: which observation codes
 * are which {@link ObservationType}, which units are accepted and how they convert, medicines' categories, smoking
 * answers, ethnic categories and admission encounter classes. Adding a code is a line in the file, not code.
 */
final class FhirCodeMap {

	static final String RESOURCE = "/population/fhir-code-map.csv";

	/** A unit as accepted for a type: the stored unit and the divisor that converts the value to it. */
	record UnitRule(String unit, BigDecimal divisor) {
	}

	private final Map<String, ObservationType> observations = new HashMap<>();

	private final Map<String, String> panels = new HashMap<>();

	private final Map<String, SmokingStatus> smoking = new HashMap<>();

	private final Map<String, UnitRule> units = new HashMap<>();

	private final Map<String, MedicationCategory> medications = new HashMap<>();

	private final List<Map.Entry<String, MedicationCategory>> medicationNames = new ArrayList<>();

	private final Map<String, Ethnicity> ethnicities = new HashMap<>();

	private final Map<String, Boolean> admissionClasses = new HashMap<>();

	FhirCodeMap(List<String> lines) {
		int number = 0;
		for (String line : lines) {
			number++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cols = line.split(",", -1);
			if (cols.length != 5) {
				throw new IllegalStateException("FHIR code map line " + number + " needs 5 columns: " + line);
			}
			String kind = cols[0];
			String key = key(cols[1], cols[2]);
			String target = cols[3];
			switch (kind) {
				case "observation" -> observations.put(key, ObservationType.valueOf(target));
				case "panel" -> panels.put(key, target);
				case "smoking" -> smoking.put(key, SmokingStatus.valueOf(target));
				case "unit" -> units.put(key(ObservationType.valueOf(cols[1]).name(), cols[2]),
						new UnitRule(target, new BigDecimal(cols[4])));
				case "medication" -> medications.put(key, MedicationCategory.valueOf(target));
				case "medication-name" ->
					medicationNames.add(Map.entry(cols[2].toLowerCase(Locale.ROOT), MedicationCategory.valueOf(target)));
				case "ethnicity" -> ethnicities.put(key,
						Ethnicity.ofCode(target).orElseThrow(() -> new IllegalStateException("No ethnicity " + target)));
				case "encounter" -> admissionClasses.put(key, "planned".equals(target));
				default -> throw new IllegalStateException("FHIR code map line " + number + ": unknown kind " + kind);
			}
		}
	}

	static FhirCodeMap load() {
		try (InputStream in = FhirCodeMap.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			return new FhirCodeMap(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String key(@Nullable String system, @Nullable String code) {
		return (system == null ? "" : system) + "|" + (code == null ? "" : code);
	}

	Optional<ObservationType> observation(@Nullable String system, @Nullable String code) {
		return Optional.ofNullable(observations.get(key(system, code)));
	}

	boolean bloodPressurePanel(@Nullable String system, @Nullable String code) {
		return panels.containsKey(key(system, code));
	}

	Optional<SmokingStatus> smokingStatus(@Nullable String system, @Nullable String code) {
		return Optional.ofNullable(smoking.get(key(system, code)));
	}

	Optional<UnitRule> unit(ObservationType type, @Nullable String unit) {
		return Optional.ofNullable(units.get(key(type.name(), unit)));
	}

	Optional<MedicationCategory> medication(@Nullable String system, @Nullable String code) {
		return Optional.ofNullable(medications.get(key(system, code)));
	}

	/** The category of the first listed word the medicine's name contains. */
	Optional<MedicationCategory> medicationByName(@Nullable String name) {
		if (name == null) {
			return Optional.empty();
		}
		String lower = name.toLowerCase(Locale.ROOT);
		return medicationNames.stream().filter(e -> lower.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
	}

	Optional<Ethnicity> ethnicity(@Nullable String system, @Nullable String code) {
		return Optional.ofNullable(ethnicities.get(key(system, code)));
	}

	/** Empty when the class is not an admission; otherwise whether the admission was planned. */
	Optional<Boolean> admission(@Nullable String system, @Nullable String code) {
		return Optional.ofNullable(admissionClasses.get(key(system, code)));
	}

}
