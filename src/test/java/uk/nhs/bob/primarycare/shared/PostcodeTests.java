package uk.nhs.bob.primarycare.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostcodeTests {

	@ParameterizedTest
	@CsvSource({ "ox39du, OX3 9DU", "OX3  9DU, OX3 9DU", "rg1 2bh, RG1 2BH", "SL7 1AA, SL7 1AA", "hp11 2pl, HP11 2PL",
			"W1A 1AA, W1A 1AA", "EC1A1BB, EC1A 1BB" })
	void normalisesWhatPeopleType(String typed, String normal) {
		assertThat(Postcode.parse(typed)).hasValueSatisfying(p -> assertThat(p.value()).isEqualTo(normal));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "OX3", "9DU OX3", "OX3 9D", "OXX3 9DU1", "OX3 9CU", "12345" })
	void rejectsWhatIsNotAPostcode(String typed) {
		assertThat(Postcode.parse(typed)).isEmpty();
	}

	@Test
	void knowsItsDistrictAndArea() {
		Postcode postcode = new Postcode("HP11 2PL");
		assertThat(postcode.outward()).isEqualTo("HP11");
		assertThat(postcode.area()).isEqualTo("HP");
	}

}
