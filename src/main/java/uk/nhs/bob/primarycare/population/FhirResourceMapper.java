package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.CodedRecord.Admission;
import uk.nhs.bob.primarycare.population.CodedRecord.Medication;
import uk.nhs.bob.primarycare.population.CodedRecord.Problem;
import uk.nhs.bob.primarycare.population.FhirMapping.Medicine;
import uk.nhs.bob.primarycare.population.FhirMapping.NeedsMedicine;
import uk.nhs.bob.primarycare.population.FhirMapping.NotRelevant;
import uk.nhs.bob.primarycare.population.FhirMapping.Person;
import uk.nhs.bob.primarycare.population.FhirMapping.Row;
import uk.nhs.bob.primarycare.population.FhirMapping.Rows;
import uk.nhs.bob.primarycare.population.FhirMapping.Skip;
import uk.nhs.bob.primarycare.population.FhirMapping.SourceId;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.terminology.CodeSets;

/**
 * Maps one parsed FHIR R4 resource to what the population stores. Conditions, Observations and medicines keep the
 * code, system and display they came with (what they mean is read from the code sets whenever the record is read);
 * patients and admissions use {@link FhirCodeMap}. Pure: no database, so every rule is unit-tested.
 */
final class FhirResourceMapper {

	static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

	static final String SNOMED = "http://snomed.info/sct";

	static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

	static final String UCUM = "http://unitsofmeasure.org";

	static final String UK_CORE_ETHNIC_CATEGORY = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";

	static final String US_CORE_RACE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";

	/** Codes longer than this are not codes of any system the platform reads (SNOMED CT allows 18 digits). */
	static final int LONGEST_CODE = 100;

	private final FhirCodeMap codes;

	private final RecordCodes recordCodes;

	FhirResourceMapper(FhirCodeMap codes, RecordCodes recordCodes) {
		this.codes = codes;
		this.recordCodes = recordCodes;
	}

	FhirMapping map(@Nullable String fullUrl, IBaseResource resource) {
		if (resource instanceof Patient patient) {
			return patient(fullUrl, patient);
		}
		if (resource instanceof Observation observation) {
			return observation(fullUrl, observation);
		}
		if (resource instanceof Condition condition) {
			return condition(fullUrl, condition);
		}
		if (resource instanceof MedicationRequest request) {
			return medicationRequest(fullUrl, request);
		}
		if (resource instanceof MedicationStatement statement) {
			return medicationStatement(fullUrl, statement);
		}
		if (resource instanceof Encounter encounter) {
			return encounter(fullUrl, encounter);
		}
		if (resource instanceof org.hl7.fhir.r4.model.Medication medicine) {
			return medicine(fullUrl, medicine);
		}
		return new Skip("Resource type " + resource.fhirType() + " is not imported");
	}

