package uk.nhs.bob.primarycare.triage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

/**
 * The navigation engine as an API for other systems and for testing: the same rule pack the hubs use, with no
 * personal data in or out.
 */
@RestController
@Tag(name = "Navigation", description = "Ranked dispositions from the versioned navigation rule pack")
class NavigationApiController {

	record NavigationRequest(@NotNull @Min(0) @Max(130) Integer ageYears,
			@NotNull @CodeOf(value = Sex.class, lowerCase = true) String sex, @Nullable Boolean pregnant,
			@NotNull @CodeOf(PresentingProblem.class) String problem,
			@Nullable List<@NotNull @CodeOf(RedFlag.class) String> redFlags, @Nullable Boolean immunosuppressed,
			@Nullable Boolean urinaryCatheter, @Nullable @Min(0) @Max(36500) Integer symptomDays,
			@Nullable @Min(0) @Max(200) Integer episodesLast6Months,
			@Nullable @Min(0) @Max(400) Integer episodesLast12Months,
			@Nullable @Min(0) @Max(5) Integer feverPainScore, @Nullable @Min(0) @Max(36500) Integer rashOnsetDays) {

		NavigationInput toInput() {
			Set<RedFlag> flags = redFlags == null ? Set.of()
					: redFlags.stream().map(RedFlag::valueOf).collect(Collectors.toSet());
			return new NavigationInput(ageYears, Sex.valueOf(sex.toUpperCase(Locale.ROOT)),
					PresentingProblem.valueOf(problem), flags, pregnant, immunosuppressed, urinaryCatheter,
					symptomDays, episodesLast6Months, episodesLast12Months, feverPainScore, rashOnsetDays);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DispositionResponse(String code, String reason, String ruleId, Map<String, String> values,
			@Nullable String selfCareTopic, @Nullable String selfCareUrl) {
	}

	record NavigationResponse(String rulePackVersion, String effectiveFrom, boolean redFlag,
			List<DispositionResponse> dispositions) {

		static NavigationResponse of(Navigation navigation) {
			return new NavigationResponse(navigation.rulePackVersion(), navigation.effectiveFrom().toString(),
					navigation.redFlag(),
					navigation.dispositions()
						.stream()
						.map(d -> new DispositionResponse(d.code().name(), d.reason(), d.ruleId(), d.values(),
								d.selfCareTopic(), d.selfCareUrl()))
						.toList());
		}

	}

	private final NavigationEngine engine;

	NavigationApiController(NavigationEngine engine) {
		this.engine = engine;
	}

	@PostMapping("/api/v1/triage/navigation")
	@Operation(summary = "Navigate a presenting problem",
			description = "Red flags are screened first; then the Pharmacy First pathways and the other services. "
					+ "The first disposition is the recommended one. Episode counts include the current episode.")
	NavigationResponse navigate(@Valid @RequestBody NavigationRequest request) {
		return NavigationResponse.of(engine.navigate(request.toInput()));
	}

}
