package uk.nhs.bob.primarycare.population;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.population.FhirImportResult.Skipped;
import uk.nhs.bob.primarycare.population.FhirMapping.Medicine;
import uk.nhs.bob.primarycare.population.FhirMapping.NeedsMedicine;
import uk.nhs.bob.primarycare.population.FhirMapping.NotRelevant;
import uk.nhs.bob.primarycare.population.FhirMapping.Person;
import uk.nhs.bob.primarycare.population.FhirMapping.Row;
import uk.nhs.bob.primarycare.population.FhirMapping.Rows;
import uk.nhs.bob.primarycare.population.FhirMapping.Skip;

/**
 * Imports a FHIR R4 Bundle (type collection, transaction or batch) of Patients and their Conditions, Observations,
 * MedicationRequests / MedicationStatements and Encounters into the population. The bundle is streamed: each
 * resource is parsed on its own and only small mapped rows are kept per person. Each person is then written in their
 * own transaction (see {@link FhirPersonWriter}), so a bad resource or person never stops the rest, and nothing is
 * half-imported for anyone. Not one transaction for the whole bundle on purpose: a 10,000-entry bundle must not hold
 * locks or fail as a whole for one bad person. The FHIR endpoint's {@code transaction} Bundle is the exception,
 * because FHIR makes it all or nothing ({@link #importAllOrNothing}).
 */
@Component
class FhirImport {

	/** How often the progress callback is told, in resources. */
	static final int PROGRESS_EVERY = 250;

	private static final Pattern RESOURCE_TYPE = Pattern.compile("\"resourceType\"\\s*:\\s*\"([A-Za-z]+)\"");

	/** The input is not valid FHIR JSON or not a Bundle of an accepted type; the message says why. */
	public static class InvalidBundle extends RuntimeException {

		public InvalidBundle(String message) {
			super(message);
		}

	}

	private final FhirContext fhir;

	private final FhirResourceMapper mapper;

	private final FhirPersonWriter writer;

	private final MeterRegistry meters;

	private final TransactionTemplate transactions;

	FhirImport(FhirContext fhir, FhirPersonWriter writer, MeterRegistry meters, TransactionTemplate transactions) {
		this.meters = meters;
		this.transactions = transactions;
		this.fhir = fhir;
		this.mapper = new FhirResourceMapper(FhirCodeMap.load(), RecordCodes.standard());
		this.writer = writer;
	}

	/**
	 * Reads the whole bundle, then writes person by person.
	 *
	 * @throws InvalidBundle when the input is not valid JSON or not a Bundle of type collection, transaction or batch
	 * (nothing is written then)
	 */
	public FhirImportResult importBundle(InputStream json, FhirImportOptions options, FhirImportProgress progress) {
		return timed(() -> read(json, options, progress));
	}

	private FhirImportResult timed(java.util.function.Supplier<FhirImportResult> work) {
		Timer.Sample sample = Timer.start(meters);
		String outcome = "failure";
		try {
			FhirImportResult result = work.get();
			outcome = "success";
			return result;
		}
		finally {
			sample.stop(Timer.builder("primarycare.fhir.import")
				.description("FHIR bundle imports, from the first byte read to the last person written")
				.tag("outcome", outcome)
				.register(meters));
		}
	}

	/**
	 * Imports the entries of a Bundle already parsed (the FHIR endpoint's transaction or batch), as
	 * {@link #importBundle} does a streamed one: each entry's full URL (may be null) and resource.
	 */
	public FhirImportResult importEntries(List<Map.Entry<@Nullable String, IBaseResource>> entries,
			FhirImportOptions options) {
		return timed(() -> {
			Accepted accepted = acceptAll(entries);
			return write(entries.size(), accepted.byKey(), accepted.skipped(), accepted.medicines(), options);
		});
	}

	/** The entries of a parsed Bundle, mapped and filed by person. */
	private record Accepted(List<Skipped> skipped, Map<String, Pending> byKey, Medicines medicines) {
	}

	private Accepted acceptAll(List<Map.Entry<@Nullable String, IBaseResource>> entries) {
		Accepted accepted = new Accepted(new ArrayList<>(), new LinkedHashMap<>(), new Medicines());
		for (Map.Entry<@Nullable String, IBaseResource> entry : entries) {
			accept(entry.getKey(), entry.getValue(), accepted.byKey(), accepted.skipped(), accepted.medicines());
		}
		return accepted;
	}

	private FhirImportResult read(InputStream json, FhirImportOptions options, FhirImportProgress progress) {
		IParser parser = fhir.newJsonParser();
		List<Skipped> skipped = new ArrayList<>();
		Map<String, Pending> byKey = new LinkedHashMap<>();
		Medicines medicines = new Medicines();
		int[] read = { 0 };
		FhirBundleReader.read(json, (fullUrl, resourceJson) -> {
			read[0]++;
			accept(parser, fullUrl, resourceJson, byKey, skipped, medicines);
			if (read[0] % PROGRESS_EVERY == 0) {
				progress.resourcesRead(read[0]);
			}
		});
		progress.resourcesRead(read[0]);
		return write(read[0], byKey, skipped, medicines, options);
	}