	FhirMapping patient(@Nullable String fullUrl, Patient patient) {
		String id = patient.getIdElement().getIdPart();
		String nhsNumber = null;
		for (Identifier identifier : patient.getIdentifier()) {
			if (NHS_NUMBER_SYSTEM.equals(identifier.getSystem()) && identifier.hasValue()) {
				Optional<NhsNumber> parsed = NhsNumber.parse(identifier.getValue());
				if (parsed.isEmpty()) {
					return new Skip("NHS number " + identifier.getValue() + " is not valid (Modulus 11 check)");
				}
				nhsNumber = parsed.get().value();
			}
		}
		HumanName name = patient.getName().stream()
			.filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
			.findFirst()
			.orElse(patient.getNameFirstRep());
		// Test generators number their names (Synthea: "Jacinto644"); the digits are not part of a name
		String family = clean(name.getFamily(), 60);
		String given = name.getGiven().isEmpty() ? "" : clean(name.getGiven().get(0).getValue(), 60);
		if (family.isEmpty()) {
			return new Skip("Patient has no family name");
		}
		if (given.isEmpty()) {
			return new Skip("Patient has no given name");
		}
		if (!patient.hasBirthDate()) {
			return new Skip("Patient has no birth date");
		}
		Sex sex;
		if (patient.getGender() == org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE) {
			sex = Sex.FEMALE;
		}
		else if (patient.getGender() == org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE) {
			sex = Sex.MALE;
		}
		else {
			return new Skip("Patient gender must be male or female (the risk tools need sex)");
		}
		LocalDate death = patient.hasDeceasedDateTimeType() ? date(patient.getDeceasedDateTimeType()) : null;
		List<String> keys = new ArrayList<>();
		if (fullUrl != null) {
			keys.add(reference(fullUrl));
		}
		if (id != null) {
			keys.add("Patient/" + id);
		}
		if (keys.isEmpty()) {
			return new Skip("Patient has neither a full URL nor an id");
		}
		Identifier practiceIdentifier = patient.getGeneralPractitioner()
			.stream()
			.filter(r -> r.hasIdentifier() && ODS_SYSTEM.equals(r.getIdentifier().getSystem())
					&& r.getIdentifier().hasValue())
			.map(Reference::getIdentifier)
			.findFirst()
			.orElse(null);
		String practice = practiceIdentifier == null ? null : practiceIdentifier.getValue().trim();
		FhirMapping.Registration registration = null;
		if (practiceIdentifier != null && practiceIdentifier.hasPeriod()) {
			LocalDate from = date(practiceIdentifier.getPeriod().getStartElement());
			LocalDate until = date(practiceIdentifier.getPeriod().getEndElement());
			if (from != null && until != null && until.isBefore(from)) {
				return new Skip("The registration period at " + practice + " ends (" + until + ") before it starts ("
						+ from + ")");
			}
			registration = new FhirMapping.Registration(from, until);
		}
		return new Person(List.copyOf(keys), SourceId.of(fullUrl, "Patient", id), nhsNumber, given, family,
				date(patient.getBirthDateElement()), sex, ethnicity(patient), death, practice, registration);
	}

	/**
	 * UK Core ethnic category codes are the ONS letters; US Core race categories (OMB) are no ONS group, so they go
	 * to the "other" group of the nearest heading (see the code map), and anything else to not stated.
	 */
	private Ethnicity ethnicity(Patient patient) {
		for (Extension extension : patient.getExtension()) {
			if (UK_CORE_ETHNIC_CATEGORY.equals(extension.getUrl())
					&& extension.getValue() instanceof CodeableConcept concept) {
				for (Coding coding : concept.getCoding()) {
					Optional<Ethnicity> ethnicity = Ethnicity.ofCode(coding.getCode());
					if (ethnicity.isPresent()) {
						return ethnicity.get();
					}
				}
			}
			if (US_CORE_RACE.equals(extension.getUrl())) {
				for (Extension part : extension.getExtension()) {
					if ("ombCategory".equals(part.getUrl()) && part.getValue() instanceof Coding coding) {
						Optional<Ethnicity> ethnicity = codes.ethnicity(coding.getSystem(), coding.getCode());
						if (ethnicity.isPresent()) {
							return ethnicity.get();
						}
					}
				}
			}
		}
		return Ethnicity.NOT_STATED;
	}

