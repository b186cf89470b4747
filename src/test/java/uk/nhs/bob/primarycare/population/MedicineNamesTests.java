package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import uk.nhs.bob.primarycare.terminology.Cluster;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;
import uk.nhs.bob.primarycare.terminology.CodeSets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own grouping of RxNorm medicines by name, checked against the published dm+d lists: a name word puts a
 * medicine in exactly the groups whose published lists name a product of that ingredient (a term that begins with the
 * word). Three words no list here names are kept as the project's own (docs/codesets.md); if a list comes to name
 * one, this fails so the exception is dropped.
 */
class MedicineNamesTests {

	/** RxNorm ingredient names no published list here names a product by (the user lists holding them have no terms). */
	static final Set<String> NOT_NAMED_IN_A_PUBLISHED_LIST = Set.of("ezetimibe", "doxazosin", "chlorthalidone");

	@Test
	void everyNameWordPutsAMedicineInTheGroupsWhosePublishedListsNameThatIngredient() throws IOException {
		Map<String, Set<MedicationCategory>> declared = declared();
		assertThat(declared).isNotEmpty();
		for (Map.Entry<String, Set<MedicationCategory>> word : declared.entrySet()) {
			Set<MedicationCategory> named = namedBy(word.getKey());
			if (NOT_NAMED_IN_A_PUBLISHED_LIST.contains(word.getKey())) {
				assertThat(named).as(word.getKey()).isEmpty();
			}
			else {
				assertThat(named).as(word.getKey()).isEqualTo(word.getValue());
			}
		}
		assertThat(declared.keySet()).containsAll(NOT_NAMED_IN_A_PUBLISHED_LIST);
	}

	@Test
	void aStatinNamedInRxNormIsAStatinAndLipidLowering() {
		int mask = RecordCodes.standard().categoriesByName("Simvastatin 10 MG Oral Tablet");
		assertThat(mask & (1 << MedicationCategory.STATIN.ordinal())).isNotZero();
		assertThat(mask & (1 << MedicationCategory.LIPID_LOWERING.ordinal())).isNotZero();
		assertThat(mask & (1 << MedicationCategory.ANTIHYPERTENSIVE.ordinal())).isZero();
	}

	/** The groups whose published lists hold a product named with this word first. */
	private static Set<MedicationCategory> namedBy(String word) {
		Pattern first = Pattern.compile("^" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE);
		Set<MedicationCategory> named = EnumSet.noneOf(MedicationCategory.class);
		for (MedicationCategory category : MedicationCategory.values()) {
			for (Cluster cluster : category.clusters()) {
				String file = CodeSets.standard().file(cluster).file();
				if (CodeSetFiles.rows(file).stream().anyMatch(r -> first.matcher(r.term()).find())) {
					named.add(category);
				}
			}
		}
		return named;
	}

	private static Map<String, Set<MedicationCategory>> declared() throws IOException {
		String text;
		try (InputStream in = MedicineNamesTests.class.getResourceAsStream("/population/record-codes.csv")) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, Set<MedicationCategory>> declared = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			if (line.startsWith("medicine-name,")) {
				String[] cols = line.split(",", -1);
				Set<MedicationCategory> categories = EnumSet.noneOf(MedicationCategory.class);
				for (String category : cols[3].split(" ")) {
					categories.add(MedicationCategory.valueOf(category));
				}
				declared.put(cols[2].toLowerCase(Locale.ROOT), categories);
			}
		}
		return declared;
	}

}
