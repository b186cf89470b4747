package uk.nhs.bob.primarycare.population;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FhirBundleReaderTests {

	@Test
	void handsOverEachEntryResourceWithItsFullUrl() {
		List<String> seen = new ArrayList<>();
		read("""
				{"resourceType": "Bundle", "id": "b", "meta": {"tag": [{"code": "x"}]}, "type": "transaction",
				 "entry": [
				  {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient", "id": "1"}, "request": {"method": "POST"}},
				  {"request": {"method": "DELETE", "url": "Patient/2"}},
				  {"resource": {"resourceType": "Observation", "id": "3", "valueQuantity": {"value": 1.5}}}
				 ], "signature": {"type": []}}""", (fullUrl, json) -> seen.add(fullUrl + " " + json));
		assertThat(seen).containsExactly("urn:uuid:1 {\"resourceType\":\"Patient\",\"id\":\"1\"}",
				"null {\"resourceType\":\"Observation\",\"id\":\"3\",\"valueQuantity\":{\"value\":1.5}}");
	}

	@Test
	void acceptsCollectionsTransactionsAndBatches() {
		for (String type : List.of("collection", "transaction", "batch")) {
			read("{\"resourceType\": \"Bundle\", \"type\": \"" + type + "\"}", (fullUrl, json) -> {
			});
		}
	}

	@Test
	void rejectsWhatIsNotABundleOfAnAcceptedType() {
		assertInvalid("{\"resourceType\": \"Bundle\", ", "The body is not valid JSON");
		assertInvalid("[1, 2]", "The body is not a JSON object");
		assertInvalid("{\"resourceType\": \"Patient\"}", "The resource is a Patient, not a Bundle");
		assertInvalid("{\"resourceType\": \"Bundle\", \"type\": \"searchset\"}", "Bundle type searchset is not accepted");
		assertInvalid("{\"resourceType\": \"Bundle\"}", "The Bundle has no type");
		assertInvalid("{\"type\": \"collection\"}", "The JSON has no resourceType");
		assertInvalid("{\"resourceType\": \"Bundle\", \"entry\": [], \"type\": \"collection\"}",
				"Bundle.resourceType and Bundle.type must come before Bundle.entry");
		assertInvalid("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": {}}", "not an array");
		assertInvalid("{\"resourceType\": \"Bundle\", \"type\": \"collection\"} {}", "There is more after the Bundle");
	}

	private static void assertInvalid(String json, String message) {
		assertThatExceptionOfType(FhirImport.InvalidBundle.class).isThrownBy(() -> read(json, (fullUrl, resource) -> {
		})).withMessageContaining(message);
	}

	private static void read(String json, FhirBundleReader.EntryHandler handler) {
		FhirBundleReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), handler);
	}

}