	/**
	 * Every Observation is kept with its code, system and display: a value as sent (quantity and unit) or a coded
	 * answer; each component of a panel (a blood pressure panel's systolic and diastolic) as a row of its own. One the
	 * platform recognises but cannot use (a unit it does not read, an answer it does not know) is kept and reported.
	 */
	FhirMapping observation(@Nullable String fullUrl, Observation observation) {
		String status = observation.hasStatus() ? observation.getStatus().toCode() : "";
		if (status.equals("entered-in-error") || status.equals("cancelled")) {
			return new Skip("Observation status is " + status);
		}
		Coding coding = chosen(observation.getCode());
		if (coding == null) {
			return new Skip("Observation has no code");
		}
		if (!observation.hasSubject() || !observation.getSubject().hasReference()) {
			return new Skip("Observation has no subject");
		}
		LocalDate date = observation.hasEffectiveDateTimeType() ? date(observation.getEffectiveDateTimeType())
				: observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()
						? date(observation.getEffectivePeriod().getStartElement())
						: observation.hasIssued() ? date(observation.getIssuedElement()) : null;
		if (date == null) {
			return new Skip("Observation has no date");
		}
		SourceId source = SourceId.of(fullUrl, "Observation", observation.getIdElement().getIdPart());
		List<Row<?>> rows = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		rows.add(new Row<>(source, row(coding, observation.getValue(), date, warnings)));
		for (Observation.ObservationComponentComponent component : observation.getComponent()) {
			Coding part = chosen(component.getCode());
			if (part == null) {
				continue;
			}
			ObservationType type = recordCodes.type(part.getSystem(), part.getCode());
			// blood pressure components keep the source ids earlier imports gave them, so re-imports add nothing
			String suffix = type != null && type.isBloodPressure() ? type.name() : part.getCode();
			rows.add(new Row<>(source.part(suffix), row(part, component.getValue(), date, warnings)));
		}
		return new Rows(reference(observation.getSubject()), rows, warnings);
	}

	/** A stored observation row for one coding and its value, noting what the platform cannot read. */
	private ObservationRow row(Coding coding, @Nullable Type value, LocalDate date, List<String> warnings) {
		String system = system(coding.getSystem());
		String display = coding.hasDisplay() ? truncate(coding.getDisplay(), 255) : null;
		ObservationType type = recordCodes.type(system, coding.getCode());
		BigDecimal number = null;
		String unit = null;
		String valueSystem = null;
		String valueCode = null;
		String valueDisplay = null;
		if (value instanceof Quantity quantity && quantity.hasValue()) {
			number = quantity.getValue();
			unit = quantity.hasCode() && (type == null || recordCodes.unitAccepted(type, quantity.getCode()))
					? quantity.getCode() : quantity.getUnit();
			unit = unit == null ? null : truncate(unit, 50);
		}
		else if (value instanceof CodeableConcept answer) {
			Coding chosen = chosen(answer);
			if (chosen != null) {
				valueSystem = system(chosen.getSystem());
				valueCode = chosen.getCode();
				valueDisplay = chosen.hasDisplay() ? truncate(chosen.getDisplay(), 255)
						: answer.hasText() ? truncate(answer.getText(), 255) : null;
			}
		}
		if (type == ObservationType.SMOKING_STATUS) {
			if (SmokingStatus.of(recordCodes.codeSets().clustersOf(system, coding.getCode())).isEmpty()
					&& recordCodes.smokingAnswer(valueSystem, valueCode) == null) {
				warnings.add("Kept in the record but not used: smoking status answer "
						+ (valueDisplay != null ? valueDisplay : valueCode) + " is not recognised");
			}
		}
		else if (type != null) {
			if (number == null) {
				warnings.add("Kept in the record but not used: " + type.label() + " has no value");
			}
			else if (!recordCodes.unitAccepted(type, unit) && !type.unit().equals(unit)) {
				warnings.add("Kept in the record but not used: " + type.label() + " in unit '"
						+ (unit == null ? "" : unit) + "' is not accepted");
			}
		}
		return new ObservationRow(system, coding.getCode(), display, number, unit, date, null, valueSystem,
				valueCode, valueDisplay);
	}

	/**
	 * The coding a record keeps of a concept: one the platform recognises, else the SNOMED CT one, else the first with
	 * a code; null when none has a code short enough to be one.
	 */
	@Nullable Coding chosen(CodeableConcept concept) {
		Coding snomed = null;
		Coding first = null;
		for (Coding coding : concept.getCoding()) {
			if (!coding.hasCode() || coding.getCode().length() > LONGEST_CODE) {
				continue;
			}
			String system = system(coding.getSystem());
			if (recordCodes.type(system, coding.getCode()) != null
					|| !recordCodes.codeSets().clustersOf(system, coding.getCode()).isEmpty()) {
				return coding;
			}
			if (snomed == null && CodeSets.inCodeSets(system) && system != null) {
				snomed = coding;
			}
			if (first == null) {
				first = coding;
			}
		}
		return snomed != null ? snomed : first;
	}

