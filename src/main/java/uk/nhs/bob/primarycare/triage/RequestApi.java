package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.NhsNumberText;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.shared.PostcodeText;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

/**
 * The bodies of the same-day request API, version 1: what a 111 or online-consultation system sends, and what it
 * gets back. Their schema names are the API's contract (see the OpenAPI document); the Java names are not.
 */
final class RequestApi {

	private RequestApi() {
	}

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

		/** The person as sent, of a body that passed its checks. */
		RequestedPerson toPerson() {
			return new RequestedPerson(nhsNumber == null ? null : NhsNumber.parse(nhsNumber).orElseThrow(),
					givenName.trim(), familyName.trim(), dateOfBirth, Sex.valueOf(sex.toUpperCase(Locale.ROOT)),
					postcode == null ? null : Postcode.parse(postcode).orElseThrow().value());
		}

		/** The problem, red flags and answers, of a body that passed its checks. */
		RequestDetails toDetails() {
			Set<RedFlag> flags = redFlags.stream().map(RedFlag::valueOf).collect(Collectors.toSet());
			return new RequestDetails(PresentingProblem.valueOf(problem), onset, description, flags, pregnant,
					immunosuppressed, urinaryCatheter, symptomDays, episodesLast6Months, episodesLast12Months,
					feverPainScore, rashOnsetDays,
					contactPhone == null ? null : UkPhoneNumber.Validator.parse(contactPhone).orElseThrow(),
					Boolean.TRUE.equals(forSomeoneElse));
		}

		@Nullable String practiceOdsCode() {
			return practiceCode == null ? null : practiceCode.trim().toUpperCase(Locale.ROOT);
		}

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

		static RequestStatusV1 of(TriageRequest request) {
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

	}

}