	/**
	 * Imports the entries of a {@code transaction} Bundle all or nothing: nothing is written when any entry cannot be
	 * imported, and all the people are written in one database transaction that is rolled back as a whole when any
	 * person fails. The result then holds no counts, only the failures (warnings about records kept are no failure).
	 */
	public FhirImportResult importAllOrNothing(List<Map.Entry<@Nullable String, IBaseResource>> entries,
			FhirImportOptions options) {
		return timed(() -> {
			Accepted accepted = acceptAll(entries);
			List<Skipped> skipped = accepted.skipped();
			completeMedicines(accepted.byKey(), skipped, accepted.medicines());
			List<Pending> people = people(accepted.byKey(), skipped);
			if (skipped.stream().anyMatch(skip -> !skip.kept())) {
				return failed(entries.size(), skipped);
			}
			FhirImportResult result = transactions.execute(status -> {
				Written written = new Written();
				for (Pending pending : people) {
					Skipped failure = written.add(pending, options);
					if (failure != null) {
						status.setRollbackOnly();
						return failed(entries.size(), List.of(failure));
					}
				}
				return written.result(entries.size(), skipped);
			});
			return result == null ? failed(entries.size(), List.of()) : result;
		});
	}

	private static FhirImportResult failed(int resourcesRead, List<Skipped> skipped) {
		return new FhirImportResult(0, 0, 0, resourcesRead, List.of(),
				skipped.stream().filter(skip -> !skip.kept()).toList());
	}

	/** Completes prescriptions waiting for their medicine, then writes person by person. */
	private FhirImportResult write(int resourcesRead, Map<String, Pending> byKey, List<Skipped> skipped,
			Medicines medicines, FhirImportOptions options) {
		completeMedicines(byKey, skipped, medicines);
		Written written = new Written();
		for (Pending pending : people(byKey, skipped)) {
			Skipped failure = written.add(pending, options);
			if (failure != null) {
				skipped.add(failure);
			}
		}
		return written.result(resourcesRead, skipped);
	}

	/** Prescriptions whose Medication came later in the bundle, or never. */
	private void completeMedicines(Map<String, Pending> byKey, List<Skipped> skipped, Medicines medicines) {
		for (NeedsMedicine waiting : medicines.waiting) {
			CodeableConcept code = medicines.byKey.get(waiting.medicineKey());
			FhirMapping completed = code != null ? waiting.complete().apply(code)
					: new Skip("Names Medication " + waiting.medicineKey() + ", which is not in this bundle");
			route(completed, waiting.resourceType(), waiting.id(), null, byKey, skipped);
		}
		medicines.waiting.clear();
	}

