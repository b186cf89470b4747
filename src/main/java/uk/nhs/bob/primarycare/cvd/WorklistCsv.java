package uk.nhs.bob.primarycare.cvd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A worklist as CSV: one row per person, their findings joined; UTF-8 with a byte order mark so spreadsheets show
 * accented names. A cell starting with a formula character is neutralised.
 */
final class WorklistCsv {

	/** The file's name and bytes. */
	record File(String name, byte[] bytes) {
	}

	private WorklistCsv() {
	}

	static File of(List<Worklists.Row> rows, Worklists.Filter filter, LocalDate today) {
		String name = "cvd-worklist-" + (filter.rule() == null ? "all" : filter.rule().code()) + "-" + today + ".csv";
		return new File(name, write(rows));
	}

	private static byte[] write(List<Worklists.Row> rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			// the byte order mark first, so spreadsheets read the file as UTF-8 (accented names)
			writer.write('\uFEFF');
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder()
					.setHeader("nhs_number", "name", "date_of_birth", "age", "practice_code", "practice", "pcn",
							"imd_quintile_national", "bob_quintile", "findings_count", "most_urgent_rule", "findings",
							"stale_evidence", "status", "last_outreach", "last_outreach_date", "last_outreach_by",
							"owner", "first_listed")
					.get());
			for (Worklists.Row row : rows) {
				Worklists.LastOutreach last = row.lastOutreach();
				csv.printRecord(row.nhsNumber().value(), safe(row.name()), row.dateOfBirth(), row.age(), row.practiceCode(),
						safe(row.practiceName()), safe(row.pcnName()), row.imdQuintile(),
						row.bobQuintile() == null ? "" : row.bobQuintile(), row.findings().size(),
						row.findings().isEmpty() ? "" : row.findings().get(0).rule().label(),
						safe(row.findingsText()),
						row.findings().stream().anyMatch(f -> f.evidenceAge().stale()) ? "yes" : "no",
						row.statusText(),
						last == null ? "" : last.type().label() + ": " + last.outcome().label(),
						last == null ? "" : last.date(), last == null ? "" : safe(last.by()),
						row.owner() == null ? "" : safe(row.owner()),
						row.findings().stream().map(Worklists.FindingRow::foundOn).min(Comparator.naturalOrder())
							.map(LocalDate::toString).orElse(""));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** A leading formula character is prefixed with an apostrophe so a spreadsheet shows it as text. */
	static String safe(String value) {
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

}
