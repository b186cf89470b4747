package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.Optional;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * A care plan as FHIR R4 JSON for other systems, with the scope {@code careplan.read} (platform security checks it):
 * a system acts for the whole ICB and every read is audited under its client id. Break-glass never opens a plan
 * here: it is for people at a screen, not for systems. Every read and every refusal is audited.
 */
@RestController
class CarePlanApiController {

	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	private final CarePlans carePlans;

	private final StaffUsers staffUsers;

	private final FhirContext fhir;

	private final Directory directory;

	CarePlanApiController(CarePlans carePlans, StaffUsers staffUsers, FhirContext fhir, Directory directory) {
		this.carePlans = carePlans;
		this.staffUsers = staffUsers;
		this.fhir = fhir;
		this.directory = directory;
	}

	@GetMapping("/api/v1/care-plans/{id}")
	ResponseEntity<?> carePlan(@PathVariable String id) {
		UUID carePlanId;
		try {
			carePlanId = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return problem(HttpStatus.NOT_FOUND, "No care plan has this id");
		}
		Optional<UUID> entryId = carePlans.entryOfPlan(carePlanId);
		if (entryId.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "No care plan has this id");
		}
		try {
			CarePlans.PlanView view = carePlans
				.view(entryId.get(), staffUsers.currentUser(), "FHIR API: care plan", false)
				.orElseThrow();
			String json = fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(CarePlanFhir.build(view, directory));
			return ResponseEntity.ok().contentType(FHIR_JSON).body(json);
		}
		catch (AccessDeniedException ex) {
			return problem(HttpStatus.FORBIDDEN,
					"Only members of the person's Integrated Neighbourhood Team and their practice may read this plan");
		}
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
