package uk.nhs.bob.primarycare.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OdsCodeTests {

	@Test
	void normalisesCaseAndSpace() {
		assertThat(OdsCode.parse(" k84001 ")).hasValueSatisfying(code -> assertThat(code.value()).isEqualTo("K84001"));
	}

	@Test
	void rejectsWhatIsNotAnOdsCode() {
		assertThat(OdsCode.parse("K8")).isEmpty();
		assertThat(OdsCode.parse("K84-001")).isEmpty();
		assertThat(OdsCode.parse("ABCDEFGHIJK")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new OdsCode("k84001"));
	}

}
