package uk.nhs.bob.primarycare.cvd;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import uk.nhs.bob.primarycare.population.Ethnicity;

/**
 * The QRISK3-2017 calculator for clinicians: any inputs, no record read. Bad input re-renders the form with the
 * NHS.UK error summary, keeping what was typed.
 */
@Controller
class CalculatorController {

	static final String VIEW = "cvd/calculator";

	@GetMapping("/cvd/calculator")
	String form(Model model) {
		model.addAttribute("form", CalculatorForm.empty());
		return show(model);
	}

	@PostMapping("/cvd/calculator")
	String calculate(@ModelAttribute("form") CalculatorForm form, BindingResult errors, Model model) {
		Integer age = whole(form.age(), "age", "age", errors);
		String sex = form.sex();
		if (!"female".equals(sex) && !"male".equals(sex)) {
			errors.rejectValue("sex", "sex.blank", "Choose female or male");
		}
		Integer ethnicity = whole(form.ethnicity(), "ethnicity", "ethnic group", errors);
		Double townsend = decimal(form.townsend(), "townsend", "Townsend score", errors);
		Integer smoking = whole(form.smokingCategory(), "smokingCategory", "smoking status", errors);
		Double bmi = decimal(form.bmi(), "bmi", "BMI", errors);
		Double ratio = decimal(form.cholesterolHdlRatio(), "cholesterolHdlRatio", "cholesterol/HDL ratio", errors);
		Double sbp = decimal(form.systolicBp(), "systolicBp", "systolic blood pressure", errors);
		Double sd = decimal(form.systolicBpSd(), "systolicBpSd", "standard deviation of systolic blood pressure",
				errors);
		range(age, Qrisk3Inputs.Range.AGE, errors);
		range(townsend, Qrisk3Inputs.Range.TOWNSEND, errors);
		range(bmi, Qrisk3Inputs.Range.BMI, errors);
		range(ratio, Qrisk3Inputs.Range.RATIO, errors);
		range(sbp, Qrisk3Inputs.Range.SBP, errors);
		range(sd, Qrisk3Inputs.Range.SBP_SD, errors);
		if (ethnicity != null && (ethnicity < 1 || ethnicity > 9)) {
			errors.rejectValue("ethnicity", "ethnicity.range", message("ethnicity", ""));
		}
		if (smoking != null && (smoking < 0 || smoking > 4)) {
			errors.rejectValue("smokingCategory", "smokingCategory.range", message("smokingCategory", ""));
		}
		if (!errors.hasErrors()) {
			Qrisk3Inputs inputs = new Qrisk3Inputs("male".equals(sex), age, ethnicity, townsend, smoking,
					form.has("type1Diabetes"), form.has("type2Diabetes"), form.has("atrialFibrillation"),
					form.has("atypicalAntipsychotics"), form.has("corticosteroids"), form.has("migraine"),
					form.has("rheumatoidArthritis"), form.has("chronicKidneyDisease"), form.has("severeMentalIllness"),
					form.has("sle"), form.has("treatedHypertension"), form.has("erectileDysfunction"),
					form.has("familyHistoryCvd"), bmi, ratio, sbp, sd);
			for (String[] problem : inputs.problems()) {
				String field = problem[0];
				String target = field.equals("type2Diabetes") || field.equals("erectileDysfunction") ? "conditions"
						: field;
				errors.rejectValue(target, field + ".range", message(field, problem[1]));
			}
			if (!errors.hasErrors()) {
				model.addAttribute("score", Qrisk3.score(inputs));
			}
		}
		return show(model);
	}

	private static void range(@Nullable Number value, Qrisk3Inputs.Range range, BindingResult errors) {
		if (value != null && !range.contains(value.doubleValue())) {
			errors.rejectValue(range.field, range.field + ".range", message(range.field, range.message()));
		}
	}

	private static String message(String field, String problem) {
		return switch (field) {
			case "age" -> "Age " + problem + " (QRISK3 is for people aged 25 to 84)";
			case "ethnicity" -> "Choose an ethnic group";
			case "smokingCategory" -> "Choose a smoking status";
			case "townsend" -> "Townsend score " + problem;
			case "bmi" -> "BMI " + problem;
			case "cholesterolHdlRatio" -> "Cholesterol/HDL ratio " + problem;
			case "systolicBp" -> "Systolic blood pressure " + problem;
			case "systolicBpSd" -> "Standard deviation of systolic blood pressure " + problem;
			case "type2Diabetes" -> "Choose type 1 or type 2 diabetes, not both";
			case "erectileDysfunction" -> "Erectile dysfunction applies to males only";
			default -> field + " " + problem;
		};
	}

	private String show(Model model) {
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
		model.addAttribute("ethnicities", ethnicities);
		model.addAttribute("smokingOptions", smoking);
		model.addAttribute("sexes", sexes);
		model.addAttribute("conditions", CalculatorForm.CONDITIONS);
		return VIEW;
	}

	private static @Nullable Integer whole(@Nullable String value, String field, String label, BindingResult errors) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, field + ".blank", "Enter the " + label);
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			errors.rejectValue(field, field + ".invalid", "The " + label + " must be a whole number");
			return null;
		}
	}

	private static @Nullable Double decimal(@Nullable String value, String field, String label,
			BindingResult errors) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, field + ".blank", "Enter the " + label);
			return null;
		}
		try {
			double number = Double.parseDouble(value.trim());
			if (!Double.isFinite(number) || !value.trim().matches("-?\\d+(\\.\\d+)?")) {
				throw new NumberFormatException(value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			errors.rejectValue(field, field + ".invalid", "The " + label + " must be a number, like 27.5");
			return null;
		}
	}

}
