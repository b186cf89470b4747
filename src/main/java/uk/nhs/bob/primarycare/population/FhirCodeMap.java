package uk.nhs.bob.primarycare.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The codes the FHIR import needs beyond the code sets, read from {@code population/fhir-code-map.csv}: ethnic
 * categories and which encounters are hospital admissions, planned or unplanned. What clinical codes mean is not
 * decided here: records keep their codes and {@link RecordCodes} reads them.
 */
final class FhirCodeMap {

	static final String RESOURCE = "/population/fhir-code-map.csv";

	/**
	 * An encounter class that is kept: an emergency department (A&amp;E) attendance, or an admission whose urgency the
	 * encounter must state.
	 */
	enum AdmissionClass {

		ATTENDANCE, ADMISSION

	}

	private final Map<String, Ethnicity> ethnicities = new HashMap<>();

	private final Map<String, AdmissionClass> admissionClasses = new HashMap<>();

	private final Map<String, Boolean> priorities = new HashMap<>();

	private final Map<String, Boolean> admitSources = new HashMap<>();

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
			String key = key(cols[1], cols[2]);
			String target = cols[3];
			switch (cols[0]) {
				case "ethnicity" -> ethnicities.put(key,
						Ethnicity.ofCode(target).orElseThrow(() -> new IllegalStateException("No ethnicity " + target)));
				case "encounter" -> admissionClasses.put(key, switch (target) {
					case "attendance" -> AdmissionClass.ATTENDANCE;
					case "admission" -> AdmissionClass.ADMISSION;
					default -> throw new IllegalStateException("FHIR code map line " + number + ": attendance or admission");
				});
				case "encounter-priority" -> priorities.put(key, planned(target, number));
				case "admit-source" -> admitSources.put(key, planned(target, number));
				default -> throw new IllegalStateException("FHIR code map line " + number + ": unknown kind " + cols[0]);
			}
		}
	}

	private static boolean planned(String target, int number) {
		return switch (target) {
			case "planned" -> true;
			case "unplanned" -> false;
			default -> throw new IllegalStateException("FHIR code map line " + number + ": planned or unplanned");
		};
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

	Optional<Ethnicity> ethnicity(@Nullable String system, @Nullable String code) {
		return Optional.ofNullable(ethnicities.get(key(system, code)));
	}

	/** Empty when the encounter class is not a hospital admission. */
	Optional<AdmissionClass> admission(@Nullable String system, @Nullable String code) {
		return Optional.ofNullable(admissionClasses.get(key(system, code)));
	}

	/** Whether an Encounter.priority code says the admission was planned (empty: it does not say). */
	Optional<Boolean> plannedByPriority(@Nullable String system, @Nullable String code) {
		return Optional.ofNullable(priorities.get(key(system, code)));
	}

	/** Whether an admission source says the admission was planned (empty: it does not say). */
	Optional<Boolean> plannedByAdmitSource(@Nullable String system, @Nullable String code) {
		return Optional.ofNullable(admitSources.get(key(system, code)));
	}

}