	/** Each person to write once; the Patients rejected and the records without their Patient go to skipped. */
	private static List<Pending> people(Map<String, Pending> byKey, List<Skipped> skipped) {
		List<Pending> people = new ArrayList<>();
		Set<Pending> done = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Map.Entry<String, Pending> entry : byKey.entrySet()) {
			Pending pending = entry.getValue();
			if (!done.add(pending)) {
				continue;
			}
			if (pending.rejected != null) {
				skipped.add(new Skipped("Patient", pending.id, pending.rejected + notImported(pending)));
			}
			else if (pending.person == null) {
				skipped.add(new Skipped("Patient", entry.getKey(),
						pending.resources + " resources refer to a Patient not in this bundle"));
			}
			else {
				people.add(pending);
			}
		}
		return people;
	}

	private static String notImported(Pending pending) {
		return pending.rows.isEmpty() ? "" : "; its " + pending.rows.size() + " records were not imported";
	}

	/** The counts of the people written so far. */
	private final class Written {

		int created;

		int updated;

		int records;

		final List<FhirImportResult.Created> createdPeople = new ArrayList<>();

		/** Writes one person; null when written, else why not. */
		@Nullable Skipped add(Pending pending, FhirImportOptions options) {
			Person person = java.util.Objects.requireNonNull(pending.person);
			FhirPersonWriter.Outcome outcome;
			try {
				outcome = writer.write(person, pending.rows, options);
			}
			catch (DataAccessException ex) {
				outcome = new FhirPersonWriter.Outcome.Skipped(
						"Could not be saved: " + ex.getMostSpecificCause().getMessage());
			}
			if (outcome instanceof FhirPersonWriter.Outcome.Written written) {
				if (written.created()) {
					created++;
					createdPeople.add(new FhirImportResult.Created(pending.id, written.nhsNumber()));
				}
				updated += written.updated() ? 1 : 0;
				records += written.records();
				return null;
			}
			FhirPersonWriter.Outcome.Skipped skip = (FhirPersonWriter.Outcome.Skipped) outcome;
			return new Skipped("Patient", pending.id, skip.reason() + notImported(pending));
		}

		FhirImportResult result(int resourcesRead, List<Skipped> skipped) {
			return new FhirImportResult(created, updated, records, resourcesRead, createdPeople, skipped);
		}

	}

	/** Medication resources seen so far, and prescriptions waiting for one that has not come yet. */
	private static final class Medicines {

		final Map<String, CodeableConcept> byKey = new java.util.HashMap<>();

		final List<NeedsMedicine> waiting = new ArrayList<>();

	}

	private void accept(IParser parser, @Nullable String fullUrl, String resourceJson, Map<String, Pending> byKey,
			List<Skipped> skipped, Medicines medicines) {
		IBaseResource resource;
		try {
			resource = parser.parseResource(resourceJson);
		}
		catch (DataFormatException | IllegalArgumentException | ClassCastException ex) {
			Matcher type = RESOURCE_TYPE.matcher(resourceJson.length() > 500 ? resourceJson.substring(0, 500) : resourceJson);
			skipped.add(new Skipped(type.find() ? type.group(1) : "unknown", fullUrl == null ? "" : fullUrl,
					"Not valid FHIR R4: " + ex.getMessage()));
			return;
		}
		accept(fullUrl, resource, byKey, skipped, medicines);
	}

	private void accept(@Nullable String fullUrl, IBaseResource resource, Map<String, Pending> byKey,
			List<Skipped> skipped, Medicines medicines) {
		String id = resource instanceof Resource r ? FhirResourceMapper.resourceId(fullUrl, r)
				: fullUrl == null ? "" : fullUrl;
		FhirMapping mapping;
		try {
			mapping = mapper.map(fullUrl, resource);
		}
		catch (RuntimeException ex) {
			// A resource the mapper cannot read (HAPI accepted it, but a value is malformed) is skipped, never fatal
			mapping = new Skip("Could not be read: " + ex.getMessage());
		}
		if (mapping instanceof Medicine medicine) {
			medicine.keys().forEach(key -> medicines.byKey.put(key, medicine.code()));
			return;
		}
		if (mapping instanceof NeedsMedicine needs) {
			CodeableConcept code = medicines.byKey.get(needs.medicineKey());
			if (code == null) {
				medicines.waiting.add(needs);
				return;
			}
			mapping = needs.complete().apply(code);
		}
		route(mapping, resource.fhirType(), id, fullUrl, byKey, skipped);
	}

	/** Files a mapping under its person, or as skipped. */
	private void route(FhirMapping mapping, String resourceType, String id, @Nullable String fullUrl,
			Map<String, Pending> byKey, List<Skipped> skipped) {
		if (mapping instanceof Person person) {
			Pending pending = pendingFor(person.keys(), byKey, skipped, id);
			if (pending != null) {
				pending.person = person;
				pending.id = id;
			}
		}
		else if (mapping instanceof Rows rows) {
			Pending pending = byKey.computeIfAbsent(rows.subject(), k -> new Pending());
			pending.rows.addAll(rows.rows());
			pending.resources++;
			for (String warning : rows.warnings()) {
				skipped.add(new Skipped(resourceType, id, warning, true));
			}
		}
		else if (mapping instanceof Skip skip) {
			if (resourceType.equals("Patient")) {
				List<String> keys = new ArrayList<>();
				if (fullUrl != null) {
					keys.add(FhirResourceMapper.reference(fullUrl));
				}
				keys.add("Patient/" + id);
				Pending pending = pendingFor(keys, byKey, skipped, id);
				if (pending != null) {
					pending.rejected = skip.reason();
					pending.id = id;
				}
			}
			else {
				skipped.add(new Skipped(resourceType, id, skip.reason()));
			}
		}
		else if (!(mapping instanceof NotRelevant)) {
			throw new IllegalStateException("Unexpected mapping " + mapping);
		}
	}

	/** The one pending person under all these keys (merging rows that came before the Patient), or null if seen. */
	private static @Nullable Pending pendingFor(List<String> keys, Map<String, Pending> byKey, List<Skipped> skipped,
			String id) {
		Pending pending = null;
		for (String key : keys) {
			Pending existing = byKey.get(key);
			if (existing == null) {
				continue;
			}
			if (existing.person != null || existing.rejected != null) {
				skipped.add(new Skipped("Patient", id, "The Patient appears more than once in the bundle"));
				return null;
			}
			if (pending == null) {
				pending = existing;
			}
			else if (pending != existing) {
				pending.rows.addAll(existing.rows);
				pending.resources += existing.resources;
			}
		}
		if (pending == null) {
			pending = new Pending();
		}
		for (String key : keys) {
			byKey.put(key, pending);
		}
		return pending;
	}

	/** One person's mapped rows while the bundle is read. */
	private static final class Pending {

		@Nullable Person person;

		@Nullable String rejected;

		String id = "";

		final List<Row<?>> rows = new ArrayList<>();

		int resources;

	}

}
