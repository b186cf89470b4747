package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Observation;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.ClusterSet;
import uk.nhs.bob.primarycare.terminology.CodeSets;

/**
 * Reads stored codes as the platform's concepts, every time a record is read: SNOMED CT and dm+d codes through the
 * published code sets ({@link CodeSets}), LOINC and RxNorm through the project's own mappings in
 * {@code population/record-codes.csv} (units, LOINC observations and smoking answers, medicine name words), so a new
 * code-set version applies to every record already held. Immutable and thread-safe.
 */
final class RecordCodes {

	static final String RESOURCE = "/population/record-codes.csv";

	static final String LOINC = "http://loinc.org";

	private static final BigDecimal LARGEST_VALUE = new BigDecimal("99999.99");

	private static final class Standard {

		static final RecordCodes INSTANCE = new RecordCodes(CodeSets.standard(), read());

	}

	/** A unit as accepted for a type: the divisor that converts a value in it to the type's unit. */
	record UnitRule(BigDecimal divisor) {
	}

	private final CodeSets codeSets;

	private final String version;

	private final Map<String, ObservationType> loincObservations = new HashMap<>();

	private final Map<String, Boolean> panels = new HashMap<>();

	private final Map<String, @Nullable SmokingStatus> smokingAnswers = new HashMap<>();

	private final Map<ObservationType, Map<String, UnitRule>> units = new EnumMap<>(ObservationType.class);

	private final List<Map.Entry<String, Integer>> medicineNames = new ArrayList<>();

	private final Map<String, Integer> medicineNameCache = new ConcurrentHashMap<>();

	private final Map<BloodPressureSetting, String[]> recordingCodes = new EnumMap<>(BloodPressureSetting.class);

	RecordCodes(CodeSets codeSets, List<String> lines) {
		this.codeSets = codeSets;
		String versionLine = null;
		int number = 0;
		for (String line : lines) {
			number++;
			if (line.startsWith("# version\t")) {
				versionLine = line.substring("# version\t".length()).trim();
				continue;
			}
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cols = line.split(",", -1);
			if (cols.length != 5) {
				throw new IllegalStateException(RESOURCE + " line " + number + " needs 5 columns: " + line);
			}
			switch (cols[0]) {
				case "observation" -> loincObservations.put(key(cols[1], cols[2]), ObservationType.valueOf(cols[3]));
				case "panel" -> panels.put(key(cols[1], cols[2]), true);
				case "smoking-answer" -> smokingAnswers.put(key(cols[1], cols[2]),
						"NONE".equals(cols[3]) ? null : SmokingStatus.valueOf(cols[3]));
				case "unit" -> units.computeIfAbsent(ObservationType.valueOf(cols[1]), t -> new HashMap<>())
					.put(cols[2], new UnitRule(new BigDecimal(cols[4])));
				case "medicine-name" -> {
					int mask = 0;
					for (String category : cols[3].split(" ")) {
						mask |= 1 << MedicationCategory.valueOf(category).ordinal();
					}
					medicineNames.add(Map.entry(cols[2].toLowerCase(Locale.ROOT), mask));
				}
				case "recording" -> recording(ObservationType.valueOf(cols[1]), BloodPressureSetting.valueOf(cols[2]),
						cols[3]);
				default -> throw new IllegalStateException(RESOURCE + " line " + number + ": unknown kind " + cols[0]);
			}
		}
		if (versionLine == null) {
			throw new IllegalStateException(RESOURCE + " has no version line");
		}
		this.version = versionLine;
		for (BloodPressureSetting setting : BloodPressureSetting.values()) {
			String[] codes = recordingCodes.get(setting);
			if (codes == null || codes[0] == null || codes[1] == null) {
				throw new IllegalStateException(RESOURCE + " needs systolic and diastolic recording codes for " + setting);
			}
		}
	}

	private void recording(ObservationType type, BloodPressureSetting setting, String code) {
		if (!type.isBloodPressure() || type.cluster() == null || !codeSets.in(code, type.cluster())) {
			throw new IllegalStateException("Recording code " + code + " for " + type + " is not in " + type.cluster());
		}
		if (setting == BloodPressureSetting.HOME_AVERAGE && !codeSets.in(code, Cluster.HOMEBP_COD)) {
			throw new IllegalStateException("Home average recording code " + code + " is not in HOMEBP_COD");
		}
		recordingCodes.computeIfAbsent(setting, s -> new String[2])[type == ObservationType.SYSTOLIC_BP ? 0 : 1] = code;
	}

	static RecordCodes standard() {
		return Standard.INSTANCE;
	}

