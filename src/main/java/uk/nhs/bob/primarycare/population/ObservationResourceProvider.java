package uk.nhs.bob.primarycare.population;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * {@code Observation} on the FHIR endpoint: create (a reading from a pharmacy, an optometrist or a home monitoring
 * app, see {@link FhirObservations}), read, and search by {@code patient} (or {@code patient.identifier}) and
 * {@code code}. Creating needs {@code observation.write}; reading and searching {@code patient.read}, audited.
 */
@Component
class ObservationResourceProvider implements IResourceProvider {

	static final String PAGE = "FHIR API: Observation";

	static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";

	private final FhirObservations observations;

	private final StaffUsers staffUsers;

	ObservationResourceProvider(FhirObservations observations, StaffUsers staffUsers) {
		this.observations = observations;
		this.staffUsers = staffUsers;
	}

	@Override
	public Class<Observation> getResourceType() {
		return Observation.class;
	}

	@Create
	public MethodOutcome create(@ResourceParam Observation observation) {
		NhsNumber nhsNumber = subject(observation.getSubject());
		FhirObservations.Stored stored;
		try {
			stored = observations.record(nhsNumber, observation, staffUsers.currentUser().username());
		}
		catch (FhirObservations.Rejected rejected) {
			OperationOutcome outcome = new OperationOutcome();
			for (String reason : rejected.reasons()) {
				outcome.addIssue()
					.setSeverity(OperationOutcome.IssueSeverity.ERROR)
					.setCode(OperationOutcome.IssueType.PROCESSING)
					.setDiagnostics(reason);
			}
			throw new UnprocessableEntityException("The observation was not stored: " + rejected.getMessage(),
					outcome);
		}
		return new MethodOutcome(new IdType("Observation", stored.id()), stored.created());
	}

	@Read
	public Observation read(@IdParam IdType id) {
		return observations.read(id.getIdPart(), staffUsers.currentUser().username(), PAGE)
			.map(this::toFhir)
			.orElseThrow(() -> new ResourceNotFoundException(id));
	}

	@Search
	public List<Observation> search(
			@RequiredParam(name = Observation.SP_PATIENT, chainWhitelist = { "", Patient.SP_IDENTIFIER },
					targetTypes = Patient.class) ReferenceParam patient,
			@OptionalParam(name = Observation.SP_CODE) @Nullable TokenOrListParam code) {
		NhsNumber nhsNumber = PatientSearchParameter.nhsNumber(patient);
		List<FhirObservations.CodeFilter> codes = new ArrayList<>();
		if (code != null) {
			for (TokenParam token : code.getValuesAsQueryTokens()) {
				codes.add(new FhirObservations.CodeFilter(token.getSystem(), token.getValue()));
			}
		}
		return observations.search(nhsNumber, codes, staffUsers.currentUser().username(), PAGE)
			.stream()
			.map(this::toFhir)
			.toList();
	}

	/** The subject of a sent observation: {@code Patient/<NHS number>} or an NHS number identifier. */
	private static NhsNumber subject(Reference subject) {
		String value = null;
		if (subject.hasIdentifier()) {
			if (!FhirResourceMapper.NHS_NUMBER_SYSTEM.equals(subject.getIdentifier().getSystem())) {
				throw new UnprocessableEntityException("Observation.subject.identifier must be an NHS number ("
						+ FhirResourceMapper.NHS_NUMBER_SYSTEM + ")");
			}
			value = subject.getIdentifier().getValue();
		}
		else if (subject.hasReference() && subject.getReferenceElement().getResourceType() != null
				&& subject.getReferenceElement().getResourceType().equals("Patient")) {
			value = subject.getReferenceElement().getIdPart();
		}
		if (value == null) {
			throw new UnprocessableEntityException(
					"Observation.subject must name the person: Patient/<NHS number> or an NHS number identifier");
		}
		String sent = value;
		return NhsNumber.parse(value)
			.orElseThrow(() -> new UnprocessableEntityException("'" + sent + "' is not a valid NHS number"));
	}

	Observation toFhir(FhirObservations.StoredRow row) {
		Observation observation = new Observation();
		observation.setId(row.id());
		if (row.sourceSystem() != null) {
			observation.getMeta().setSource(row.sourceSystem());
		}
		observation.setStatus(Observation.ObservationStatus.FINAL);
		ObservationType type = observations.type(row);
		String category = category(type);
		if (category != null) {
			observation.addCategory(new CodeableConcept().addCoding(new Coding(CATEGORY_SYSTEM, category, null)));
		}
		observation.setCode(new CodeableConcept().addCoding(new Coding(
				row.codeSystem() == null ? FhirResourceMapper.SNOMED : row.codeSystem(), row.code(), row.display())));
		observation.setSubject(new Reference("Patient/" + row.nhsNumber()).setIdentifier(
				new Identifier().setSystem(FhirResourceMapper.NHS_NUMBER_SYSTEM).setValue(row.nhsNumber())));
		observation.setEffective(new DateTimeType(row.date().toString()));
		if (row.value() != null) {
			Quantity quantity = new Quantity().setValue(row.value());
			if (row.unit() != null) {
				quantity.setUnit(row.unit());
				String ucum = ucum(row.unit());
				if (ucum != null) {
					quantity.setSystem(FhirResourceMapper.UCUM).setCode(ucum);
				}
			}
			observation.setValue(quantity);
		}
		else if (row.valueCode() != null) {
			observation.setValue(new CodeableConcept().addCoding(new Coding(
					row.valueSystem() == null ? FhirResourceMapper.SNOMED : row.valueSystem(), row.valueCode(),
					row.valueDisplay())));
		}
		else {
			observation.setDataAbsentReason(new CodeableConcept().addCoding(new Coding(
					"http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-applicable", "Not Applicable")));
		}
		if (row.setting() != null) {
			observation.addExtension(FhirObservations.SETTING_EXTENSION, new org.hl7.fhir.r4.model.CodeType(
					FhirObservations.code(BloodPressureSetting.valueOf(row.setting()))));
		}
		return observation;
	}

	private static @Nullable String category(@Nullable ObservationType type) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case SYSTOLIC_BP, DIASTOLIC_BP, BMI -> "vital-signs";
			case SMOKING_STATUS -> "social-history";
			case TOTAL_CHOLESTEROL, HDL_CHOLESTEROL, EGFR -> "laboratory";
		};
	}

	/** The UCUM code of a unit as the platform writes it, where it is not one already ({@code mmHg}). */
	private static @Nullable String ucum(String unit) {
		return switch (unit) {
			case "mmHg", "mm[Hg]" -> "mm[Hg]";
			case "kg/m2", "mmol/L", "/d", "mg/dL" -> unit;
			case "mL/min/1.73m2", "mL/min/{1.73_m2}" -> "mL/min/{1.73_m2}";
			default -> null;
		};
	}

}
