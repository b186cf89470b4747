package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StructureDefinition;

import org.springframework.stereotype.Component;

/**
 * The platform's own extensions, published on the FHIR endpoint ({@code GET /fhir/StructureDefinition/reading-setting}
 * and {@code /import-counts}) so a receiver can look up what they mean: the setting of a blood pressure reading, and
 * the counts {@code POST /api/v1/fhir} answers with. No patient data: no scope beyond a valid token.
 */
@Component
class StructureDefinitionProvider implements IResourceProvider {

	static final List<String> IDS = List.of("reading-setting", "import-counts");

	private final Map<String, StructureDefinition> definitions = new LinkedHashMap<>();

	StructureDefinitionProvider(FhirContext fhir) {
		for (String id : IDS) {
			String resource = "population/fhir/StructureDefinition-" + id + ".json";
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException(resource + " is missing");
				}
				definitions.put(id, fhir.newJsonParser().parseResource(StructureDefinition.class, in));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + resource, ex);
			}
		}
	}

	@Override
	public Class<StructureDefinition> getResourceType() {
		return StructureDefinition.class;
	}

	@Read
	public StructureDefinition read(@IdParam IdType id) {
		StructureDefinition definition = definitions.get(id.getIdPart());
		if (definition == null) {
			throw new ResourceNotFoundException(id);
		}
		return definition.copy();
	}

	@Search
	public List<StructureDefinition> all() {
		return definitions.values().stream().map(StructureDefinition::copy).toList();
	}

}
