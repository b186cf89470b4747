package uk.nhs.bob.primarycare.triage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

/**
 * The navigation engine as an API for other systems and for testing: the same rule pack the hubs use, with no
 * personal data in or out. Bodies are read strictly ({@link StrictApiJson}) and unknown fields are refused by name.
 */
@RestController
@Tag(name = "Navigation", description = "Ranked dispositions from the versioned navigation rule pack")
class NavigationApiController {

	@Schema(name = "NavigationRequest")
	@EpisodeCounts
	record NavigationRequest(@NotNull @Min(0) @Max(130) @Schema(example = "30") Integer ageYears,
			@NotNull @CodeOf(value = Sex.class, lowerCase = true) @Schema(allowableValues = { "female", "male" },
					example = "female") String sex,
			@Nullable Boolean pregnant,
			@NotNull @CodeOf(PresentingProblem.class) @Schema(implementation = PresentingProblem.class,
					example = "URINARY_SYMPTOMS") String problem,
			@NotNull @ArraySchema(schema = @Schema(implementation = RedFlag.class), arraySchema = @Schema(
					description = "Red-flag symptoms present now; an empty list says none")) List<@NotNull @CodeOf(RedFlag.class) String> redFlags,
			@Nullable Boolean immunosuppressed, @Nullable Boolean urinaryCatheter,
			@Nullable @Min(0) @Max(36500) Integer symptomDays,
			@Nullable @Min(value = 1, message = "counts this episode, so must be 1 or more") @Max(200) Integer episodesLast6Months,
			@Nullable @Min(value = 1, message = "counts this episode, so must be 1 or more") @Max(400) Integer episodesLast12Months,
			@Nullable @Min(0) @Max(5) Integer feverPainScore, @Nullable @Min(0) @Max(36500) Integer rashOnsetDays,
			@Nullable @Min(0) @Max(36500) @Schema(description = "Days since the person was last sent to Pharmacy First "
					+ "for the same problem; leave out when never") Integer daysSincePharmacyFirst,
			@JsonAnySetter @Schema(hidden = true) @Nullable Map<String, Object> unknownFields)
			implements EpisodeCounts.Counted {

		NavigationInput toInput() {
			Set<RedFlag> flags = redFlags.stream().map(RedFlag::valueOf).collect(Collectors.toSet());
			return new NavigationInput(ageYears, Sex.valueOf(sex.toUpperCase(Locale.ROOT)),
					PresentingProblem.valueOf(problem), flags, pregnant, immunosuppressed, urinaryCatheter,
					symptomDays, episodesLast6Months, episodesLast12Months, feverPainScore, rashOnsetDays,
					daysSincePharmacyFirst);
		}

	}

	@Schema(name = "SuggestedDisposition")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DispositionResponse(Disposition code, String reason, String ruleId, Map<String, String> values,
			@Nullable String selfCareTopic, @Nullable String selfCareUrl) {
	}

	@Schema(name = "Navigation")
	record NavigationResponse(@Schema(example = "2026.2") String rulePackVersion,
			@Schema(example = "2026-12-07") String effectiveFrom, boolean redFlag,
			List<DispositionResponse> dispositions) {

		static NavigationResponse of(Navigation navigation) {
			return new NavigationResponse(navigation.rulePackVersion(), navigation.effectiveFrom().toString(),
					navigation.redFlag(),
					navigation.dispositions()
						.stream()
						.map(d -> new DispositionResponse(d.code(), d.reason(), d.ruleId(), d.values(),
								d.selfCareTopic(), d.selfCareUrl()))
						.toList());
		}

	}

	private final NavigationEngine engine;

	NavigationApiController(NavigationEngine engine) {
		this.engine = engine;
	}

	@PostMapping(path = "/api/v1/triage/navigation", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "navigate", summary = "Navigate a presenting problem",
			description = "Red flags are screened first; then the Pharmacy First pathways and the other services. "
					+ "The first disposition is the recommended one. Episode counts include the current episode.")
	@ApiResponse(responseCode = "200", description = "The ranked dispositions",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NavigationResponse.class)))
	@ApiResponse(responseCode = "400", description = "Invalid or unknown fields, each named in errors[]",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ApiProblems.Problem.class)))
	ResponseEntity<Object> navigate(@Valid @RequestBody NavigationRequest request, BindingResult result) {
		if (request.unknownFields() != null) {
			request.unknownFields().keySet().stream().sorted().forEach(name -> result.addError(
					new FieldError("body", name, "is not a field of this API")));
		}
		if (result.hasErrors()) {
			return ApiProblems.invalid(result);
		}
		return ResponseEntity.ok(NavigationResponse.of(engine.navigate(request.toInput())));
	}

}
