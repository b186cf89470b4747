package uk.nhs.bob.primarycare.population;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * {@code POST /fhir} with a {@code transaction} or {@code batch} Bundle: the population's bundle import
 * ({@link FhirImport}) on the FHIR endpoint, answered with a {@code transaction-response} or {@code batch-response}
 * Bundle, one entry per entry sent, in order: {@code 201 Created} for a person registered, {@code 200 OK} for one
 * found and for each record read (with a warning when a value was kept but cannot be used). A {@code transaction} is
 * all or nothing, as FHIR requires: when any entry cannot be imported nothing is stored and the answer is one 422
 * OperationOutcome naming each such entry. A {@code batch} is entry by entry: each person is written in a
 * transaction of their own and each resource not imported is answered {@code 422} with its reason.
 * {@code ?practice=<ODS>} registers people without an NHS number at that practice with a test number.
 */
@Component
// the FHIR endpoint registers beans with this qualifier as plain (server-level) providers
@Qualifier("fhir-plain-provider")
class BundleImportProvider {

	private final FhirImport fhirImport;

	private final Directory directory;

	BundleImportProvider(FhirImport fhirImport, Directory directory) {
		this.fhirImport = fhirImport;
		this.directory = directory;
	}

	@Transaction
	public Bundle importBundle(@TransactionParam Bundle bundle, RequestDetails request) {
		Bundle.BundleType type = bundle.getType();
		if (type != Bundle.BundleType.TRANSACTION && type != Bundle.BundleType.BATCH) {
			throw new InvalidRequestException("POST a Bundle of type transaction or batch to the base (was "
					+ (type == null ? "none" : type.toCode()) + ")");
		}
		OdsCode practice = null;
		String[] practiceParam = request.getParameters().get("practice");
		if (practiceParam != null && practiceParam.length > 0 && !practiceParam[0].isBlank()) {
			practice = OdsCode.parse(practiceParam[0])
				.filter(code -> directory.practice(code).isPresent())
				.orElseThrow(() -> new InvalidRequestException("Practice " + practiceParam[0]
						+ " is not a BOB practice"));
		}
		// HAPI has parsed the Bundle already: its resources go to the import as they are
		List<Map.Entry<@Nullable String, IBaseResource>> entries = new ArrayList<>();
		boolean refused = false;
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (notImportable(entry) == null) {
				entries.add(new AbstractMap.SimpleImmutableEntry<>(entry.hasFullUrl() ? entry.getFullUrl() : null,
						entry.getResource()));
			}
			else {
				refused = true;
			}
		}
		FhirImportOptions options = new FhirImportOptions(practice);
		if (type == Bundle.BundleType.BATCH) {
			return response(bundle, fhirImport.importEntries(entries, options));
		}
		if (refused) {
			// an entry the import cannot do at all fails the transaction before anything is read
			throw new UnprocessableEntityException("The transaction was not applied: nothing was stored",
					failures(bundle, new FhirImportResult(0, 0, 0, entries.size(), List.of(), List.of())));
		}
		FhirImportResult result = fhirImport.importAllOrNothing(entries, options);
		if (result.skipped().stream().anyMatch(skip -> !skip.kept())) {
			throw new UnprocessableEntityException("The transaction was not applied: nothing was stored",
					failures(bundle, result));
		}
		return response(bundle, result);
	}

	/** A failed transaction's one OperationOutcome: an issue for each entry that could not be imported. */
	static OperationOutcome failures(Bundle sent, FhirImportResult result) {
		Map<String, String> skipped = reasons(result, false);
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.ERROR)
			.setCode(OperationOutcome.IssueType.PROCESSING)
			.setDiagnostics("The transaction was not applied: nothing was stored. A transaction is all or nothing; "
					+ "send a batch Bundle to import the entries that can be imported");
		Set<String> named = new HashSet<>();
		for (int i = 0; i < sent.getEntry().size(); i++) {
			Bundle.BundleEntryComponent entry = sent.getEntry().get(i);
			String reason = notImportable(entry);
			if (reason == null) {
				reason = reason(entry, skipped, named);
			}
			if (reason != null) {
				outcome.addIssue()
					.setSeverity(OperationOutcome.IssueSeverity.ERROR)
					.setCode(OperationOutcome.IssueType.PROCESSING)
					.setDiagnostics("Entry " + (i + 1) + " (" + describe(entry) + "): " + reason)
					.addExpression("Bundle.entry[" + i + "]");
			}
		}
		// failures of no one entry (records whose Patient is missing from the Bundle)
		skipped.forEach((key, reason) -> {
			if (!named.contains(key)) {
				outcome.addIssue()
					.setSeverity(OperationOutcome.IssueSeverity.ERROR)
					.setCode(OperationOutcome.IssueType.PROCESSING)
					.setDiagnostics(key + ": " + reason);
			}
		});
		return outcome;
	}

	/**
	 * Why the import cannot take this entry at all, or null: it takes resources sent to be created or updated
	 * ({@code POST} or {@code PUT}); a read, a delete or an entry without a resource is not done here.
	 */
	static @Nullable String notImportable(Bundle.BundleEntryComponent entry) {
		if (entry.getResource() == null) {
			return "The entry has no resource: only resources sent with POST or PUT are imported";
		}
		Bundle.HTTPVerb method = entry.getRequest().getMethod();
		if (method != null && method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT) {
			return "Only POST and PUT entries are imported (this one is " + method.toCode() + ")";
		}
		return null;
	}

	private static String describe(Bundle.BundleEntryComponent entry) {
		Resource resource = entry.getResource();
		if (resource == null) {
			return "no resource";
		}
		String id = resource.getIdElement().getIdPart();
		return id != null ? resource.fhirType() + "/" + id
				: entry.hasFullUrl() ? resource.fhirType() + " " + entry.getFullUrl() : resource.fhirType();
	}

	/** Reasons by Type/id, the failures only or the warnings only. */
	private static Map<String, String> reasons(FhirImportResult result, boolean kept) {
		Map<String, String> reasons = new java.util.LinkedHashMap<>();
		for (FhirImportResult.Skipped skip : result.skipped()) {
			if (skip.kept() == kept) {
				reasons.merge(skip.resourceType() + "/" + skip.id(), skip.reason(), (a, b) -> a + "; " + b);
			}
		}
		return reasons;
	}

	/** Why this entry was not imported (or, of the warnings, what was kept but cannot be used), if it says. */
	private static @Nullable String reason(Bundle.BundleEntryComponent entry, Map<String, String> reasons,
			Set<String> named) {
		Resource resource = entry.getResource();
		String idPart = resource.getIdElement().getIdPart();
		List<String> keys = new ArrayList<>();
		keys.add(resource.fhirType() + "/" + (idPart != null ? idPart : entry.hasFullUrl() ? entry.getFullUrl() : ""));
		if (entry.hasFullUrl()) {
			keys.add(resource.fhirType() + "/" + entry.getFullUrl());
		}
		for (String key : keys) {
			String reason = reasons.get(key);
			if (reason != null) {
				named.add(key);
				return reason;
			}
		}
		return null;
	}

	static Bundle response(Bundle sent, FhirImportResult result) {
		Map<String, String> skipped = reasons(result, false);
		Map<String, String> warnings = reasons(result, true);
		Set<String> named = new HashSet<>();
		Map<String, String> created = new HashMap<>();
		for (FhirImportResult.Created person : result.created()) {
			created.put("Patient/" + person.id(), person.nhsNumber());
		}
		Bundle response = new Bundle();
		response.setType(sent.getType() == Bundle.BundleType.BATCH ? Bundle.BundleType.BATCHRESPONSE
				: Bundle.BundleType.TRANSACTIONRESPONSE);
		for (Bundle.BundleEntryComponent entry : sent.getEntry()) {
			Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse();
			String refused = notImportable(entry);
			if (refused != null) {
				answer.setStatus("400 Bad Request").setOutcome(outcome(refused));
				continue;
			}
			Resource resource = entry.getResource();
			String idPart = resource.getIdElement().getIdPart();
			String key = resource.fhirType() + "/" + (idPart != null ? idPart
					: entry.hasFullUrl() ? entry.getFullUrl() : "");
			String reason = reason(entry, skipped, named);
			if (reason != null) {
				answer.setStatus("422 Unprocessable Entity").setOutcome(outcome(reason));
				continue;
			}
			if (created.containsKey(key)) {
				answer.setStatus("201 Created").setLocation("Patient/" + created.get(key));
			}
			else {
				answer.setStatus("200 OK");
			}
			String warning = reason(entry, warnings, named);
			if (warning != null) {
				// stored, but a value cannot be used: said as a warning on the success
				OperationOutcome outcome = outcome(warning);
				outcome.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.WARNING);
				answer.setOutcome(outcome);
			}
		}
		return response;
	}

	private static OperationOutcome outcome(String reason) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.ERROR)
			.setCode(OperationOutcome.IssueType.PROCESSING)
			.setDiagnostics(reason);
		return outcome;
	}

}
