package uk.nhs.bob.primarycare.population;

import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;

class FhirTestNhsNumberTests {

	@Test
	void allocatesDownwardFromTheTopOfTheTestRangeSkippingInvalidAndTakenNumbers() {
		// 999 999 999: weighted sum 486, 486 mod 11 = 2, check digit 9
		assertThat(FhirPersonWriter.nextTestNumber(999_999_999, nhs -> false)).isEqualTo("9999999999");
		// taken, so 999 999 998: sum 484, remainder 0, check digit 0
		assertThat(FhirPersonWriter.nextTestNumber(999_999_999, Set.of("9999999999")::contains)).isEqualTo("9999999980");
		// 999 999 993: sum 474, remainder 1, 11 - 1 = 10: no check digit, so on to 999 999 992 (check digit 1)
		assertThat(FhirPersonWriter.nextTestNumber(999_999_993, nhs -> false)).isEqualTo("9999999921");
	}

	@Test
	void neverMeetsTheSyntheticPopulationsNumbersCountingUp() {
		SyntheticNhsNumbers generated = new SyntheticNhsNumbers();
		String lowestGenerated = generated.next();
		assertThat(lowestGenerated).startsWith("999000");
		assertThat(FhirPersonWriter.nextTestNumber(999_999_999, nhs -> false)).isGreaterThan(lowestGenerated);
	}

}
