package uk.nhs.bob.primarycare.population;

import java.util.List;
import java.util.Optional;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.audit.AuditLog;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * {@code Patient} on the FHIR endpoint: read by NHS number (the logical id, as NHS England's PDS FHIR API does) and
 * search by {@code identifier=https://fhir.nhs.uk/Id/nhs-number|<number>}. Demographics as held, the postcode only
 * (the platform keeps no street address), and the registered practice as an Organization reference with its ODS
 * code. A system with {@code patient.read} acts for the whole ICB; every Patient returned is audited as a view.
 */
@Component
class PatientResourceProvider implements IResourceProvider {

	static final String PAGE = "FHIR API: Patient";

	private final Population population;

	private final Directory directory;

	private final AuditLog auditLog;

	private final StaffUsers staffUsers;

	private final TransactionTemplate transactions;

	PatientResourceProvider(Population population, Directory directory, AuditLog auditLog, StaffUsers staffUsers,
			TransactionTemplate transactions) {
		this.population = population;
		this.directory = directory;
		this.auditLog = auditLog;
		this.staffUsers = staffUsers;
		this.transactions = transactions;
	}

	@Override
	public Class<Patient> getResourceType() {
		return Patient.class;
	}

	@Read
	public Patient read(@IdParam IdType id) {
		return NhsNumber.parse(id.getIdPart())
			.flatMap(this::patient)
			.orElseThrow(() -> new ResourceNotFoundException(id));
	}

	@Search
	public List<Patient> search(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
		if (identifier.getSystem() == null || !FhirResourceMapper.NHS_NUMBER_SYSTEM.equals(identifier.getSystem())) {
			throw new InvalidRequestException("Search by identifier=" + FhirResourceMapper.NHS_NUMBER_SYSTEM
					+ "|<NHS number>");
		}
		NhsNumber nhsNumber = NhsNumber.parse(identifier.getValue())
			.orElseThrow(() -> new InvalidRequestException(
					"'" + identifier.getValue() + "' is not a valid NHS number (10 digits, Modulus 11 check)"));
		return patient(nhsNumber).map(List::of).orElse(List.of());
	}

	/** The person as a Patient, the read audited in the same transaction (no read without an entry). */
	private Optional<Patient> patient(NhsNumber nhsNumber) {
		String username = staffUsers.currentUser().username();
		Optional<PersonSummary> found = transactions.execute(status -> {
			Optional<PersonSummary> person = population.find(nhsNumber);
			person.ifPresent(p -> auditLog.recordView(username, nhsNumber, PAGE, "System (API client): demographics"));
			return person;
		});
		return found == null ? Optional.empty() : found.map(this::toFhir);
	}

	Patient toFhir(PersonSummary person) {
		Patient patient = new Patient();
		patient.setId(person.nhsNumber().value());
		patient.addIdentifier(new Identifier().setSystem(FhirResourceMapper.NHS_NUMBER_SYSTEM)
			.setValue(person.nhsNumber().value()));
		patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(person.familyName()).addGiven(person.givenName());
		patient.setGender(person.sex() == Sex.FEMALE ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
		patient.setBirthDateElement(new DateType(person.dateOfBirth().toString()));
		if (person.dateOfDeath() != null) {
			patient.setDeceased(new DateTimeType(person.dateOfDeath().toString()));
		}
		patient.addAddress(new Address().setUse(Address.AddressUse.HOME).setPostalCode(person.postcode().value()));
		Reference practice = new Reference().setType("Organization")
			.setIdentifier(new Identifier().setSystem(FhirResourceMapper.ODS_SYSTEM)
				.setValue(person.registeredPractice().value()));
		if (person.registeredFrom() != null || person.registeredUntil() != null) {
			org.hl7.fhir.r4.model.Period period = practice.getIdentifier().getPeriod();
			if (person.registeredFrom() != null) {
				period.setStartElement(new DateTimeType(person.registeredFrom().toString()));
			}
			if (person.registeredUntil() != null) {
				period.setEndElement(new DateTimeType(person.registeredUntil().toString()));
			}
		}
		directory.practice(person.registeredPractice()).map(PracticeSummary::name).ifPresent(practice::setDisplay);
		patient.addGeneralPractitioner(practice);
		return patient;
	}

}
