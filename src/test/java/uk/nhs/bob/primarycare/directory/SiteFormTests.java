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

import static org.assertj.core.api.Assertions.assertThat;

class SiteFormTests {

	private static final Set<String> PLACES = Set.of("14Y", "10Q", "15A");

	private static ValidatorFactory factory;

	@BeforeAll
	static void startValidator() {
		factory = DirectoryFormValidation.factory(Map.of(Kind.PLACE, PLACES, Kind.SITE, Set.of("OX-CTY")));
	}

	@AfterAll
	static void closeValidator() {
		factory.close();
	}

	@Test
	void aNewSiteNeedsACodeANameAndAPlace() {
		SiteForm form = new SiteForm(" ", "", "", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null)).isEmpty();
		assertThat(messages(errors)).containsExactlyInAnyOrder("code: Enter a code for the site",
				"name: Enter the name of the neighbourhood site", "placeCode: Select the Place the site is in");
	}

	@Test
	void theCodeIsTwoToTwentyLettersDigitsAndHyphensAndThePlaceMustBeKnown() {
		for (String bad : List.of("X", "OX CTY", "OX_CTY", "-OX", "OX-", "ABCDEFGHIJKLMNOPQRSTU", "ÖX-1")) {
			SiteForm form = new SiteForm(bad, "A site", "99Z", null);
			BindingResult errors = validate(form);

			assertThat(form.check(errors, null)).as(bad).isEmpty();
			assertThat(messages(errors)).as(bad)
				.containsExactlyInAnyOrder("code: Enter a code of 2 to 20 letters, numbers and hyphens, like OX-CTY",
						"placeCode: Select the Place the site is in");
		}
	}

	@Test
	void aNameLongerThan150CharactersIsRefused() {
		SiteForm form = new SiteForm("OX-NEW", "n".repeat(151), "10Q", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null)).isEmpty();
		assertThat(messages(errors)).containsExactly("name: The name must be 150 characters or fewer");
	}

	@Test
	void aValidNewSiteIsNormalised() {
		SiteForm form = new SiteForm(" ox-new2 ", " New Neighbourhood ", "10Q", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null)).contains(new SiteDetails("OX-NEW2", "New Neighbourhood", "10Q"));
		assertThat(SiteForm.parseCode("ABCDEFGHIJKLMNOPQRST")).contains("ABCDEFGHIJKLMNOPQRST");
		assertThat(SiteForm.parseCode("B1")).contains("B1");
	}

	@Test
	void anEditKeepsTheExistingCodeWhateverWasPosted() {
		SiteForm form = new SiteForm("BK-AYL", "Renamed", "15A", "3");
		BindingResult errors = validateEdit(form);

		assertThat(form.check(errors, "OX-CTY")).contains(new SiteDetails("OX-CTY", "Renamed", "15A"));
		assertThat(form.expectedVersion()).isEqualTo(3);
		assertThat(new SiteForm(null, "x", "10Q", "three").expectedVersion()).isEqualTo(-1);
	}

	@Test
	void aCodeAnotherSiteHoldsIsRefusedNamingItOnlyWhenAdding() {
		SiteForm form = new SiteForm(" ox-cty ", "A site", "10Q", null);
		BindingResult errors = validate(form);

		assertThat(form.check(errors, null)).isEmpty();
		assertThat(messages(errors))
			.containsExactly("code: The code OX-CTY already belongs to Held by OX-CTY: choose another code");
		assertThat(messages(validateEdit(form))).isEmpty();
	}

	/** The checks of a form that adds (the code typed: {@link Adding}). */
	private static BindingResult validate(SiteForm form) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		new SpringValidatorAdapter(factory.getValidator()).validate(form, errors, Default.class, Adding.class);
		return errors;
	}

	/** The checks of a form that edits (the code comes from the address). */
	private static BindingResult validateEdit(SiteForm form) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		new SpringValidatorAdapter(factory.getValidator()).validate(form, errors);
		return errors;
	}

	private static List<String> messages(BindingResult errors) {
		return errors.getFieldErrors().stream().map(e -> e.getField() + ": " + e.getDefaultMessage()).toList();
	}

}
