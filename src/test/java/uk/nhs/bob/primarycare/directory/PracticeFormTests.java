package uk.nhs.bob.primarycare.directory;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ValidatorFactory;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import uk.nhs.bob.primarycare.directory.DirectoryCodes.Kind;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

import static org.assertj.core.api.Assertions.assertThat;

class PracticeFormTests {

	private static final Set<String> PCNS = Set.of("U92001", "U92002");

	private static ValidatorFactory factory;

	@BeforeAll
	static void startValidator() {
		factory = DirectoryFormValidation.factory(Map.of(Kind.PCN, PCNS, Kind.PRACTICE, Set.of("K84901")));
	}

	@AfterAll
	static void closeValidator() {
		factory.close();
	}

	@Test
	void aNewPracticeNeedsARealOdsCodePostcodeAndKnownPcn() {
		BindingResult errors = validate(new PracticeForm("k8!", " ", "OX99 ZZZ", "U00000", null));

		Optional<PracticeDetails> details = new PracticeForm("k8!", " ", "OX99 ZZZ", "U00000", null).check(errors, null);

		assertThat(details).isEmpty();
		assertThat(messages(errors)).containsExactlyInAnyOrder(
				"odsCode: Enter an ODS code of 3 to 10 letters and numbers, like K82001",
				"name: Enter the name of the practice", "postcode: Enter a real postcode, like OX3 9DU",
				"pcnCode: Select a PCN for the practice");
	}

	@Test
	void aValidNewPracticeIsNormalised() {
		PracticeForm form = new PracticeForm(" k84999 ", " Test Practice ", "ox2 6nw", "U92001", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null)).contains(new PracticeDetails(new OdsCode("K84999"),
				"Test Practice", new Postcode("OX2 6NW"), "U92001"));
	}

	@Test
	void anEditKeepsTheExistingOdsCodeWhateverWasPosted() {
		PracticeForm form = new PracticeForm(null, "Renamed Practice", "OX2 6NW", "U92002", "2");
		BindingResult errors = validateEdit(form);

		assertThat(form.check(errors, new OdsCode("K84901")))
			.hasValueSatisfying(d -> assertThat(d.odsCode()).hasToString("K84901"));
		assertThat(form.expectedVersion()).isEqualTo(2);
	}

	@Test
	void aCodeAnotherPracticeHoldsIsRefusedNamingItOnlyWhenAdding() {
		PracticeForm form = new PracticeForm(" k84901 ", "Test Practice", "OX2 6NW", "U92001", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null)).isEmpty();
		assertThat(messages(errors))
			.containsExactly("odsCode: The ODS code K84901 already belongs to Held by K84901: check the code");
		assertThat(messages(validateEdit(form))).isEmpty();
	}

	/** The checks of a form that adds (the code typed: {@link Adding}). */
	private static BindingResult validate(PracticeForm form) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		new SpringValidatorAdapter(factory.getValidator()).validate(form, errors, Default.class, Adding.class);
		return errors;
	}

	/** The checks of a form that edits (the code comes from the address). */
	private static BindingResult validateEdit(PracticeForm form) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		new SpringValidatorAdapter(factory.getValidator()).validate(form, errors);
		return errors;
	}

	private static List<String> messages(BindingResult errors) {
		return errors.getFieldErrors().stream().map(e -> e.getField() + ": " + e.getDefaultMessage()).toList();
	}

}
