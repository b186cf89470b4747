package uk.nhs.bob.primarycare.triage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.NhsNumberText;
import uk.nhs.bob.primarycare.shared.PostcodeText;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

/**
 * Intake for NHS 111 and online-consultation systems, signed in as service accounts. Bodies are read strictly
 * ({@link StrictApiJson}); fields the API does not know are refused by name. An {@code Idempotency-Key} makes a
 * retry of the same body return the first request (200); the same key with another body is refused (422). The caller
 * that created a request can read its status and outcome by reference.
 */
@RestController
@Tag(name = "Requests", description = "Same-day requests from 111 and online-consultation systems")
class RequestApiController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** An optional text field, when given, holds more than spaces (leave it out instead). */
	static final String GIVEN = "(?s).*\\S.*";

	static final String GIVEN_MESSAGE = "must not be blank: leave the field out instead";

	@Schema(name = "SameDayRequest", description = "A same-day request. The person is matched only when nhsNumber, "
			+ "dateOfBirth and the name all agree with the record; when they are not registered in BOB give "
			+ "practiceCode or siteCode so the request reaches a hub. An NHS number held for someone whose date of "
			+ "birth or name differs is recorded as identity not verified, for a coordinator to settle.")
	@EpisodeCounts
	record RequestBodyV1(
			@Nullable @Pattern(regexp = GIVEN, message = GIVEN_MESSAGE) @NhsNumberText(message = "is not a valid NHS number (10 digits with a matching check digit)")
			@Schema(description = "10 digits with a valid check digit", example = "9434765919") String nhsNumber,
			@NotBlank @Size(max = 100) @Schema(example = "Ana") String givenName,
			@NotBlank @Size(max = 100) @Schema(example = "Visitor") String familyName,
			@NotNull @DateOfBirth @Schema(example = "1990-02-03") LocalDate dateOfBirth,
			@NotNull @CodeOf(value = Sex.class, lowerCase = true) @Schema(allowableValues = { "female", "male" },
					example = "female") String sex,
			@Nullable @Size(max = 10) @Pattern(regexp = GIVEN, message = GIVEN_MESSAGE) @PostcodeText(message = "is not a UK postcode")
			@Schema(example = "HP20 1AA") String postcode,
			@Nullable @Size(max = 10) @Pattern(regexp = GIVEN, message = GIVEN_MESSAGE)
			@RequestFormConstraints.KnownPractice(message = "is not a BOB GP practice ODS code")
			@Schema(description = "ODS code of the GP practice", example = "K82001") String practiceCode,
			@Nullable @Size(max = 20) @Pattern(regexp = GIVEN, message = GIVEN_MESSAGE)
			@RequestFormConstraints.KnownSite(message = "is not a BOB neighbourhood site code")
			@Schema(description = "Code of the neighbourhood site whose hub should triage the "
					+ "request; required when the person is not matched and no practiceCode is given",
					example = "BK-AYL") String siteCode,
			@NotNull @CodeOf(PresentingProblem.class) @Schema(implementation = PresentingProblem.class,
					example = "SORE_THROAT") String problem,
			@Nullable @Size(max = 500) @Schema(example = "Started yesterday") String onset,
			@Nullable @Size(max = 2000) String description,
			@NotNull @ArraySchema(schema = @Schema(implementation = RedFlag.class), arraySchema = @Schema(
					description = "Red-flag symptoms present now; an empty list says none")) List<@NotNull @CodeOf(RedFlag.class) String> redFlags,
			@Nullable Boolean pregnant, @Nullable Boolean immunosuppressed, @Nullable Boolean urinaryCatheter,
			@Nullable @Min(0) @Max(36500) Integer symptomDays,
			@Nullable @Min(value = 1, message = "counts this episode, so must be 1 or more") @Max(200) Integer episodesLast6Months,
			@Nullable @Min(value = 1, message = "counts this episode, so must be 1 or more") @Max(400) Integer episodesLast12Months,
			@Nullable @Min(0) @Max(5) Integer feverPainScore, @Nullable @Min(0) @Max(36500) Integer rashOnsetDays,
			@Nullable @UkPhoneNumber @Schema(example = "0118 496 0123") String contactPhone,
			@Nullable Boolean forSomeoneElse,
			@JsonAnySetter @Schema(hidden = true) @Nullable Map<String, Object> unknownFields)
			implements EpisodeCounts.Counted {

		/** The body with its lists in a fixed order and its text trimmed: what the idempotency hash is taken of. */
		RequestBodyV1 canonical() {
			return new RequestBodyV1(nhsNumber == null ? null : NhsNumber.parse(nhsNumber).orElseThrow().value(),
					givenName.trim(),
					familyName.trim(), dateOfBirth, sex, postcode, practiceCode, siteCode, problem, onset, description,
					redFlags.stream().distinct().sorted().toList(), pregnant, immunosuppressed, urinaryCatheter,
					symptomDays, episodesLast6Months, episodesLast12Months, feverPainScore, rashOnsetDays,
					contactPhone, forSomeoneElse, null);
		}

	}

	@Schema(name = "Recommendation")
	record Recommended(Disposition code, String reason, String ruleId) {
	}

	/** How the person was identified: matched to the record, not registered in BOB, or not verified. */
	enum IdentityStatus {

		MATCHED, NOT_REGISTERED, NOT_VERIFIED

	}

	@Schema(name = "RequestCreated")
	record RequestCreated(UUID id, @Schema(example = "TR-7KQ2M9XP") String reference,
			@Schema(example = "BK-AYL") String siteCode, @Schema(example = "2026.2") String rulePackVersion,
			boolean redFlag, Recommended recommended, IdentityStatus identity) {
	}

	/** Where a request stands, as its creator may see it. */
	enum RequestStatus {

		OPEN, CLAIMED, AWAITING_SUPERVISION, COMPLETED

	}

	@Schema(name = "Referral", description = "Where the person was sent when the request completed")
	record ReferralV1(@Nullable @Schema(example = "Boots, Market Square") String service, Instant referredAt,
			String safetyNet, LocalDate followUpDate) {
	}

	@Schema(name = "RequestStatus", description = "The status, the decided disposition and the referral; "
			+ "nothing about the person")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RequestStatusV1(@Schema(example = "TR-7KQ2M9XP") String reference, RequestStatus status,
			@Nullable Disposition disposition, @Nullable ReferralV1 referral) {
	}

	private final TriageRequests requests;

	private final Directory directory;

	private final JsonMapper json;

	RequestApiController(TriageRequests requests, Directory directory, JsonMapper json) {
		this.requests = requests;
		this.directory = directory;
		this.json = json.rebuild().enable(tools.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
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
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
			Authentication authentication) {
		if (body.unknownFields() != null) {
			body.unknownFields().keySet().stream().sorted().forEach(name -> result.addError(new FieldError("body", name,
					"is not a field of this API" + suggestion(name))));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			result.addError(new FieldError("body", IDEMPOTENCY_KEY, "header must be 1 to 100 characters"));
		}
		if (result.hasErrors()) {
			return ApiProblems.invalid(result);
		}
		String key = idempotencyKey == null ? null : "api:" + authentication.getName() + ":" + idempotencyKey;
		Set<RedFlag> flags = body.redFlags().stream().map(RedFlag::valueOf).collect(Collectors.toSet());
		RequestedPerson person = new RequestedPerson(
				body.nhsNumber() == null ? null : NhsNumber.parse(body.nhsNumber()).orElseThrow(),
				body.givenName().trim(),
				body.familyName().trim(), body.dateOfBirth(), Sex.valueOf(body.sex().toUpperCase(Locale.ROOT)),
				body.postcode() == null ? null : Postcode.parse(body.postcode()).orElseThrow().value());
		RequestDetails details = new RequestDetails(PresentingProblem.valueOf(body.problem()), body.onset(),
				body.description(), flags, body.pregnant(), body.immunosuppressed(), body.urinaryCatheter(),
				body.symptomDays(), body.episodesLast6Months(), body.episodesLast12Months(), body.feverPainScore(),
				body.rashOnsetDays(),
				body.contactPhone() == null ? null : UkPhoneNumber.Validator.parse(body.contactPhone()).orElseThrow(),
				Boolean.TRUE.equals(body.forSomeoneElse()));
		TriageRequests.Recorded recorded;
		try {
			recorded = requests.record(new NewRequest(TriageRequest.Channel.API, key, authentication.getName(), person,
					body.practiceCode() == null ? null : body.practiceCode().trim().toUpperCase(Locale.ROOT),
					body.siteCode(), details, idempotencyKey == null ? null : hash(body.canonical())));
		}
		catch (TriageRequests.NoHubException ex) {
			result.rejectValue("siteCode", "siteCode",
					"is required when the person is not matched to a BOB record and no practiceCode is given");
			return ApiProblems.invalid(result);
		}
		catch (TriageRequests.KeyReusedException ex) {
			return ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
					"The Idempotency-Key " + idempotencyKey + " was used before with a different request body. Use a "
							+ "new key for a new request; a retry must send the same body.");
		}
		Navigation.SuggestedDisposition first = recorded.navigation().recommended();
		RequestCreated created = new RequestCreated(recorded.id(), recorded.reference(), recorded.siteCode(),
				recorded.navigation().rulePackVersion(), recorded.navigation().redFlag(),
				new Recommended(first.code(), first.reason(), first.ruleId()),
				IdentityStatus.valueOf(recorded.identity().name()));
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(created);
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
		return requests.findByReference(reference)
			.filter(r -> r.channel() == TriageRequest.Channel.API && authentication.getName().equals(r.submittedBy()))
			.<ResponseEntity<Object>>map(r -> ResponseEntity.ok(statusOf(r)))
			.orElseGet(() -> ApiProblems.problem(HttpStatus.NOT_FOUND, "Not found",
					"No request with reference " + reference + " was created by you."));
	}

	static RequestStatusV1 statusOf(TriageRequest request) {
		RequestStatus status = switch (request.status()) {
			case OPEN -> request.claimedBy() == null ? RequestStatus.OPEN : RequestStatus.CLAIMED;
			case AWAITING_SUPERVISION -> RequestStatus.AWAITING_SUPERVISION;
			case COMPLETED -> RequestStatus.COMPLETED;
		};
		ReferralV1 referral = request.completedAt() == null ? null
				: new ReferralV1(request.serviceName(), request.completedAt(),
						request.safetyNet() == null ? "" : request.safetyNet(), request.followUpDate());
		return new RequestStatusV1(request.reference(), status, request.decidedDisposition(), referral);
	}

	/** ' (did you mean redFlags?)' when the unknown name differs from a known one only in case or punctuation. */
	private static String suggestion(String unknown) {
		String plain = unknown.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
		for (java.lang.reflect.RecordComponent component : RequestBodyV1.class.getRecordComponents()) {
			if (!component.getName().equals("unknownFields")
					&& component.getName().toLowerCase(Locale.ROOT).equals(plain)) {
				return " (did you mean " + component.getName() + "?)";
			}
		}
		return "";
	}

	private String hash(RequestBodyV1 canonical) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
