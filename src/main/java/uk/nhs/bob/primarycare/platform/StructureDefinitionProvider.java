package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
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

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The platform's own extensions, published on the FHIR endpoint ({@code GET /fhir/StructureDefinition/<id>}) so a
 * receiver can look up what they mean: every {@code fhir/StructureDefinition-<id>.json} on the class path (the
 * setting of a blood pressure reading, the next review date of a care plan, the counts {@code POST /api/v1/fhir}
 * answers with). No patient data: no scope needed, like the CapabilityStatement, which names each extension on the
 * resource type it is used on.
 */
@Component
class StructureDefinitionProvider implements IResourceProvider {

	static final String LOCATION = "classpath*:fhir/StructureDefinition-*.json";

	private final Map<String, StructureDefinition> definitions = new LinkedHashMap<>();

	StructureDefinitionProvider(FhirContext fhir) {
		Resource[] files;
		try {
			files = new PathMatchingResourcePatternResolver(getClass().getClassLoader()).getResources(LOCATION);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + LOCATION, ex);
		}
		java.util.Arrays.sort(files, Comparator.comparing(Resource::getFilename,
				Comparator.nullsFirst(Comparator.naturalOrder())));
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				StructureDefinition definition = fhir.newJsonParser().parseResource(StructureDefinition.class, in);
				definitions.put(definition.getIdElement().getIdPart(), definition);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + file, ex);
			}
		}
		if (definitions.isEmpty()) {
			throw new IllegalStateException("No StructureDefinition at " + LOCATION);
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

	/** The extensions published, for the CapabilityStatement. */
	List<StructureDefinition> definitions() {
		return List.copyOf(definitions.values());
	}

}