	/** The system as stored: null for SNOMED CT (the stored default), anything else as sent. */
	static @Nullable String system(@Nullable String system) {
		return system == null || SNOMED.equals(system) ? null : truncate(system, 255);
	}

	FhirMapping condition(@Nullable String fullUrl, Condition condition) {
		String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
		if ("entered-in-error".equals(verification) || "refuted".equals(verification)) {
			return new Skip("Condition verification status is " + verification);
		}
		Coding coding = chosen(condition.getCode());
		if (coding == null) {
			return new Skip("Condition has no code");
		}
		if (!condition.hasSubject() || !condition.getSubject().hasReference()) {
			return new Skip("Condition has no subject");
		}
		LocalDate onset = condition.hasOnsetDateTimeType() ? date(condition.getOnsetDateTimeType())
				: condition.hasOnsetPeriod() && condition.getOnsetPeriod().hasStart()
						? date(condition.getOnsetPeriod().getStartElement())
						: condition.hasRecordedDate() ? date(condition.getRecordedDateElement()) : null;
		if (onset == null) {
			return new Skip("Condition has no onset or recorded date");
		}
		LocalDate abated = condition.hasAbatementDateTimeType() ? date(condition.getAbatementDateTimeType())
				: condition.hasAbatementPeriod() && condition.getAbatementPeriod().hasEnd()
						? date(condition.getAbatementPeriod().getEndElement()) : null;
		String term = coding.hasDisplay() ? coding.getDisplay()
				: condition.getCode().hasText() ? condition.getCode().getText() : coding.getCode();
		String system = system(coding.getSystem());
		Problem problem = recordCodes.problem(system, coding.getCode(), truncate(term, 255), onset, abated);
		List<String> warnings = CodeSets.inCodeSets(system) ? List.of()
				: List.of("Kept in the record but not used: coded in " + system
						+ " only, and the registers read SNOMED CT");
		return new Rows(reference(condition.getSubject()),
				List.of(new Row<>(SourceId.of(fullUrl, "Condition", condition.getIdElement().getIdPart()), problem)),
				warnings);
	}

	FhirMapping medicationRequest(@Nullable String fullUrl, MedicationRequest request) {
		String status = request.hasStatus() ? request.getStatus().toCode() : "";
		if (status.equals("entered-in-error") || status.equals("cancelled") || status.equals("draft")) {
			return new Skip("MedicationRequest status is " + status);
		}
		if (!request.hasMedicationCodeableConcept()
				&& !(request.hasMedicationReference() && request.getMedicationReference().hasReference())) {
			return new Skip("MedicationRequest names no medicine");
		}
		if (!request.hasAuthoredOn()) {
			return new Skip("MedicationRequest has no authored date");
		}
		LocalDate start = date(request.getAuthoredOnElement());
		LocalDate end = null;
		if (status.equals("stopped") || status.equals("completed")) {
			// A finished prescription without a validity period counts as one issue on the day it was written
			end = request.getDispenseRequest().getValidityPeriod().hasEnd()
					? date(request.getDispenseRequest().getValidityPeriod().getEndElement()) : start;
		}
		String id = request.getIdElement().getIdPart();
		LocalDate finalEnd = end;
		if (!request.hasMedicationCodeableConcept()) {
			return new NeedsMedicine(medicineKey(request.getMedicationReference().getReference()), "MedicationRequest",
					id == null ? "" : id,
					code -> medication(fullUrl, "MedicationRequest", id, request.getSubject(), code, start, finalEnd));
		}
		return medication(fullUrl, "MedicationRequest", id, request.getSubject(),
				request.getMedicationCodeableConcept(), start, end);
	}