	private static List<String> read() {
		try (InputStream in = RecordCodes.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String key(@Nullable String system, @Nullable String code) {
		return (system == null ? "" : system) + "|" + (code == null ? "" : code);
	}

	CodeSets codeSets() {
		return codeSets;
	}

	String version() {
		return version;
	}

	/** The observation type a code stands for, or null when the platform does not read it. */
	@Nullable ObservationType type(@Nullable String system, String code) {
		if (CodeSets.inCodeSets(system)) {
			return type(codeSets.clustersOf(code));
		}
		return loincObservations.get(key(system, code));
	}

	static @Nullable ObservationType type(ClusterSet clusters) {
		if (clusters.isEmpty()) {
			return null;
		}
		for (ObservationType type : ObservationType.values()) {
			if (type.cluster() != null && clusters.contains(type.cluster())) {
				return type;
			}
		}
		return SmokingStatus.of(clusters).isPresent() ? ObservationType.SMOKING_STATUS : null;
	}

	/** Whether this observation code is a blood pressure panel whose components hold the readings. */
	boolean bloodPressurePanel(@Nullable String system, String code) {
		if (CodeSets.inCodeSets(system)) {
			ClusterSet clusters = codeSets.clustersOf(code);
			return clusters.contains(Cluster.BP_COD) && !clusters.contains(Cluster.SYSBP_COD)
					&& !clusters.contains(Cluster.DIABP_COD);
		}
		return panels.containsKey(key(system, code));
	}

	/** The smoking status an answer code stands for, if any. */
	@Nullable SmokingStatus smokingAnswer(@Nullable String system, @Nullable String code) {
		if (code == null) {
			return null;
		}
		if (CodeSets.inCodeSets(system)) {
			return SmokingStatus.of(codeSets.clustersOf(code)).orElse(null);
		}
		return smokingAnswers.get(key(system, code));
	}

	boolean unitAccepted(ObservationType type, @Nullable String unit) {
		return type == ObservationType.SMOKING_STATUS || rule(type, unit) != null;
	}

	private @Nullable UnitRule rule(ObservationType type, @Nullable String unit) {
		if (unit == null) {
			return null;
		}
		Map<String, UnitRule> rules = units.get(type);
		return rules == null ? null : rules.get(unit);
	}

	/**
	 * The typed observation a stored row is, or null when the platform does not read it: a code it does not
	 * recognise, a numeric type without a value or in a unit not accepted, a value out of range, or a smoking status
	 * whose answer it does not recognise.
	 */
	@Nullable Observation observation(@Nullable String system, String code, @Nullable BigDecimal value,
			@Nullable String unit, LocalDate date, @Nullable String setting, @Nullable String valueSystem,
			@Nullable String valueCode) {
		ClusterSet clusters = CodeSets.inCodeSets(system) ? codeSets.clustersOf(code) : ClusterSet.EMPTY;
		ObservationType type = CodeSets.inCodeSets(system) ? type(clusters) : loincObservations.get(key(system, code));
		if (type == null) {
			return null;
		}
		if (type == ObservationType.SMOKING_STATUS) {
			SmokingStatus status = SmokingStatus.of(clusters).orElse(null);
			if (status == null) {
				status = smokingAnswer(valueSystem, valueCode);
			}
			if (status == null) {
				return null;
			}
			BigDecimal perDay = value == null || value.signum() < 0 ? BigDecimal.ZERO : value;
			return new Observation(type, system, code, perDay, type.unit(), date, null, status);
		}
		if (value == null) {
			return null;
		}
		BigDecimal converted;
		if (type.unit().equals(unit)) {
			converted = value;
		}
		else {
			UnitRule rule = rule(type, unit);
			if (rule == null) {
				return null;
			}
			converted = rule.divisor().compareTo(BigDecimal.ONE) == 0 ? value
					: value.divide(rule.divisor(), 2, RoundingMode.HALF_UP);
		}
		if (converted.signum() < 0 || converted.compareTo(LARGEST_VALUE) > 0) {
			return null;
		}
		BloodPressureSetting where = null;
		if (type.isBloodPressure()) {
			where = setting != null ? BloodPressureSetting.valueOf(setting)
					: clusters.contains(Cluster.HOMEBP_COD) ? BloodPressureSetting.HOME_AVERAGE : null;
		}
		return new Observation(type, system, code, converted, type.unit(), date, where, null);
	}

	Problem problem(@Nullable String system, String code, String term, LocalDate onset, @Nullable LocalDate resolved) {
		return new Problem(system, code, term, onset, resolved, codeSets.clustersOf(system, code));
	}

	Medication medication(@Nullable String system, String code, String name, LocalDate start,
			@Nullable LocalDate end) {
		if (CodeSets.inCodeSets(system)) {
			return new Medication(system, code, name, start, end,
					MedicationCategory.maskOf(codeSets.clustersOf(code)), false);
		}
		return new Medication(system, code, name, start, end, categoriesByName(name), true);
	}

	/** The project's own grouping of a medicine by the words of its name (for codes outside dm+d). */
	int categoriesByName(String name) {
		return medicineNameCache.computeIfAbsent(name, n -> {
			String lower = n.toLowerCase(Locale.ROOT);
			int mask = 0;
			for (Map.Entry<String, Integer> word : medicineNames) {
				if (lower.contains(word.getKey())) {
					mask |= word.getValue();
				}
			}
			return mask;
		});
	}

	/** The systolic (0) and diastolic (1) codes the platform records a reading taken in this setting with. */
	String[] recordingCodes(BloodPressureSetting setting) {
		return recordingCodes.get(setting).clone();
	}

}
