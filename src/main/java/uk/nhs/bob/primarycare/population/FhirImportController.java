package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.io.InputStream;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.population.FhirImportResult.Skipped;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * {@code POST /api/v1/fhir}: imports a FHIR R4 Bundle and answers with an OperationOutcome: one information issue with
 * the counts (also as integers in the import-counts extension) and one warning per skipped resource.
 */
@RestController
class FhirImportController {

	static final String FHIR_JSON = "application/fhir+json";

	static final String COUNTS_EXTENSION = "https://bob-primarycare.nhs.uk/fhir/StructureDefinition/import-counts";

	private final FhirImport fhirImport;

	private final FhirContext fhir;

	private final Directory directory;

	FhirImportController(FhirImport fhirImport, FhirContext fhir, Directory directory) {
		this.fhirImport = fhirImport;
		this.fhir = fhir;
		this.directory = directory;
	}

	@PostMapping(path = "/api/v1/fhir", consumes = { FHIR_JSON, MediaType.APPLICATION_JSON_VALUE },
			produces = FHIR_JSON)
	@PreAuthorize("hasAnyRole('ICB_ADMIN','API_CLIENT')")
	ResponseEntity<String> importBundle(InputStream body,
			@RequestParam(required = false) @Nullable String practice) throws IOException {
		OdsCode odsCode = null;
		if (practice != null && !practice.isBlank()) {
			odsCode = OdsCode.parse(practice)
				.filter(code -> directory.practice(code).isPresent())
				.orElseThrow(() -> badRequest("Unknown practice", "Practice " + practice + " is not a BOB practice."));
		}
		FhirImportResult result = fhirImport.importBundle(body,
				new FhirImportOptions(odsCode), FhirImportProgress.NONE);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(FHIR_JSON))
			.body(fhir.newJsonParser().encodeResourceToString(outcome(result)));
	}

	@ExceptionHandler(FhirImport.InvalidBundle.class)
	ResponseEntity<ProblemDetail> invalidBundle(FhirImport.InvalidBundle ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Not a FHIR R4 Bundle");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static OperationOutcome outcome(FhirImportResult result) {
		OperationOutcome outcome = new OperationOutcome();
		OperationOutcomeIssueComponent summary = outcome.addIssue()
			.setSeverity(IssueSeverity.INFORMATION)
			.setCode(IssueType.INFORMATIONAL)
			.setDiagnostics("Imported: " + result.peopleCreated() + " people created, " + result.peopleUpdated()
					+ " people updated, " + result.recordsCreated() + " records created from "
					+ result.resourcesRead() + " resources read; " + result.skipped().size() + " resources skipped");
		Extension counts = summary.addExtension().setUrl(COUNTS_EXTENSION);
		counts.addExtension("peopleCreated", new IntegerType(result.peopleCreated()));
		counts.addExtension("peopleUpdated", new IntegerType(result.peopleUpdated()));
		counts.addExtension("recordsCreated", new IntegerType(result.recordsCreated()));
		counts.addExtension("resourcesRead", new IntegerType(result.resourcesRead()));
		counts.addExtension("resourcesSkipped", new IntegerType(result.skipped().size()));
		// a caller needs the number to ask about the person afterwards, above all one allocated here
		for (FhirImportResult.Created created : result.created()) {
			outcome.addIssue()
				.setSeverity(IssueSeverity.INFORMATION)
				.setCode(IssueType.INFORMATIONAL)
				.setDiagnostics("Patient/" + created.id() + ": created with NHS number " + created.nhsNumber())
				.addExpression("Patient/" + created.id());
		}
		for (Skipped skipped : result.skipped()) {
			outcome.addIssue()
				.setSeverity(IssueSeverity.WARNING)
				.setCode(IssueType.NOTSUPPORTED)
				.setDiagnostics(skipped.resourceType() + "/" + skipped.id() + ": " + skipped.reason())
				.addExpression(skipped.resourceType() + "/" + skipped.id());
		}
		return outcome;
	}

	private static ErrorResponseException badRequest(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

}
