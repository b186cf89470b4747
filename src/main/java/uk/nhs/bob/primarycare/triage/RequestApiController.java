package uk.nhs.bob.primarycare.triage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.triage.RequestApi.RequestBodyV1;
import uk.nhs.bob.primarycare.triage.RequestApi.RequestCreated;
import uk.nhs.bob.primarycare.triage.RequestApi.RequestStatusV1;

/**
 * Intake for NHS 111 and online-consultation systems, signed in as service accounts. Bodies are read strictly
 * ({@link StrictApiJson}); fields the API does not know are refused by name. An {@code Idempotency-Key} makes a
 * retry of the same body return the first request (200); the same key with another body is refused (422). The caller
 * that created a request can read its status and outcome by reference.
 */
@RestController
@Tag(name = "Requests", description = "Same-day requests from 111 and online-consultation systems")
class RequestApiController {

	private final RequestApiIntake intake;

	RequestApiController(RequestApiIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/api/v1/triage/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "createRequest", summary = "Record a same-day request",
			description = "Creates a request in the queue of the hub for the person's neighbourhood site and returns "
					+ "its reference and the navigation suggestion. With an Idempotency-Key header a retry with the "
					+ "same body returns the first request with status 200; the same key with a different body is "
					+ "refused with 422.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "unregistered", value = """
							{"givenName": "Ana", "familyName": "Visitor", "dateOfBirth": "1990-02-03", "sex": "female",
							 "siteCode": "BK-AYL", "problem": "SORE_THROAT", "redFlags": [],
							 "contactPhone": "0118 496 0123"}"""))))
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestCreated.class)))
	@ApiResponse(responseCode = "200", description = "A retry with an Idempotency-Key and body seen before: the first "
			+ "request", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestCreated.class)))
	@ApiResponse(responseCode = "400", description = "Invalid or unknown fields, each named in errors[]",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ApiProblems.Problem.class)))
	@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before with a different body",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ApiProblems.Problem.class)))
	ResponseEntity<Object> create(@Valid @RequestBody RequestBodyV1 body, BindingResult result,
			@Parameter(description = "Any unique string up to 100 characters, the same for every retry of one request")
			@RequestHeader(name = RequestApi.IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
			Authentication authentication) {
		RequestApiIntake.Outcome outcome = intake.create(body, result, idempotencyKey, authentication.getName());
		if (outcome instanceof RequestApiIntake.Outcome.Recorded recorded) {
			return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.body());
		}
		if (outcome instanceof RequestApiIntake.Outcome.KeyReused reused) {
			return ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
					"The Idempotency-Key " + reused.key() + " was used before with a different request body. Use a "
							+ "new key for a new request; a retry must send the same body.");
		}
		return ApiProblems.invalid(result);
	}

	@GetMapping("/api/v1/triage/requests/{reference}")
	@Operation(operationId = "getRequestStatus", summary = "Read the status of a request you created",
			description = "Only the service account that created the request can read it; for anyone else it does "
					+ "not exist (404). Gives the status, the decided disposition and, once completed, the referral.")
	@ApiResponse(responseCode = "200", description = "The request's status",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestStatusV1.class)))
	@ApiResponse(responseCode = "404", description = "No request with this reference created by you",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ApiProblems.Problem.class)))
	ResponseEntity<Object> status(@PathVariable @Schema(example = "TR-7KQ2M9XP") String reference,
			Authentication authentication) {
		return intake.status(reference, authentication.getName())
			.<ResponseEntity<Object>>map(ResponseEntity::ok)
			.orElseGet(() -> ApiProblems.problem(HttpStatus.NOT_FOUND, "Not found",
					"No request with reference " + reference + " was created by you."));
	}

}