	FhirMapping medicationStatement(@Nullable String fullUrl, MedicationStatement statement) {
		String status = statement.hasStatus() ? statement.getStatus().toCode() : "";
		if (status.equals("entered-in-error") || status.equals("not-taken")) {
			return new Skip("MedicationStatement status is " + status);
		}
		if (!statement.hasMedicationCodeableConcept()
				&& !(statement.hasMedicationReference() && statement.getMedicationReference().hasReference())) {
			return new Skip("MedicationStatement names no medicine");
		}
		LocalDate start = statement.hasEffectiveDateTimeType() ? date(statement.getEffectiveDateTimeType())
				: statement.hasEffectivePeriod() && statement.getEffectivePeriod().hasStart()
						? date(statement.getEffectivePeriod().getStartElement())
						: statement.hasDateAsserted() ? date(statement.getDateAssertedElement()) : null;
		if (start == null) {
			return new Skip("MedicationStatement has no date");
		}
		LocalDate end = statement.hasEffectivePeriod() && statement.getEffectivePeriod().hasEnd()
				? date(statement.getEffectivePeriod().getEndElement())
				: status.equals("completed") || status.equals("stopped") ? start : null;
		String id = statement.getIdElement().getIdPart();
		if (!statement.hasMedicationCodeableConcept()) {
			LocalDate from = start;
			return new NeedsMedicine(medicineKey(statement.getMedicationReference().getReference()),
					"MedicationStatement", id == null ? "" : id,
					code -> medication(fullUrl, "MedicationStatement", id, statement.getSubject(), code, from, end));
		}
		return medication(fullUrl, "MedicationStatement", id, statement.getSubject(),
				statement.getMedicationCodeableConcept(), start, end);
	}

	private FhirMapping medication(@Nullable String fullUrl, String type, @Nullable String id, Reference subject,
			CodeableConcept medicine, LocalDate start, @Nullable LocalDate end) {
		if (!subject.hasReference()) {
			return new Skip(type + " has no subject");
		}
		Coding coded = chosen(medicine);
		if (coded == null) {
			return new Skip(type + " has no medicine code");
		}
		String name = medicine.hasText() ? medicine.getText()
				: coded.hasDisplay() ? coded.getDisplay() : coded.getCode();
		Medication medication = recordCodes.medication(system(coded.getSystem()), coded.getCode(), truncate(name, 255),
				start, end);
		return new Rows(reference(subject), List.of(new Row<>(SourceId.of(fullUrl, type, id), medication)));
	}

	/**
	 * An inpatient encounter as a hospital admission, an emergency one as an A&amp;E attendance (not an admission: someone
	 * admitted from A&amp;E has an inpatient encounter too). For an inpatient class the encounter's priority, then its
	 * admission source, says whether it was planned; when neither says, the admission is kept as not stated rather than
	 * guessed.
	 */
	FhirMapping encounter(@Nullable String fullUrl, Encounter encounter) {
		Optional<FhirCodeMap.AdmissionClass> admission = codes.admission(encounter.getClass_().getSystem(),
				encounter.getClass_().getCode());
		if (admission.isEmpty()) {
			return new NotRelevant();
		}
		String status = encounter.hasStatus() ? encounter.getStatus().toCode() : "";
		if (status.equals("planned") || status.equals("cancelled") || status.equals("entered-in-error")) {
			return new Skip("Encounter status is " + status);
		}
		if (!encounter.hasSubject() || !encounter.getSubject().hasReference()) {
			return new Skip("Encounter has no subject");
		}
		if (!encounter.getPeriod().hasStart()) {
			return new Skip("Encounter has no start date");
		}
		boolean attendance = admission.get() == FhirCodeMap.AdmissionClass.ATTENDANCE;
		Boolean planned = attendance ? Boolean.FALSE : null;
		if (planned == null) {
			planned = encounter.getPriority()
				.getCoding()
				.stream()
				.map(c -> codes.plannedByPriority(c.getSystem(), c.getCode()))
				.flatMap(Optional::stream)
				.findFirst()
				.or(() -> encounter.getHospitalization()
					.getAdmitSource()
					.getCoding()
					.stream()
					.map(c -> codes.plannedByAdmitSource(c.getSystem(), c.getCode()))
					.flatMap(Optional::stream)
					.findFirst())
				.orElse(null);
		}
		String reason = encounter.hasReasonCode() ? describe(encounter.getReasonCodeFirstRep())
				: encounter.hasType() ? describe(encounter.getTypeFirstRep())
						: attendance ? "A&E attendance"
								: Boolean.FALSE.equals(planned) ? "Emergency admission" : "Inpatient admission";
		Admission row = new Admission(date(encounter.getPeriod().getStartElement()), planned, truncate(reason, 120),
				attendance);
		return new Rows(reference(encounter.getSubject()), List.of(
				new Row<>(SourceId.of(fullUrl, "Encounter", encounter.getIdElement().getIdPart()), row)));
	}

