package uk.nhs.bob.primarycare.population;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
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
 * found and for each record read, {@code 422} with an OperationOutcome for each resource not imported. As
 * {@code POST /api/v1/fhir}, each person is written in a transaction of their own, so a transaction Bundle is not
 * all-or-nothing across people (see the README). {@code ?practice=<ODS>} registers people without an NHS number at
 * that practice with a test number.
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
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (entry.getResource() != null) {
				entries.add(new AbstractMap.SimpleImmutableEntry<>(entry.hasFullUrl() ? entry.getFullUrl() : null,
						entry.getResource()));
			}
		}
		return response(bundle, fhirImport.importEntries(entries, new FhirImportOptions(practice)));
	}

	static Bundle response(Bundle sent, FhirImportResult result) {
		Map<String, String> skipped = new HashMap<>();
		for (FhirImportResult.Skipped skip : result.skipped()) {
			skipped.merge(skip.resourceType() + "/" + skip.id(), skip.reason(), (a, b) -> a + "; " + b);
		}
		Map<String, String> created = new HashMap<>();
		for (FhirImportResult.Created person : result.created()) {
			created.put("Patient/" + person.id(), person.nhsNumber());
		}
		Bundle response = new Bundle();
		response.setType(sent.getType() == Bundle.BundleType.BATCH ? Bundle.BundleType.BATCHRESPONSE
				: Bundle.BundleType.TRANSACTIONRESPONSE);
		for (Bundle.BundleEntryComponent entry : sent.getEntry()) {
			Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse();
			Resource resource = entry.getResource();
			if (resource == null) {
				answer.setStatus("400 Bad Request").setOutcome(outcome("The entry has no resource"));
				continue;
			}
			String idPart = resource.getIdElement().getIdPart();
			String key = resource.fhirType() + "/" + (idPart != null ? idPart
					: entry.hasFullUrl() ? entry.getFullUrl() : "");
			String reason = skipped.get(key);
			if (reason == null && entry.hasFullUrl()) {
				reason = skipped.get(resource.fhirType() + "/" + entry.getFullUrl());
			}
			if (reason != null) {
				answer.setStatus("422 Unprocessable Entity").setOutcome(outcome(reason));
			}
			else if (created.containsKey(key)) {
				answer.setStatus("201 Created").setLocation("Patient/" + created.get(key));
			}
			else {
				answer.setStatus("200 OK");
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
