package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

/**
 * Intake for NHS 111 and online-consultation systems, signed in as service accounts. An {@code Idempotency-Key}
 * makes a retry return the first request (200) instead of creating another (201).
 */
@RestController
@Tag(name = "Requests", description = "Same-day requests from 111 and online-consultation systems")
class RequestApiController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	@Schema(description = "A same-day request. The person is matched on NHS number and date of birth; when they are "
			+ "not registered in BOB give practiceCode or siteCode so the request reaches a hub.")
	record RequestBodyV1(@Nullable @Schema(example = "9434765919") String nhsNumber,
			@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
			@NotNull @PastOrPresent LocalDate dateOfBirth,
			@NotNull @CodeOf(value = Sex.class, lowerCase = true) String sex,
			@Nullable @Size(max = 10) String postcode, @Nullable @Size(max = 10) String practiceCode,
			@Nullable @Size(max = 20) String siteCode, @NotNull @CodeOf(PresentingProblem.class) String problem,
			@Nullable @Size(max = 500) String onset, @Nullable @Size(max = 2000) String description,
			@Nullable List<@NotNull @CodeOf(RedFlag.class) String> redFlags, @Nullable Boolean pregnant,
			@Nullable Boolean immunosuppressed, @Nullable Boolean urinaryCatheter,
			@Nullable @Min(0) @Max(36500) Integer symptomDays,
			@Nullable @Min(0) @Max(200) Integer episodesLast6Months,
			@Nullable @Min(0) @Max(400) Integer episodesLast12Months,
			@Nullable @Min(0) @Max(5) Integer feverPainScore, @Nullable @Min(0) @Max(36500) Integer rashOnsetDays,
			@Nullable @Size(max = 30) String contactPhone, @Nullable Boolean forSomeoneElse) {
	}

	record Recommended(String code, String reason, String ruleId) {
	}

	record RequestCreated(UUID id, String reference, String siteCode, String rulePackVersion, boolean redFlag,
			Recommended recommended) {
	}

	private final TriageRequests requests;

	private final Directory directory;

	RequestApiController(TriageRequests requests, Directory directory) {
		this.requests = requests;
		this.directory = directory;
	}

	@PostMapping("/api/v1/triage/requests")
	@Operation(summary = "Record a same-day request",
			description = "Creates a request in the queue of the hub for the person's neighbourhood site and returns "
					+ "its reference and the navigation suggestion. With an Idempotency-Key header a retry returns "
					+ "the first request with status 200.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "200", description = "A retry with an Idempotency-Key seen before: the first request")
	@ApiResponse(responseCode = "400", description = "Invalid fields, named in errors[]",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<Object> create(@Valid @RequestBody RequestBodyV1 body, BindingResult result,
			@Parameter(description = "Any unique string up to 100 characters, the same for every retry")
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
			Authentication authentication) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			result.addError(new FieldError("body", IDEMPOTENCY_KEY, "header must be 1 to 100 characters"));
		}
		if (body.nhsNumber() != null && NhsNumber.parse(body.nhsNumber().replaceAll("\\s", "")).isEmpty()) {
			result.rejectValue("nhsNumber", "nhsNumber", "is not a valid NHS number (10 digits with a matching check digit)");
		}
		if (body.postcode() != null && Postcode.parse(body.postcode()).isEmpty()) {
			result.rejectValue("postcode", "postcode", "is not a UK postcode");
		}
		if (body.practiceCode() != null
				&& OdsCode.parse(body.practiceCode()).flatMap(directory::practice).isEmpty()) {
			result.rejectValue("practiceCode", "practiceCode", "is not a BOB GP practice ODS code");
		}
		if (body.siteCode() != null && directory.site(body.siteCode()).isEmpty()) {
			result.rejectValue("siteCode", "siteCode", "is not a BOB neighbourhood site code");
		}
		if (result.hasErrors()) {
			return ApiProblems.invalid(result);
		}
		String key = idempotencyKey == null ? null : "api:" + authentication.getName() + ":" + idempotencyKey;
		Set<RedFlag> flags = body.redFlags() == null ? Set.of()
				: body.redFlags().stream().map(RedFlag::valueOf).collect(Collectors.toSet());
		RequestedPerson person = new RequestedPerson(
				body.nhsNumber() == null ? null : body.nhsNumber().replaceAll("\\s", ""), body.givenName().trim(),
				body.familyName().trim(), body.dateOfBirth(), Sex.valueOf(body.sex().toUpperCase(Locale.ROOT)),
				body.postcode() == null ? null : Postcode.parse(body.postcode()).orElseThrow().value());
		RequestDetails details = new RequestDetails(PresentingProblem.valueOf(body.problem()), body.onset(),
				body.description(), flags, body.pregnant(), body.immunosuppressed(), body.urinaryCatheter(),
				body.symptomDays(), body.episodesLast6Months(), body.episodesLast12Months(), body.feverPainScore(),
				body.rashOnsetDays(), body.contactPhone(), Boolean.TRUE.equals(body.forSomeoneElse()));
		TriageRequests.Recorded recorded;
		try {
			recorded = requests.record(new NewRequest(TriageRequest.Channel.API, key, authentication.getName(), person,
					body.practiceCode() == null ? null : body.practiceCode().trim().toUpperCase(Locale.ROOT),
					body.siteCode(), details));
		}
		catch (TriageRequests.NoHubException ex) {
			result.rejectValue("siteCode", "siteCode",
					"is required when the person is not registered in BOB and no practiceCode is given");
			return ApiProblems.invalid(result);
		}
		Navigation.SuggestedDisposition first = recorded.navigation().recommended();
		RequestCreated created = new RequestCreated(recorded.id(), recorded.reference(), recorded.siteCode(),
				recorded.navigation().rulePackVersion(), recorded.navigation().redFlag(),
				new Recommended(first.code().name(), first.reason(), first.ruleId()));
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(created);
	}

}
