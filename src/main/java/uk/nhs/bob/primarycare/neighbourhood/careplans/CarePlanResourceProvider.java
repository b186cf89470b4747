package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.audit.RefusedAccess;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.population.PatientSearchParameter;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * {@code CarePlan} on the FHIR endpoint: read by id (the care plan id) and search by the person's NHS number
 * ({@code patient.identifier} or {@code patient}), {@code status} and {@code _lastUpdated}. The CareTeam and Goals are
 * contained in the plan. A system with {@code careplan.read} acts for the whole ICB; every plan returned is audited
 * as a view (through {@link CarePlans#view}), and a refusal is audited too.
 */
@Component
class CarePlanResourceProvider implements IResourceProvider {

	static final String PAGE = "FHIR API: care plan";

	/** A search returns at most this many plans (a person has one plan per team; a status search is a worklist). */
	static final int SEARCH_LIMIT = 100;

	private final CarePlans carePlans;

	private final StaffUsers staffUsers;

	private final Directory directory;

	CarePlanResourceProvider(CarePlans carePlans, StaffUsers staffUsers, Directory directory) {
		this.carePlans = carePlans;
		this.staffUsers = staffUsers;
		this.directory = directory;
	}

	@Override
	public Class<CarePlan> getResourceType() {
		return CarePlan.class;
	}

	@Read
	public CarePlan read(@IdParam IdType id) {
		UUID carePlanId;
		try {
			carePlanId = UUID.fromString(id.getIdPart());
		}
		catch (IllegalArgumentException ex) {
			throw new ResourceNotFoundException(id);
		}
		return plan(carePlanId).orElseThrow(() -> new ResourceNotFoundException(id));
	}

	@Search
	public List<CarePlan> search(
			@OptionalParam(name = CarePlan.SP_PATIENT, chainWhitelist = { "", Patient.SP_IDENTIFIER },
					targetTypes = Patient.class) @Nullable ReferenceParam patient,
			@OptionalParam(name = CarePlan.SP_STATUS) @Nullable TokenOrListParam status,
			@OptionalParam(name = "_lastUpdated") @Nullable DateRangeParam lastUpdated) {
		NhsNumber nhsNumber = patient == null ? null : PatientSearchParameter.nhsNumber(patient);
		Set<CaseloadStatus> statuses = statuses(status);
		if (nhsNumber == null && status == null && lastUpdated == null) {
			throw new InvalidRequestException("Search care plans by patient.identifier, status or _lastUpdated");
		}
		if (status != null && statuses.isEmpty()) {
			return List.of();
		}
		Instant from = lastUpdated == null || lastUpdated.getLowerBoundAsInstant() == null ? null
				: lastUpdated.getLowerBoundAsInstant().toInstant();
		Instant to = lastUpdated == null || lastUpdated.getUpperBoundAsInstant() == null ? null
				: lastUpdated.getUpperBoundAsInstant().toInstant();
		List<CarePlan> plans = new ArrayList<>();
		for (UUID id : carePlans.planIds(nhsNumber, statuses, from, to, SEARCH_LIMIT)) {
			plan(id).ifPresent(plans::add);
		}
		return plans;
	}

	private Optional<CarePlan> plan(UUID carePlanId) {
		Optional<UUID> entryId = carePlans.entryOfPlan(carePlanId);
		if (entryId.isEmpty()) {
			return Optional.empty();
		}
		try {
			return carePlans.view(entryId.get(), staffUsers.currentUser(), PAGE, false).map(view -> CarePlanFhir.build(view, directory));
		}
		catch (RefusedAccess ex) {
			throw new ForbiddenOperationException(ex.getMessage());
		}
	}

	/** The caseload statuses behind the FHIR statuses asked for; an unknown FHIR status is a bad request. */
	static Set<CaseloadStatus> statuses(@Nullable TokenOrListParam status) {
		Set<CaseloadStatus> statuses = EnumSet.noneOf(CaseloadStatus.class);
		if (status == null) {
			return statuses;
		}
		for (TokenParam token : status.getValuesAsQueryTokens()) {
			CarePlan.CarePlanStatus fhirStatus;
			try {
				fhirStatus = CarePlan.CarePlanStatus.fromCode(token.getValue());
			}
			catch (org.hl7.fhir.exceptions.FHIRException ex) {
				throw new InvalidRequestException("'" + token.getValue() + "' is not a CarePlan status");
			}
			for (CaseloadStatus caseload : CaseloadStatus.values()) {
				if (CarePlanFhir.status(caseload) == fhirStatus) {
					statuses.add(caseload);
				}
			}
		}
		return statuses;
	}

}
