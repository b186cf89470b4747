package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

/**
 * Maps one parsed FHIR R4 resource to what the population stores, using the codes of {@link FhirCodeMap}. Pure: no
 * database, so every rule is unit-tested.
 */
final class FhirResourceMapper {

	static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

	static final String SNOMED = "http://snomed.info/sct";

	static final String UCUM = "http://unitsofmeasure.org";

	static final String UK_CORE_ETHNIC_CATEGORY = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";

	static final String US_CORE_RACE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";

	private static final BigDecimal LARGEST_VALUE = new BigDecimal("99999.99");

	private final FhirCodeMap codes;

	FhirResourceMapper(FhirCodeMap codes) {
		this.codes = codes;
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
		return new Person(List.copyOf(keys), SourceId.of(fullUrl, "Patient", id), nhsNumber, given, family,
				date(patient.getBirthDateElement()), sex, ethnicity(patient), death);
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

	FhirMapping observation(@Nullable String fullUrl, Observation observation) {
		String status = observation.hasStatus() ? observation.getStatus().toCode() : "";
		if (status.equals("entered-in-error") || status.equals("cancelled")) {
			return new Skip("Observation status is " + status);
		}
		SourceId source = SourceId.of(fullUrl, "Observation", observation.getIdElement().getIdPart());
		boolean panel = observation.getCode().getCoding().stream()
			.anyMatch(c -> codes.bloodPressurePanel(c.getSystem(), c.getCode()));
		Optional<ObservationType> type = type(observation.getCode());
		if (!panel && type.isEmpty()) {
			return new NotRelevant();
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
		String subject = reference(observation.getSubject());
		List<Row<?>> rows = new ArrayList<>();
		if (panel) {
			for (Observation.ObservationComponentComponent component : observation.getComponent()) {
				Optional<ObservationType> part = type(component.getCode());
				if (part.isEmpty() || !part.get().isBloodPressure()) {
					continue;
				}
				if (!(component.getValue() instanceof Quantity quantity)) {
					return new Skip(part.get().label() + " has no quantity");
				}
				Object value = quantity(part.get(), quantity, date);
				if (value instanceof String reason) {
					return new Skip(reason);
				}
				rows.add(new Row<>(source.part(part.get().name()), value));
			}
			if (rows.isEmpty()) {
				return new Skip("Blood pressure panel without systolic or diastolic component");
			}
			return new Rows(subject, rows);
		}
		ObservationType observationType = type.get();
		if (observationType == ObservationType.SMOKING_STATUS) {
			if (!(observation.getValue() instanceof CodeableConcept answer)) {
				return new Skip("Smoking status has no coded answer");
			}
			Optional<SmokingStatus> smoking = answer.getCoding().stream()
				.map(c -> codes.smokingStatus(c.getSystem(), c.getCode()))
				.flatMap(Optional::stream)
				.findFirst();
			if (smoking.isEmpty()) {
				return new Skip("Smoking status answer " + describe(answer) + " is not understood");
			}
			// A FHIR smoking status carries no amount: the value (cigarettes a day) is recorded as 0, "not known"
			rows.add(new Row<>(source, new CodedRecord.Observation(observationType, smoking.get().snomedCode(),
					BigDecimal.ZERO, observationType.unit(), date, null)));
			return new Rows(subject, rows);
		}
		if (!(observation.getValue() instanceof Quantity quantity)) {
			return new Skip(observationType.label() + " has no quantity");
		}
		Object value = quantity(observationType, quantity, date);
		if (value instanceof String reason) {
			return new Skip(reason);
		}
		rows.add(new Row<>(source, value));
		return new Rows(subject, rows);
	}

	private Optional<ObservationType> type(CodeableConcept code) {
		return code.getCoding().stream()
			.map(c -> codes.observation(c.getSystem(), c.getCode()))
			.flatMap(Optional::stream)
			.findFirst();
	}

	/** The observation in the platform's unit, or the reason it cannot be read. */
	Object quantity(ObservationType type, Quantity quantity, LocalDate date) {
		if (!quantity.hasValue()) {
			return type.label() + " has no value";
		}
		Optional<FhirCodeMap.UnitRule> rule = quantity.hasCode() ? codes.unit(type, quantity.getCode())
				: Optional.empty();
		if (rule.isEmpty()) {
			rule = codes.unit(type, quantity.getUnit());
		}
		if (rule.isEmpty()) {
			String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
			return type.label() + " in unit '" + (unit == null ? "" : unit) + "' is not accepted";
		}
		BigDecimal value = quantity.getValue().divide(rule.get().divisor(), 2, RoundingMode.HALF_UP);
		if (value.signum() < 0 || value.compareTo(LARGEST_VALUE) > 0) {
			return type.label() + " value " + quantity.getValue().toPlainString() + " is out of range";
		}
		return new CodedRecord.Observation(type, type.snomedCode(), value, rule.get().unit(), date,
				type.isBloodPressure() ? BloodPressureSetting.CLINIC : null);
	}

	FhirMapping condition(@Nullable String fullUrl, Condition condition) {
		String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
		if ("entered-in-error".equals(verification) || "refuted".equals(verification)) {
			return new Skip("Condition verification status is " + verification);
		}
		Optional<Coding> snomed = condition.getCode().getCoding().stream()
			.filter(c -> SNOMED.equals(c.getSystem()) && c.hasCode())
			.findFirst();
		if (snomed.isEmpty()) {
			return new Skip("Condition has no SNOMED CT code");
		}
		if (snomed.get().getCode().length() > 18) {
			return new Skip("Condition SNOMED CT code is too long");
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
		String term = snomed.get().hasDisplay() ? snomed.get().getDisplay()
				: condition.getCode().hasText() ? condition.getCode().getText() : snomed.get().getCode();
		Problem problem = new Problem(snomed.get().getCode(), truncate(term, 120), onset, abated);
		return new Rows(reference(condition.getSubject()),
				List.of(new Row<>(SourceId.of(fullUrl, "Condition", condition.getIdElement().getIdPart()), problem)));
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
		Optional<Coding> coded = medicine.getCoding().stream()
			.filter(c -> c.hasCode() && c.getCode().length() <= 18)
			.findFirst();
		if (coded.isEmpty()) {
			return new Skip(type + " has no medicine code");
		}
		String name = medicine.hasText() ? medicine.getText()
				: coded.get().hasDisplay() ? coded.get().getDisplay() : coded.get().getCode();
		MedicationCategory category = medicine.getCoding().stream()
			.map(c -> codes.medication(c.getSystem(), c.getCode()))
			.flatMap(Optional::stream)
			.findFirst()
			.or(() -> codes.medicationByName(name))
			.orElse(MedicationCategory.OTHER);
		Medication medication = new Medication(category, truncate(name, 80), coded.get().getCode(), start, end);
		return new Rows(reference(subject), List.of(new Row<>(SourceId.of(fullUrl, type, id), medication)));
	}

	FhirMapping encounter(@Nullable String fullUrl, Encounter encounter) {
		Optional<Boolean> planned = codes.admission(encounter.getClass_().getSystem(),
				encounter.getClass_().getCode());
		if (planned.isEmpty()) {
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
		String reason = encounter.hasReasonCode() ? describe(encounter.getReasonCodeFirstRep())
				: encounter.hasType() ? describe(encounter.getTypeFirstRep())
						: planned.get() ? "Inpatient admission" : "Emergency admission";
		Admission admission = new Admission(date(encounter.getPeriod().getStartElement()), planned.get(),
				truncate(reason, 120));
		return new Rows(reference(encounter.getSubject()), List.of(
				new Row<>(SourceId.of(fullUrl, "Encounter", encounter.getIdElement().getIdPart()), admission)));
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
