package uk.nhs.bob.primarycare.triage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import uk.nhs.bob.primarycare.triage.RequestApi.IdentityStatus;
import uk.nhs.bob.primarycare.triage.RequestApi.Recommended;
import uk.nhs.bob.primarycare.triage.RequestApi.RequestBodyV1;
import uk.nhs.bob.primarycare.triage.RequestApi.RequestCreated;
import uk.nhs.bob.primarycare.triage.RequestApi.RequestStatusV1;

/**
 * Same-day requests from 111 and online-consultation systems: the checks Bean Validation cannot make (fields the API
 * does not know, the idempotency key), the request recorded by {@link TriageRequests#record} in its transaction with
 * its events, and its status read back by the client that created it.
 */
@Component
class RequestApiIntake {

	/** What a create came to. */
	sealed interface Outcome {

		/** Recorded now ({@code created}), or the first request of a retry with the same key and body. */
		record Recorded(RequestCreated body, boolean created) implements Outcome {
		}

		/** Refused: the reasons are in the body's binding result, each naming its field. */
		record Invalid() implements Outcome {
		}

		/** The idempotency key came before with a different body. */
		record KeyReused(String key) implements Outcome {
		}

	}

	private final TriageRequests requests;

	private final JsonMapper json;

	RequestApiIntake(TriageRequests requests, JsonMapper json) {
		this.requests = requests;
		this.json = json.rebuild().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
	}

	Outcome create(RequestBodyV1 body, BindingResult result, @Nullable String idempotencyKey, String client) {
		if (body.unknownFields() != null) {
			body.unknownFields().keySet().stream().sorted().forEach(name -> result.addError(new FieldError("body", name,
					"is not a field of this API" + suggestion(name))));
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			result.addError(new FieldError("body", RequestApi.IDEMPOTENCY_KEY, "header must be 1 to 100 characters"));
		}
		if (result.hasErrors()) {
			return new Outcome.Invalid();
		}
		String key = idempotencyKey == null ? null : "api:" + client + ":" + idempotencyKey;
		TriageRequests.Recorded recorded;
		try {
			recorded = requests.record(new NewRequest(TriageRequest.Channel.API, key, client, body.toPerson(),
					body.practiceOdsCode(), body.siteCode(), body.toDetails(),
					idempotencyKey == null ? null : hash(body.canonical())));
		}
		catch (TriageRequests.NoHubException ex) {
			// whether a hub is needed depends on the identity rule's match, which only the record can tell
			result.rejectValue("siteCode", "siteCode",
					"is required when the person is not matched to a BOB record and no practiceCode is given");
			return new Outcome.Invalid();
		}
		catch (TriageRequests.KeyReusedException ex) {
			return new Outcome.KeyReused(idempotencyKey);
		}
		Navigation.SuggestedDisposition first = recorded.navigation().recommended();
		return new Outcome.Recorded(new RequestCreated(recorded.id(), recorded.reference(), recorded.siteCode(),
				recorded.navigation().rulePackVersion(), recorded.navigation().redFlag(),
				new Recommended(first.code(), first.reason(), first.ruleId()),
				IdentityStatus.valueOf(recorded.identity().name())), recorded.created());
	}

	/** The status of a request, for the service account that created it only. */
	Optional<RequestStatusV1> status(String reference, String client) {
		return requests.findByReference(reference)
			.filter(r -> r.channel() == TriageRequest.Channel.API && client.equals(r.submittedBy()))
			.map(RequestStatusV1::of);
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
