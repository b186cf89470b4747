package uk.nhs.bob.primarycare.population;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhs.bob.primarycare.population.Ethnicity.QriskEthnicity;

import static org.assertj.core.api.Assertions.assertThat;

class EthnicityTests {

	/** Every 2021 Census category and the QRISK3 group it must map to. */
	private static final Map<Ethnicity, QriskEthnicity> EXPECTED = new EnumMap<>(Map.ofEntries(
			Map.entry(Ethnicity.WHITE_BRITISH, QriskEthnicity.WHITE_OR_NOT_STATED),
			Map.entry(Ethnicity.WHITE_IRISH, QriskEthnicity.WHITE_OR_NOT_STATED),
			Map.entry(Ethnicity.WHITE_GYPSY_OR_IRISH_TRAVELLER, QriskEthnicity.WHITE_OR_NOT_STATED),
			Map.entry(Ethnicity.WHITE_ROMA, QriskEthnicity.WHITE_OR_NOT_STATED),
			Map.entry(Ethnicity.WHITE_OTHER, QriskEthnicity.WHITE_OR_NOT_STATED),
			Map.entry(Ethnicity.MIXED_WHITE_AND_BLACK_CARIBBEAN, QriskEthnicity.OTHER),
			Map.entry(Ethnicity.MIXED_WHITE_AND_BLACK_AFRICAN, QriskEthnicity.OTHER),
			Map.entry(Ethnicity.MIXED_WHITE_AND_ASIAN, QriskEthnicity.OTHER),
			Map.entry(Ethnicity.MIXED_OTHER, QriskEthnicity.OTHER),
			Map.entry(Ethnicity.ASIAN_INDIAN, QriskEthnicity.INDIAN),
			Map.entry(Ethnicity.ASIAN_PAKISTANI, QriskEthnicity.PAKISTANI),
			Map.entry(Ethnicity.ASIAN_BANGLADESHI, QriskEthnicity.BANGLADESHI),
			Map.entry(Ethnicity.ASIAN_CHINESE, QriskEthnicity.CHINESE),
			Map.entry(Ethnicity.ASIAN_OTHER, QriskEthnicity.OTHER_ASIAN),
			Map.entry(Ethnicity.BLACK_CARIBBEAN, QriskEthnicity.BLACK_CARIBBEAN),
			Map.entry(Ethnicity.BLACK_AFRICAN, QriskEthnicity.BLACK_AFRICAN),
			Map.entry(Ethnicity.BLACK_OTHER, QriskEthnicity.OTHER),
			Map.entry(Ethnicity.OTHER_ARAB, QriskEthnicity.OTHER),
			Map.entry(Ethnicity.OTHER_ANY, QriskEthnicity.OTHER)));

	@Test
	void everyCensusCategoryMapsToItsQriskGroup() {
		assertThat(Arrays.stream(Ethnicity.values()).filter(Ethnicity::isCensusCategory)).hasSize(19);
		for (Ethnicity ethnicity : Ethnicity.values()) {
			if (ethnicity.isCensusCategory()) {
				assertThat(ethnicity.qrisk()).as(ethnicity.label()).isEqualTo(EXPECTED.get(ethnicity));
			}
		}
		assertThat(EXPECTED).hasSize(19);
	}

	@Test
	void notStatedCountsAsWhiteForQrisk() {
		assertThat(Ethnicity.NOT_STATED.isCensusCategory()).isFalse();
		assertThat(Ethnicity.NOT_STATED.qrisk()).isEqualTo(QriskEthnicity.WHITE_OR_NOT_STATED);
	}

	@Test
	void qriskGroupsAreNumberedOneToNine() {
		assertThat(Arrays.stream(QriskEthnicity.values()).mapToInt(QriskEthnicity::number))
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
		// every QRISK3 group is reachable from some census category
		assertThat(EXPECTED.values()).containsAll(Arrays.asList(QriskEthnicity.values()));
	}

	@Test
	void codesAreUniqueAndRoundTrip() {
		for (Ethnicity ethnicity : Ethnicity.values()) {
			assertThat(Ethnicity.ofCode(ethnicity.code())).contains(ethnicity);
		}
		assertThat(Arrays.stream(Ethnicity.values()).map(Ethnicity::code).distinct()).hasSize(Ethnicity.values().length);
		assertThat(Ethnicity.WHITE_BRITISH.code()).isEqualTo("A");
		assertThat(Ethnicity.ofCode("X9")).isEmpty();
	}

}
