package uk.nhs.bob.primarycare.cvd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * QRISK3-2017 against ClinRisk's own code: qrisk3-reference.csv holds 400 random valid inputs (200 female, 200 male,
 * every ethnicity, smoking category and condition) with the scores printed to 17 significant digits by ClinRisk's
 * published C functions cvd_female_raw and cvd_male_raw (CRAN package QRISK3, inst/extdata/QRISK3_2017_src.txt),
 * compiled unmodified with gcc. See docs/cvd.md for how the file was made.
 */
class Qrisk3Tests {

	static Qrisk3Inputs inputs(String[] c) {
		return new Qrisk3Inputs(c[0].equals("male"), Integer.parseInt(c[1]), Integer.parseInt(c[2]),
				Double.parseDouble(c[3]), Integer.parseInt(c[4]), one(c[5]), one(c[6]), one(c[7]), one(c[8]),
				one(c[9]), one(c[10]), one(c[11]), one(c[12]), one(c[13]), one(c[14]), one(c[15]), one(c[16]),
				one(c[17]), Double.parseDouble(c[18]), Double.parseDouble(c[19]), Double.parseDouble(c[20]),
				Double.parseDouble(c[21]));
	}

	static boolean one(String value) {
		return value.equals("1");
	}

	static List<String[]> reference() throws IOException {
		try (InputStream in = Qrisk3Tests.class.getResourceAsStream("/cvd/qrisk3-reference.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.map(line -> line.split(","))
				.toList();
		}
	}

	@Test
	void agreesWithClinRisksSourceToAMillionthOfAPercentagePoint() throws IOException {
		List<String[]> rows = reference();
		assertThat(rows).hasSize(400);
		for (String[] row : rows) {
			double expected = Double.parseDouble(row[22]);
			assertThat(Qrisk3.score(inputs(row))).as(String.join(",", row)).isCloseTo(expected, within(1e-6));
		}
	}

	@Test
	void theReferenceCoversBothSexesEveryEthnicityAndSmokingCategory() throws IOException {
		List<String[]> rows = reference();
		assertThat(rows.stream().map(r -> r[0]).distinct()).containsExactlyInAnyOrder("female", "male");
		assertThat(rows.stream().map(r -> r[2]).distinct()).hasSize(9);
		assertThat(rows.stream().map(r -> r[4]).distinct()).hasSize(5);
		assertThat(rows.stream().mapToDouble(r -> Double.parseDouble(r[22])).max().orElseThrow()).isGreaterThan(50);
	}

	/** Hand-checkable case: a 64 year old White non-smoking man with average values scores about 14.6%. */
	@Test
	void aTypicalCaseGivesAPlausibleScore() {
		Qrisk3Inputs man = new Qrisk3Inputs(true, 64, 1, 0, 0, false, false, false, false, false, false, false, false,
				false, false, false, false, false, 25, 4, 130, 9);
		Qrisk3Inputs woman = new Qrisk3Inputs(false, 64, 1, 0, 0, false, false, false, false, false, false, false,
				false, false, false, false, false, false, 25, 4, 130, 9);
		assertThat(man.score()).isBetween(10.0, 20.0);
		assertThat(woman.score()).isLessThan(man.score());
	}

	@Test
	void outOfRangeInputsAreNamed() {
		Qrisk3Inputs bad = new Qrisk3Inputs(false, 24, 10, 20, 5, true, true, false, false, false, false, false, false,
				false, false, false, true, false, 19.9, 12.1, 211, -1);
		assertThat(bad.problems()).extracting(p -> p[0])
			.containsExactly("age", "ethnicity", "townsend", "smokingCategory", "type2Diabetes", "erectileDysfunction",
					"bmi", "cholesterolHdlRatio", "systolicBp", "systolicBpSd");
		assertThatIllegalArgumentException().isThrownBy(bad::score);
	}

	@Test
	void theBoundariesThemselvesAreAccepted() {
		for (int age : new int[] { 25, 84 }) {
			Qrisk3Inputs edge = new Qrisk3Inputs(true, age, 9, -8, 4, false, true, false, false, false, false, false,
					false, false, false, false, true, false, 40, 12, 210, 60);
			assertThat(edge.problems()).isEmpty();
			assertThat(edge.score()).isBetween(0.0, 100.0);
		}
	}

}