	/** A reference as the key a Patient is found under: {@code urn:uuid:...} as it is, else {@code Patient/id}. */
	/** A Medication resource, remembered by the keys prescriptions can reference it by. */
	FhirMapping medicine(@Nullable String fullUrl, org.hl7.fhir.r4.model.Medication medicine) {
		if (!medicine.hasCode() || medicine.getCode().getCoding().isEmpty()) {
			return new Skip("Medication has no code");
		}
		List<String> keys = new java.util.ArrayList<>();
		if (fullUrl != null) {
			keys.add(medicineKey(fullUrl));
		}
		if (medicine.getIdElement().hasIdPart()) {
			keys.add("Medication/" + medicine.getIdElement().getIdPart());
		}
		return new Medicine(keys, medicine.getCode());
	}

	/** {@code urn:uuid:...} as it is; {@code [base/]Medication/id} as {@code Medication/id}. */
	static String medicineKey(String reference) {
		if (reference.startsWith("urn:")) {
			return reference;
		}
		int at = reference.lastIndexOf("Medication/");
		return at < 0 ? reference : reference.substring(at);
	}

	static String reference(Reference reference) {
		return reference(reference.getReference());
	}

	static String reference(String reference) {
		if (reference.startsWith("urn:")) {
			return reference;
		}
		int at = reference.lastIndexOf("Patient/");
		if (at < 0) {
			return reference;
		}
		String local = reference.substring(at);
		int history = local.indexOf("/_history");
		return history < 0 ? local : local.substring(0, history);
	}

	static String resourceId(@Nullable String fullUrl, Resource resource) {
		String id = resource.getIdElement().getIdPart();
		return id != null ? id : fullUrl != null ? fullUrl : "";
	}

	private static String describe(CodeableConcept concept) {
		if (concept.hasText()) {
			return concept.getText();
		}
		Coding coding = concept.getCodingFirstRep();
		return coding.hasDisplay() ? coding.getDisplay() : coding.getSystem() + "|" + coding.getCode();
	}

	/** The day of a FHIR date or date-time as written (its local date), partial dates on their first day. */
	static @Nullable LocalDate date(@Nullable BaseDateTimeType value) {
		if (value == null || value.isEmpty() || value.getValueAsString() == null) {
			return null;
		}
		String text = value.getValueAsString();
		if (text.length() >= 10) {
			return LocalDate.parse(text.substring(0, 10));
		}
		if (text.length() == 7) {
			return LocalDate.parse(text + "-01");
		}
		return LocalDate.parse(text.substring(0, 4) + "-01-01");
	}

	private static String clean(@Nullable String name, int length) {
		return name == null ? "" : truncate(name.replaceAll("\\d+", "").strip(), length);
	}

	private static String truncate(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

}
