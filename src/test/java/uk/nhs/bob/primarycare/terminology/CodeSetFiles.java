package uk.nhs.bob.primarycare.terminology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the shipped code-set files directly, for tests that pick their codes from the published data rather than from
 * anything the production code chose (a deliberately simple reader: first column code, "term" or "nm" as the term,
 * quoted fields honoured).
 */
public final class CodeSetFiles {

	/** Every condition file a register is built from, to find codes that belong to one register only. */
	public static final List<String> REGISTER_FILES = List.of("nhsd-primary-care-domain-refsets-hyp_cod.csv",
			"nhsd-primary-care-domain-refsets-hypres_cod.csv", "nhsd-primary-care-domain-refsets-chd_cod.csv",
			"nhsd-primary-care-domain-refsets-strk_cod.csv", "nhsd-primary-care-domain-refsets-tia_cod.csv",
			"nhsd-primary-care-domain-refsets-pad_cod.csv", "nhsd-primary-care-domain-refsets-afib_cod.csv",
			"nhsd-primary-care-domain-refsets-dm_cod.csv", "nhsd-primary-care-domain-refsets-dmres_cod.csv",
			"nhsd-primary-care-domain-refsets-dmtype1_cod.csv", "nhsd-primary-care-domain-refsets-dmtype2_cod.csv",
			"primis-covid19-vacc-uptake-ckd35.csv", "nhsd-primary-care-domain-refsets-ckd1and2_cod.csv",
			"nhsd-primary-care-domain-refsets-ckdres_cod.csv", "nhsd-primary-care-domain-refsets-hf_cod.csv",
			"nhsd-primary-care-domain-refsets-ast_cod.csv", "nhsd-primary-care-domain-refsets-copd_cod.csv",
			"nhsd-primary-care-domain-refsets-dem_cod.csv", "nhsd-primary-care-domain-refsets-depr_cod.csv",
			"nhsd-primary-care-domain-refsets-mh_cod.csv", "primis-covid19-vacc-uptake-smhres.csv",
			"nhsd-primary-care-domain-refsets-rarth_cod.csv", "nhsd-primary-care-domain-refsets-osteo_cod.csv",
			"nhsd-primary-care-domain-refsets-fhypgen_cod.csv", "nhsd-primary-care-domain-refsets-astres_cod.csv",
			"nhsd-primary-care-domain-refsets-copdres_cod.csv", "nhsd-primary-care-domain-refsets-depres_cod.csv");

	private CodeSetFiles() {
	}

	/** One row: the code and its term. */
	public record Row(String code, String term) {
	}

	/** The rows of a file in {@code codesets/}, in file order. */
	public static List<Row> rows(String file) {
		String text = read("/codesets/" + file);
		List<Row> rows = new ArrayList<>();
		if (file.endsWith(".txt")) {
			for (String line : text.split("\n")) {
				if (!line.isBlank()) {
					String[] cells = line.split("\t", 2);
					rows.add(new Row(cells[0].trim(), cells.length > 1 ? cells[1].trim() : ""));
				}
			}
			return rows;
		}
		String[] lines = text.split("\r?\n");
		List<String> header = fields(lines[0]);
		int code = header.indexOf(file.equals("opensafely-warfarin.csv") ? "id" : "code");
		int term = header.contains("term") ? header.indexOf("term") : header.indexOf("nm");
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			List<String> cells = fields(lines[i]);
			rows.add(new Row(cells.get(code).trim(), term < 0 ? "" : cells.get(term).trim()));
		}
		return rows;
	}

	public static List<String> codes(String file) {
		return rows(file).stream().map(Row::code).toList();
	}

	/** The codes of a file that are in none of the other register files: a code that means one register only. */
	public static List<Row> onlyIn(String file, String... alsoAllowed) {
		Set<String> others = REGISTER_FILES.stream()
			.filter(f -> !f.equals(file) && !List.of(alsoAllowed).contains(f))
			.flatMap(f -> codes(f).stream())
			.collect(Collectors.toSet());
		return rows(file).stream().filter(r -> !others.contains(r.code())).toList();
	}

	/** The first code of a file that means one register only. */
	public static Row first(String file, String... alsoAllowed) {
		return onlyIn(file, alsoAllowed).get(0);
	}

	/** The row of a file with exactly this term. */
	public static Row withTerm(String file, String term) {
		return rows(file).stream()
			.filter(r -> r.term().equals(term))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No '" + term + "' in " + file));
	}

	/** The first row of a file whose term starts with this text (medicines: a product and its packs). */
	public static Row startingWith(String file, String term) {
		return rows(file).stream()
			.filter(r -> r.term().startsWith(term))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No '" + term + "...' in " + file));
	}

	/** Every row of every file named in clusters.tsv, by file. */
	public static Map<String, List<Row>> all() {
		Map<String, List<Row>> all = new LinkedHashMap<>();
		for (String line : read("/codesets/clusters.tsv").split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String file = line.split("\t")[2];
				all.put(file, rows(file));
			}
		}
		return all;
	}

	private static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	private static String read(String resource) {
		try (InputStream in = CodeSetFiles.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
