package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.population.FhirMapping.Row;
import uk.nhs.bob.primarycare.population.FhirMapping.Rows;
import uk.nhs.bob.primarycare.population.FhirMapping.Skip;
import uk.nhs.bob.primarycare.population.FhirMapping.SourceId;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Observations sent by other systems (a community pharmacy, an optometrist, a home monitoring app) one at a time
 * through the FHIR endpoint, and the observations of a person read back. A reading is checked as a whole before
 * anything is written: the platform must read every value in it (a recognised code, a value in an accepted unit, a
 * plausible number, a date not in the future), and a blood pressure must say where it was taken. It is stored with
 * its source (the sending system and the identifier it gave) and setting, and {@link ObservationsRecorded} is
 * published in the same transaction, so the person's CVD rules are re-evaluated as soon as it is committed.
 */
@Component
class FhirObservations {

	/** Where a blood pressure was taken: the codes are the {@link BloodPressureSetting} names in lower case. */
	static final String SETTING_EXTENSION = "https://bob-primarycare.nhs.uk/fhir/StructureDefinition/reading-setting";

	/** The source system of observations a client sent: this prefix and its client id. */
	static final String CLIENT_SOURCE = "https://bob-primarycare.nhs.uk/fhir/client/";

	/** A reading is refused with every reason found, so the sender can fix them in one go. */
	static class Rejected extends RuntimeException {

		private final List<String> reasons;

		Rejected(List<String> reasons) {
			super(String.join("; ", reasons));
			this.reasons = List.copyOf(reasons);
		}

		List<String> reasons() {
			return reasons;
		}

	}

	/** What was stored: the observation's id and whether it was new (false: sent before with the same identifier). */
	record Stored(String id, boolean created) {
	}

	/** One stored observation row, as search and read return it. */
	record StoredRow(String nhsNumber, int line, @Nullable String codeSystem, String code, @Nullable String display,
			@Nullable BigDecimal value, @Nullable String unit, LocalDate date, @Nullable String setting,
			@Nullable String valueSystem, @Nullable String valueCode, @Nullable String valueDisplay,
			@Nullable String sourceSystem) {

		String id() {
			return nhsNumber + "-" + line;
		}

	}

	private static final String ROW_SELECT = """
			SELECT nhs_number, line, code_system, code, display, value, unit, observed_on, setting, value_system,
			       value_code, value_display, source_system
			FROM population.observation""";

	private final FhirResourceMapper mapper = new FhirResourceMapper(FhirCodeMap.load(), RecordCodes.standard());

	private final RecordCodes codes = RecordCodes.standard();

	private final JdbcClient jdbc;

	private final FhirPersonWriter writer;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	FhirObservations(JdbcClient jdbc, FhirPersonWriter writer, AuditLog auditLog, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.auditLog = auditLog;
		this.events = events;
	}

