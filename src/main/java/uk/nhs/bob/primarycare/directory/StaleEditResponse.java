package uk.nhs.bob.primarycare.directory;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * What every admin form shows when someone else saved first: the typed values kept (carrying the latest version, so
 * saving again is a deliberate overwrite), the conflict message in the error summary, and status 409.
 */
final class StaleEditResponse {

	private StaleEditResponse() {
	}

	static void show(Object keptForm, String message, Model model, HttpServletResponse response) {
		BindingResult conflict = new BeanPropertyBindingResult(keptForm, "form");
		conflict.reject("conflict", message);
		model.addAttribute("form", keptForm);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", conflict);
		model.addAttribute("conflict", true);
		response.setStatus(HttpStatus.CONFLICT.value());
	}

}
