package uk.nhs.bob.primarycare.directory;

import java.util.List;
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

import static org.assertj.core.api.Assertions.assertThat;

class PcnFormTests {

	private static final Set<String> SITES = Set.of("OX-CTY", "BK-AYL");

	private static ValidatorFactory factory;

	@BeforeAll
	static void startValidator() {
		factory = DirectoryFormValidation.factory(Map.of(Kind.SITE, SITES, Kind.PCN, Set.of("U92001")));
	}

	@AfterAll
	static void closeValidator() {
		factory.close();
	}

	@Test
	void aNewPcnNeedsAnOdsCodeANameAndASite() {
		PcnForm form = new PcnForm("", " ", "", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null)).isEmpty();
		assertThat(messages(errors)).containsExactlyInAnyOrder("odsCode: Enter the PCN's ODS code",
				"name: Enter the name of the PCN", "siteCode: Select a neighbourhood site for the PCN");
	}

	@Test
	void anInvalidOdsCodeUnknownSiteAndLongNameAreRefused() {
		PcnForm form = new PcnForm("U9-001", "n".repeat(151), "ZZ-NOPE", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null)).isEmpty();
		assertThat(messages(errors)).containsExactlyInAnyOrder(
				"odsCode: Enter an ODS code of 3 to 10 letters and numbers, like U92001",
				"name: The name must be 150 characters or fewer", "siteCode: Select a neighbourhood site for the PCN");
	}

	@Test
	void aValidNewPcnIsNormalised() {
		PcnForm form = new PcnForm(" u99001 ", " Test PCN ", "OX-CTY", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null))
			.contains(new PcnDetails(new OdsCode("U99001"), "Test PCN", "OX-CTY"));
	}

	@Test
	void anEditKeepsTheExistingOdsCodeWhateverWasPosted() {
		PcnForm form = new PcnForm("U00000", "Moved PCN", "BK-AYL", "1");
		BindingResult errors = validateEdit(form);

		assertThat(form.check(errors, new OdsCode("U92001")))
			.contains(new PcnDetails(new OdsCode("U92001"), "Moved PCN", "BK-AYL"));
		assertThat(form.expectedVersion()).isEqualTo(1);
		assertThat(new PcnForm(null, "x", "OX-CTY", null).expectedVersion()).isEqualTo(-1);
	}

	@Test
	void aCodeAnotherPcnHoldsIsRefusedNamingItOnlyWhenAdding() {
		PcnForm form = new PcnForm("u92001", "New PCN", "OX-CTY", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null)).isEmpty();
		assertThat(messages(errors))
			.containsExactly("odsCode: The ODS code U92001 already belongs to Held by U92001: check the code");
		assertThat(messages(validateEdit(form))).isEmpty();
	}

	/** The checks of a form that adds (the code typed: {@link Adding}). */
	private static BindingResult validate(PcnForm form) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		new SpringValidatorAdapter(factory.getValidator()).validate(form, errors, Default.class, Adding.class);
		return errors;
	}

	/** The checks of a form that edits (the code comes from the address). */
	private static BindingResult validateEdit(PcnForm form) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		new SpringValidatorAdapter(factory.getValidator()).validate(form, errors);
		return errors;
	}

	private static List<String> messages(BindingResult errors) {
		return errors.getFieldErrors().stream().map(e -> e.getField() + ": " + e.getDefaultMessage()).toList();
	}

}
