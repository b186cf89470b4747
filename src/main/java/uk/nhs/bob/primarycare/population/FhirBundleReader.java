package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.jspecify.annotations.Nullable;

/**
 * Walks a FHIR JSON Bundle with a streaming parser and hands each entry's resource over as its own JSON text, so only
 * one resource is ever in memory whatever the size of the bundle. The Bundle's {@code resourceType} and {@code type}
 * must come before {@code entry} (as every FHIR JSON writer puts them): entries are handed on as they are read.
 */
final class FhirBundleReader {

	static final Set<String> ACCEPTED_TYPES = Set.of("collection", "transaction", "batch");

	private static final JsonFactory JSON = new JsonFactory();

	@FunctionalInterface
	interface EntryHandler {

		void entry(@Nullable String fullUrl, String resourceJson);

	}

	private FhirBundleReader() {
	}

	static void read(InputStream in, EntryHandler handler) {
		try (JsonParser parser = JSON.createParser(in)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw invalid("The body is not a JSON object", parser);
			}
			String resourceType = null;
			String type = null;
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (field) {
					case "resourceType" -> {
						resourceType = parser.getValueAsString();
						if (!"Bundle".equals(resourceType)) {
							throw invalid("The resource is a " + resourceType + ", not a Bundle", parser);
						}
					}
					case "type" -> {
						type = parser.getValueAsString();
						if (type == null || !ACCEPTED_TYPES.contains(type)) {
							throw invalid("Bundle type " + type + " is not accepted: use collection, transaction or batch",
									parser);
						}
					}
					case "entry" -> {
						if (resourceType == null || type == null) {
							throw invalid("Bundle.resourceType and Bundle.type must come before Bundle.entry", parser);
						}
						if (value != JsonToken.START_ARRAY) {
							throw invalid("Bundle.entry is not an array", parser);
						}
						while (parser.nextToken() == JsonToken.START_OBJECT) {
							entry(parser, handler);
						}
						if (parser.currentToken() != JsonToken.END_ARRAY) {
							throw invalid("Bundle.entry holds something other than objects", parser);
						}
					}
					default -> parser.skipChildren();
				}
			}
			if (parser.currentToken() != JsonToken.END_OBJECT) {
				throw invalid("The JSON object does not end properly", parser);
			}
			if (parser.nextToken() != null) {
				throw invalid("There is more after the Bundle", parser);
			}
			if (resourceType == null) {
				throw new FhirImport.InvalidBundle("The JSON has no resourceType: it is not a FHIR resource");
			}
			if (type == null) {
				throw new FhirImport.InvalidBundle("The Bundle has no type");
			}
		}
		catch (JsonProcessingException ex) {
			throw new FhirImport.InvalidBundle("The body is not valid JSON: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void entry(JsonParser parser, EntryHandler handler) throws IOException {
		String fullUrl = null;
		String resource = null;
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String field = parser.currentName();
			JsonToken value = parser.nextToken();
			if (field.equals("fullUrl") && value == JsonToken.VALUE_STRING) {
				fullUrl = parser.getText();
			}
			else if (field.equals("resource") && value == JsonToken.START_OBJECT) {
				StringWriter json = new StringWriter(2048);
				try (JsonGenerator generator = JSON.createGenerator(json)) {
					generator.copyCurrentStructure(parser);
				}
				resource = json.toString();
			}
			else {
				parser.skipChildren();
			}
		}
		if (resource != null) {
			handler.entry(fullUrl, resource);
		}
	}

	private static FhirImport.InvalidBundle invalid(String message, JsonParser parser) {
		return new FhirImport.InvalidBundle(message + " (line " + parser.currentLocation().getLineNr() + ", column "
				+ parser.currentLocation().getColumnNr() + ")");
	}

}
