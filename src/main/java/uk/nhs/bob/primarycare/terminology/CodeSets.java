package uk.nhs.bob.primarycare.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The published code sets the platform ships with ({@code codesets/clusters.tsv} and the files it names), loaded once
 * and immutable: which clusters a code belongs to, the codes and terms of a cluster, and where each came from. Every
 * module that recognises a clinical concept asks here; none keeps a code list of its own.
 * <p>
 * The codes are SNOMED CT concepts, dm+d products among them (dm+d identifiers are SNOMED CT UK Drug Extension
 * concepts), so a code is looked up whichever of the two systems a record names. Codes of other systems (LOINC,
 * RxNorm, ICD-10) belong to no cluster.
 */
public final class CodeSets {

	public static final String SNOMED_CT = "http://snomed.info/sct";

	public static final String DMD = "https://dmd.nhs.uk";

	static final String FOLDER = "/codesets/";

	static final String MANIFEST = FOLDER + "clusters.tsv";

	private static final class Standard {

		static final CodeSets INSTANCE = load();

	}

	private final String version;

	private final Map<String, ClusterSet> clustersByCode;

	private final Map<String, String> terms;

	private final Map<Cluster, List<CodeSetEntry>> entries;

	private final Map<Cluster, CodeSetFile> files;

	private CodeSets(String version, Map<String, ClusterSet> clustersByCode, Map<String, String> terms,
			Map<Cluster, List<CodeSetEntry>> entries, Map<Cluster, CodeSetFile> files) {
		this.version = version;
		this.clustersByCode = clustersByCode;
		this.terms = terms;
		this.entries = entries;
		this.files = files;
	}

	/** The code sets shipped with the application, read once. */
	public static CodeSets standard() {
		return Standard.INSTANCE;
	}

	/** Whether codes of this system are looked up in the code sets (SNOMED CT and dm+d; no system means SNOMED CT). */
	public static boolean inCodeSets(@Nullable String system) {
		return system == null || SNOMED_CT.equals(system) || DMD.equals(system);
	}

	/** The code-set version ({@code codesets-YYYY.MM.n}), shown with every rule that uses the code sets. */
	public String version() {
		return version;
	}

	/** The clusters a SNOMED CT or dm+d code belongs to (empty for a code in none). */
	public ClusterSet clustersOf(String code) {
		ClusterSet clusters = clustersByCode.get(code);
		return clusters == null ? ClusterSet.EMPTY : clusters;
	}

	/** The clusters a code of this system belongs to: empty for systems other than SNOMED CT and dm+d. */
	public ClusterSet clustersOf(@Nullable String system, String code) {
		return inCodeSets(system) ? clustersOf(code) : ClusterSet.EMPTY;
	}

	public boolean in(String code, Cluster cluster) {
		return clustersOf(code).contains(cluster);
	}

	/** The term a published list gives this code, if any list gives one. */
	public Optional<String> term(String code) {
		return Optional.ofNullable(terms.get(code));
	}

	/** The rows of a cluster's file, in file order. */
	public List<CodeSetEntry> entries(Cluster cluster) {
		return entries.get(cluster);
	}

	public CodeSetFile file(Cluster cluster) {
		return files.get(cluster);
	}

	/** Every cluster's file, in the order of {@link Cluster}. */
	public List<CodeSetFile> files() {
		return List.copyOf(files.values());
	}

	static CodeSets load() {
		String version = null;
		Map<String, ClusterSet> clustersByCode = new HashMap<>();
		Map<String, String> terms = new HashMap<>();
		Map<Cluster, List<CodeSetEntry>> entries = new EnumMap<>(Cluster.class);
		Map<Cluster, CodeSetFile> files = new EnumMap<>(Cluster.class);
		for (String line : lines(read(MANIFEST))) {
			if (line.startsWith("# version\t")) {
				version = line.substring("# version\t".length()).trim();
				continue;
			}
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\t");
			if (cells.length != 5) {
				throw new IllegalStateException("Code set manifest line needs 5 columns: " + line);
			}
			Cluster cluster = Cluster.valueOf(cells[0]);
			if (!cluster.kind().name().equals(kind(cells[1]))) {
				throw new IllegalStateException(cluster + " is a " + cluster.kind() + ", the manifest says " + cells[1]);
			}
			if (files.containsKey(cluster)) {
				throw new IllegalStateException("Cluster " + cluster + " appears twice in the manifest");
			}
			List<CodeSetEntry> rows = rows(cells[2], cells[3]);
			if (rows.isEmpty()) {
				throw new IllegalStateException("Code set file " + cells[2] + " holds no codes");
			}
			entries.put(cluster, Collections.unmodifiableList(rows));
			files.put(cluster, new CodeSetFile(cluster, cells[2], cells[4], rows.size()));
			for (CodeSetEntry row : rows) {
				clustersByCode.merge(row.code(), ClusterSet.of(cluster), ClusterSet::union);
				if (!row.term().isEmpty()) {
					terms.putIfAbsent(row.code(), row.term());
				}
			}
		}
		if (version == null) {
			throw new IllegalStateException("The code set manifest has no version line");
		}
		for (Cluster cluster : Cluster.values()) {
			if (!files.containsKey(cluster)) {
				throw new IllegalStateException("Cluster " + cluster + " has no line in " + MANIFEST);
			}
		}
		return new CodeSets(version, Map.copyOf(clustersByCode), Map.copyOf(terms), entries, files);
	}

	private static String kind(String manifestKind) {
		return switch (manifestKind) {
			case "condition" -> "CONDITION";
			case "adjustment" -> "CARE_ADJUSTMENT";
			case "observation" -> "OBSERVATION";
			case "medicine" -> "MEDICINE";
			case "efi" -> "FRAILTY_DEFICIT";
			default -> throw new IllegalStateException("Unknown code set kind " + manifestKind);
		};
	}

	/**
	 * The codes of one file: a CSV with a header (the code in the named column, the term in "term", or "nm" for the
	 * older OpenCodelists medicine layout), or a headerless tab-separated file of code and term (column "1").
	 */
	private static List<CodeSetEntry> rows(String file, String codeColumn) {
		String text = read(FOLDER + file);
		List<CodeSetEntry> rows = new ArrayList<>();
		if ("1".equals(codeColumn)) {
			for (String line : lines(text)) {
				if (line.isBlank()) {
					continue;
				}
				int tab = line.indexOf('\t');
				rows.add(entry(file, tab < 0 ? line : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1)));
			}
			return rows;
		}
		try (Reader reader = new java.io.StringReader(text)) {
			Iterable<CSVRecord> records = CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				// the older OpenCodelists layout starts with an unnamed index column
				.setAllowMissingColumnNames(true)
				.get()
				.parse(reader);
			for (CSVRecord record : records) {
				String term = record.isMapped("term") ? record.get("term")
						: record.isMapped("nm") ? record.get("nm") : "";
				rows.add(entry(file, record.get(codeColumn), term));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	private static CodeSetEntry entry(String file, String code, String term) {
		String trimmed = code.trim();
		if (!trimmed.matches("\\d{6,18}")) {
			throw new IllegalStateException("Code set file " + file + " holds a code that is not SNOMED CT: " + code);
		}
		return new CodeSetEntry(trimmed, term.trim());
	}

	private static List<String> lines(String text) {
		return text.lines().toList();
	}

	private static String read(String resource) {
		try (InputStream in = CodeSets.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing code set resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
