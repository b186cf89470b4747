package uk.nhs.bob.primarycare.cvd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.Ethnicity;

/**
 * The QRISK3 calculator form, as typed (numbers stay text so a mistyped value is shown back, not lost). The ranges
 * are those QRISK3-2017 accepts ({@link Qrisk3Inputs.Range}); {@link ConditionsFit} checks the conditions together.
 */
@CalculatorForm.ConditionsFit
record CalculatorForm(
		@NotBlank(message = "Enter the age") @Pattern(regexp = WHOLE, message = "The age must be a whole number")
		@NumberIn(min = 25, max = 84,
				message = "Age must be between 25 and 84 (QRISK3 is for people aged 25 to 84)") @Nullable String age,
		@NotNull(message = SEX_MESSAGE) @Pattern(regexp = "female|male", message = SEX_MESSAGE) @Nullable String sex,
		@NotBlank(message = "Enter the ethnic group")
		@Pattern(regexp = WHOLE, message = "The ethnic group must be a whole number")
		@NumberIn(min = 1, max = 9, message = "Choose an ethnic group") @Nullable String ethnicity,
		@NotBlank(message = "Enter the Townsend score")
		@Pattern(regexp = DECIMAL, message = "The Townsend score must be a number, like 27.5")
		@NumberIn(min = -8, max = 16, message = "Townsend score must be between -8 and 16") @Nullable String townsend,
		@NotBlank(message = "Enter the smoking status")
		@Pattern(regexp = WHOLE, message = "The smoking status must be a whole number")
		@NumberIn(min = 0, max = 4, message = "Choose a smoking status") @Nullable String smokingCategory,
		@NotBlank(message = "Enter the BMI") @Pattern(regexp = DECIMAL, message = "The BMI must be a number, like 27.5")
		@NumberIn(min = 20, max = 40, message = "BMI must be between 20 and 40") @Nullable String bmi,
		@NotBlank(message = "Enter the cholesterol/HDL ratio")
		@Pattern(regexp = DECIMAL, message = "The cholesterol/HDL ratio must be a number, like 27.5")
		@NumberIn(min = 1, max = 12,
				message = "Cholesterol/HDL ratio must be between 1 and 12") @Nullable String cholesterolHdlRatio,
		@NotBlank(message = "Enter the systolic blood pressure")
		@Pattern(regexp = DECIMAL, message = "The systolic blood pressure must be a number, like 27.5")
		@NumberIn(min = 70, max = 210,
				message = "Systolic blood pressure must be between 70 and 210") @Nullable String systolicBp,
		@NotBlank(message = "Enter the standard deviation of systolic blood pressure")
		@Pattern(regexp = DECIMAL,
				message = "The standard deviation of systolic blood pressure must be a number, like 27.5")
		@NumberIn(min = 0, max = 60, message = "Standard deviation of systolic blood pressure must be between 0 and "
				+ "60") @Nullable String systolicBpSd,
		@Nullable List<String> conditions) {

	/** A whole number as {@link Integer#valueOf} reads it, spaces around allowed. */
	static final String WHOLE = "\\s*[+-]?\\d{1,9}\\s*";

	/** A plain decimal (no exponent, no infinity). */
	static final String DECIMAL = "\\s*-?\\d+(\\.\\d+)?\\s*";

	static final String SEX_MESSAGE = "Choose female or male";

	/** The yes/no inputs, as checkbox values with their labels (and a hint where the input needs one). */
	static final List<String[]> CONDITIONS = List.of(new String[] { "type1Diabetes", "Type 1 diabetes" },
			new String[] { "type2Diabetes", "Type 2 diabetes" },
			new String[] { "atrialFibrillation", "Atrial fibrillation" },
			new String[] { "atypicalAntipsychotics", "On atypical antipsychotic medication" },
			new String[] { "corticosteroids", "On regular steroid tablets" },
			new String[] { "migraine", "Migraine" },
			new String[] { "rheumatoidArthritis", "Rheumatoid arthritis" },
			new String[] { "chronicKidneyDisease", "Chronic kidney disease (stage 3, 4 or 5)",
					"Stage 3 to 5 means an eGFR below 60 for 3 months or more. NICE NG238 says not to use a risk tool "
							+ "when the eGFR is below 60 (offer atorvastatin 20 mg instead), so the CVD pages never "
							+ "score someone with CKD 3-5 or an eGFR below 60 from the record; a score here is for "
							+ "information only." },
			new String[] { "severeMentalIllness", "Severe mental illness" },
			new String[] { "sle", "Systemic lupus erythematosus (SLE)" },
			new String[] { "treatedHypertension", "On blood pressure treatment" },
			new String[] { "erectileDysfunction", "Erectile dysfunction (diagnosis or treatment)" },
			new String[] { "familyHistoryCvd", "Angina or heart attack in a first degree relative under 60" });

	/** Nothing pre-filled: the Townsend score and smoking status are asked for, never assumed. */
	static CalculatorForm empty() {
		return new CalculatorForm(null, null, null, null, null, null, null, null, null, List.of());
	}

	public boolean has(String condition) {
		return conditions != null && conditions.contains(condition);
	}

	/** The inputs of a form that has passed its checks. */
	Qrisk3Inputs inputs() {
		return new Qrisk3Inputs("male".equals(sex), Integer.parseInt(age.trim()), Integer.parseInt(ethnicity.trim()),
				Double.parseDouble(townsend.trim()), Integer.parseInt(smokingCategory.trim()), has("type1Diabetes"),
				has("type2Diabetes"), has("atrialFibrillation"), has("atypicalAntipsychotics"), has("corticosteroids"),
				has("migraine"), has("rheumatoidArthritis"), has("chronicKidneyDisease"), has("severeMentalIllness"),
				has("sle"), has("treatedHypertension"), has("erectileDysfunction"), has("familyHistoryCvd"),
				Double.parseDouble(bmi.trim()), Double.parseDouble(cholesterolHdlRatio.trim()),
				Double.parseDouble(systolicBp.trim()), Double.parseDouble(systolicBpSd.trim()));
	}

	/** The form's options: QRISK3's ethnic groups and smoking categories, and the sexes. */
	static Map<String, Map<String, String>> options() {
		Map<String, String> ethnicities = new LinkedHashMap<>();
		for (Ethnicity.QriskEthnicity group : Ethnicity.QriskEthnicity.values()) {
			ethnicities.put(String.valueOf(group.number()), group.label());
		}
		Map<String, String> smoking = new LinkedHashMap<>();
		smoking.put("0", "Non-smoker");
		smoking.put("1", "Ex-smoker");
		smoking.put("2", "Light smoker (less than 10 a day)");
		smoking.put("3", "Moderate smoker (10 to 19 a day)");
		smoking.put("4", "Heavy smoker (20 or more a day)");
		Map<String, String> sexes = new LinkedHashMap<>();
		sexes.put("female", "Female");
		sexes.put("male", "Male");
		return Map.of("ethnicities", ethnicities, "smokingOptions", smoking, "sexes", sexes);
	}

	/** Type 1 or type 2 diabetes, not both; erectile dysfunction for males only (on the conditions). */
	@Documented
	@Constraint(validatedBy = ConditionsFit.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface ConditionsFit {

		String message() default "Check the conditions";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<ConditionsFit, CalculatorForm> {

			@Override
			public boolean isValid(@Nullable CalculatorForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				boolean valid = true;
				if (form.has("type1Diabetes") && form.has("type2Diabetes")) {
					valid = false;
					context.buildConstraintViolationWithTemplate("Choose type 1 or type 2 diabetes, not both")
						.addPropertyNode("conditions")
						.addConstraintViolation();
				}
				if ("female".equals(form.sex()) && form.has("erectileDysfunction")) {
					valid = false;
					context.buildConstraintViolationWithTemplate("Erectile dysfunction applies to males only")
						.addPropertyNode("conditions")
						.addConstraintViolation();
				}
				return valid;
			}

		}

	}

}