	/**
	 * Stores an observation the client sent for the person with this NHS number.
	 *
	 * @throws Rejected when any part of it cannot be read, or the person is not registered at a BOB practice
	 */
	@Transactional
	Stored record(NhsNumber nhsNumber, Observation sent, String clientId) {
		List<String> problems = new ArrayList<>();
		BloodPressureSetting setting = setting(sent, problems);
		// the identifier the sender gave makes a resend harmless; without one every post is a new reading
		Identifier identifier = sent.getIdentifier().stream().filter(Identifier::hasValue).findFirst().orElse(null);
		String sourceId = identifier == null ? UUID.randomUUID().toString()
				: (identifier.hasSystem() ? identifier.getSystem() + "|" : "") + identifier.getValue();
		SourceId source = new SourceId(CLIENT_SOURCE + clientId, sourceId);
		Observation copy = sent.copy();
		copy.setId(sourceId);
		copy.setSubject(new Reference("Patient/" + nhsNumber.value()));
		FhirMapping mapping = mapper.observation(null, copy);
		if (mapping instanceof Skip skip) {
			throw new Rejected(List.of(skip.reason()));
		}
		Rows rows = (Rows) mapping;
		problems.addAll(rows.warnings());
		List<Row<?>> toWrite = new ArrayList<>();
		List<CodedRecord.Observation> read = new ArrayList<>();
		for (Row<?> row : rows.rows()) {
			ObservationRow o = (ObservationRow) row.value();
			ObservationType type = codes.type(o.codeSystem(), o.code());
			boolean bloodPressure = type != null && type.isBloodPressure();
			ObservationRow stored = new ObservationRow(o.codeSystem(), o.code(), o.display(), o.value(), o.unit(),
					o.date(), bloodPressure ? setting : null, o.valueSystem(), o.valueCode(), o.valueDisplay());
			toWrite.add(new Row<>(new SourceId(source.system(), row.source().id().replace("Observation/", "")),
					stored));
			if (type != null) {
				CodedRecord.Observation typed = codes.observation(o.codeSystem(), o.code(), o.value(), o.unit(),
						o.date(), bloodPressure && setting != null ? setting.name() : null, o.valueSystem(),
						o.valueCode());
				if (typed == null && rows.warnings().isEmpty()) {
					problems.add(type.label() + " " + (o.value() == null ? "has no value" : o.value() + " "
							+ (o.unit() == null ? "" : o.unit()) + " is not plausible"));
				}
				else if (typed != null) {
					read.add(typed);
				}
			}
		}
		if (read.isEmpty() && problems.isEmpty()) {
			problems.add("The code is not one the platform reads: send a blood pressure (panel or systolic and "
					+ "diastolic), BMI, smoking status, total or HDL cholesterol");
		}
		plausible(read, problems);
		boolean bloodPressure = read.stream().anyMatch(o -> o.type().isBloodPressure());
		if (bloodPressure && setting == null && problems.stream().noneMatch(p -> p.contains(SETTING_EXTENSION))) {
			problems.add("A blood pressure needs the extension " + SETTING_EXTENSION + " saying where it was taken ("
					+ settingCodes() + ")");
		}
		LocalDate date = read.isEmpty() ? null : read.get(0).date();
		// A day's grace: the server clock's date may be behind the UK date the reading was taken on
		if (date != null && date.isAfter(LocalDate.now().plusDays(1))) {
			problems.add("The observation is dated in the future (" + date + ")");
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		Optional<String> held = rowId(toWrite.get(0));
		if (held.isPresent()) {
			return new Stored(held.get(), false);
		}
		Optional<List<RecordedObservation>> written = writer.writeObservations(nhsNumber, toWrite);
		if (written.isEmpty()) {
			throw new Rejected(List.of("No person with NHS number " + nhsNumber.value()
					+ " is registered at a BOB practice"));
		}
		if (!written.get().isEmpty()) {
			events.publishEvent(new ObservationsRecorded(nhsNumber, written.get()));
		}
		return new Stored(rowId(toWrite.get(0)).orElseThrow(), true);
	}

	/** A person's observations, newest first, optionally only these codes ({@code system|code}); audited as a view. */
	@Transactional
	List<StoredRow> search(NhsNumber nhsNumber, List<CodeFilter> codes, String username, String page) {
		StringBuilder sql = new StringBuilder(ROW_SELECT).append(" WHERE nhs_number = :nhs");
		JdbcClient.StatementSpec[] spec = new JdbcClient.StatementSpec[1];
		if (!codes.isEmpty()) {
			sql.append(" AND (");
			for (int i = 0; i < codes.size(); i++) {
				sql.append(i == 0 ? "" : " OR ").append("(code = :code").append(i);
				if (codes.get(i).system() != null) {
					sql.append(" AND code_system IS NOT DISTINCT FROM :system").append(i);
				}
				sql.append(')');
			}
			sql.append(')');
		}
		sql.append(" ORDER BY observed_on DESC, line DESC");
		spec[0] = jdbc.sql(sql.toString()).param("nhs", nhsNumber.value());
		for (int i = 0; i < codes.size(); i++) {
			spec[0] = spec[0].param("code" + i, codes.get(i).code());
			if (codes.get(i).system() != null) {
				spec[0] = spec[0].param("system" + i, FhirResourceMapper.system(codes.get(i).system()),
						java.sql.Types.VARCHAR);
			}
		}
		List<StoredRow> rows = spec[0].query(FhirObservations::row).list();
		if (!rows.isEmpty()) {
			auditLog.recordView(username, nhsNumber, page, "System (API client): observations");
		}
		return rows;
	}

	/** One stored observation by its id ({@code nhsNumber-line}); audited as a view. */
	@Transactional
	Optional<StoredRow> read(String id, String username, String page) {
		int dash = id.lastIndexOf('-');
		if (dash < 0) {
			return Optional.empty();
		}
		Optional<NhsNumber> nhs = NhsNumber.parse(id.substring(0, dash));
		int line;
		try {
			line = Integer.parseInt(id.substring(dash + 1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (nhs.isEmpty()) {
			return Optional.empty();
		}
		Optional<StoredRow> row = jdbc.sql(ROW_SELECT + " WHERE nhs_number = ? AND line = ?")
			.params(nhs.get().value(), line)
			.query(FhirObservations::row)
			.optional();
		row.ifPresent(r -> auditLog.recordView(username, nhs.get(), page, "System (API client): observation"));
		return row;
	}

	/** A code to search for; system null for any system. */
	record CodeFilter(@Nullable String system, String code) {
	}

	/** The typed observation a stored row is, if the platform reads it (its type decides the FHIR category). */
	@Nullable ObservationType type(StoredRow row) {
		return codes.type(row.codeSystem(), row.code());
	}

	private static StoredRow row(java.sql.ResultSet rs, int rowNumber) throws java.sql.SQLException {
		return new StoredRow(rs.getString("nhs_number"), rs.getInt("line"), rs.getString("code_system"),
				rs.getString("code"), rs.getString("display"), rs.getBigDecimal("value"), rs.getString("unit"),
				rs.getObject("observed_on", LocalDate.class), rs.getString("setting"), rs.getString("value_system"),
				rs.getString("value_code"), rs.getString("value_display"), rs.getString("source_system"));
	}

	private Optional<String> rowId(Row<?> row) {
		return jdbc.sql("SELECT nhs_number || '-' || line FROM population.observation WHERE source_system = ? "
				+ "AND source_id = ?")
			.params(row.source().system(), row.source().id())
			.query(String.class)
			.optional();
	}

	private static @Nullable BloodPressureSetting setting(Observation sent, List<String> problems) {
		Extension extension = sent.getExtensionByUrl(SETTING_EXTENSION);
		if (extension == null) {
			return null;
		}
		String code = extension.getValue() == null ? "" : extension.getValue().primitiveValue();
		for (BloodPressureSetting setting : BloodPressureSetting.values()) {
			if (code(setting).equals(code)) {
				return setting;
			}
		}
		problems.add("Reading setting '" + code + "' (" + SETTING_EXTENSION + ") is not one of " + settingCodes());
		return null;
	}

	/** The code of a setting in the reading-setting extension: {@code home-average} for HOME_AVERAGE. */
	static String code(BloodPressureSetting setting) {
		return setting.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private static String settingCodes() {
		return String.join(", ", java.util.Arrays.stream(BloodPressureSetting.values())
			.map(FhirObservations::code)
			.toList());
	}

	/** The same limits as a reading typed in on the CVD pages (see {@link Population#recordBloodPressure}). */
	private static void plausible(List<CodedRecord.Observation> read, List<String> problems) {
		BigDecimal systolic = null;
		BigDecimal diastolic = null;
		for (CodedRecord.Observation o : read) {
			if (o.type() == ObservationType.SYSTOLIC_BP) {
				systolic = o.value();
				if (o.value().intValue() < 50 || o.value().intValue() > 300) {
					problems.add("Systolic blood pressure " + o.value() + " mmHg is not plausible (50 to 300)");
				}
			}
			else if (o.type() == ObservationType.DIASTOLIC_BP) {
				diastolic = o.value();
				if (o.value().intValue() < 20 || o.value().intValue() > 200) {
					problems.add("Diastolic blood pressure " + o.value() + " mmHg is not plausible (20 to 200)");
				}
			}
			else if (o.type() == ObservationType.BMI
					&& (o.value().compareTo(BigDecimal.TEN) < 0 || o.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
				problems.add("BMI " + o.value() + " kg/m2 is not plausible (10 to 100)");
			}
		}
		if (systolic != null && diastolic != null && diastolic.compareTo(systolic) >= 0) {
			problems.add("Diastolic " + diastolic + " is not below systolic " + systolic);
		}
		if ((systolic == null) != (diastolic == null)) {
			problems.add("A blood pressure needs both the systolic and the diastolic value");
		}
	}

}
