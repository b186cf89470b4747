package uk.nhs.bob.primarycare.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Modulus 11 as the NHS Data Dictionary defines it (NHS Number). */
class NhsNumberTests {

	@Test
	void theWorkedExampleIsValid() {
		// 9x10 + 4x9 + 3x8 + 4x7 + 7x6 + 6x5 + 5x4 + 9x3 + 1x2 = 299; 299 mod 11 = 2; 11 - 2 = 9
		assertThat(NhsNumber.checkDigit("943476591")).isEqualTo(9);
		assertThat(NhsNumber.isValid("9434765919")).isTrue();
	}

	@Test
	void theFormatExampleFailsTheCheck() {
		assertThat(NhsNumber.isValid("9876544321")).isFalse();
	}

	@Test
	void aRemainderOfElevenGivesZeroAndTenGivesNone() {
		// weights 10..2: 000000001 sums to 2, r = 9; 100000000 sums to 10, r = 1
		assertThat(NhsNumber.checkDigit("000000001")).isEqualTo(9);
		assertThat(NhsNumber.checkDigit("100000000")).isEqualTo(1);
		// 010000001 sums to 9 + 2 = 11: 11 - 0 = 11, which stands for 0
		assertThat(NhsNumber.checkDigit("010000001")).isZero();
		assertThat(NhsNumber.isValid("0100000010")).isTrue();
		// 000000006 sums to 12: 11 - 1 = 10, so no number starting with these nine digits is valid
		assertThat(NhsNumber.checkDigit("000000006")).isNull();
		assertThat(NhsNumber.isValid("0000000060")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "943 476 5919", "943-476-5919", " 9434765919 ", "943 4765 919" })
	void parsesWhatPeopleType(String typed) {
		assertThat(NhsNumber.parse(typed)).hasValueSatisfying(n -> assertThat(n.value()).isEqualTo("9434765919"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "943476591", "94347659190", "943476591X", "9434765918", "abc",
			"\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669" })
	void rejectsWhatIsNotAnNhsNumber(String typed) {
		// the last is 9434765919 in Arabic-Indic digits: only the ASCII digits 0-9 make an NHS number
		assertThat(NhsNumber.parse(typed)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber(typed));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "943476591", "94347659190", "943476591X", "abc" })
	void saysWhenTextIsNotTenDigits(String typed) {
		assertThat(NhsNumber.fault(typed)).contains(NhsNumber.Fault.NOT_TEN_DIGITS);
	}

	@Test
	void nothingTypedIsNoNumber() {
		assertThat(NhsNumber.parse(null)).isEmpty();
		assertThat(NhsNumber.fault(null)).contains(NhsNumber.Fault.NOT_TEN_DIGITS);
	}

	@Test
	void saysWhenOnlyTheCheckDigitIsWrongAndNothingWhenParseAccepts() {
		assertThat(NhsNumber.fault("943 476 5918")).contains(NhsNumber.Fault.CHECK_DIGIT);
		assertThat(NhsNumber.fault("943-476-5919")).isEmpty();
	}

	@Test
	void showsThreeThreeFourAndKnowsTheTestRange() {
		NhsNumber number = new NhsNumber("9434765919");
		assertThat(number.formatted()).isEqualTo("943 476 5919");
		assertThat(number.isTestNumber()).isFalse();
		String nine = "999000001";
		Integer check = NhsNumber.checkDigit(nine);
		assertThat(check).isNotNull();
		assertThat(new NhsNumber(nine + check).isTestNumber()).isTrue();
	}

}
