package uk.nhs.bob.primarycare.shared;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared text constraints accept blank and what each type parses, and say what is wrong from the one bundle. */
class ValueTextConstraintsTests {

	record Typed(@NhsNumberText String nhsNumber, @OdsCodeText String odsCode, @PostcodeText String postcode) {
	}

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void start() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void blankAndValidTextPass() {
		assertThat(validator.validate(new Typed("", " ", null))).isEmpty();
		assertThat(validator.validate(new Typed("943 476 5919", " k82001 ", "ox39du"))).isEmpty();
	}

	@Test
	void invalidTextIsRefusedWithTheBundledMessages() {
		Set<ConstraintViolation<Typed>> violations = validator.validate(new Typed("943 476 5918", "K8!", "OX99 ZZZ"));

		List<String> messages = violations.stream()
			.map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
			.sorted()
			.toList();
		assertThat(messages).containsExactly("nhsNumber: Enter a valid 10 digit NHS number, like 943 476 5919",
				"odsCode: Enter an ODS code of 3 to 10 letters and numbers, like K82001",
				"postcode: Enter a real postcode, like OX3 9DU");
	}

}
