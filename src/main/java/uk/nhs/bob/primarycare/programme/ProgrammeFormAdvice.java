package uk.nhs.bob.primarycare.programme;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.ModelAndView;
import uk.nhs.bob.primarycare.programme.portfolio.Portfolio;
import uk.nhs.bob.primarycare.programme.spc.Measure;

/**
 * Bad input on the programme's forms reads as plain words, never as Java type names: a value that is not one of the
 * options (a tampered {@code direction=UP} or {@code act=FOO}), a number that is not one, or a form without its
 * version all become field errors the page shows in its error summary. A refusal or stale edit that reaches no form
 * (a button that posts no fields) is a 400 or 409 page.
 */
@ControllerAdvice(basePackageClasses = ProgrammeFormAdvice.class)
class ProgrammeFormAdvice {

	/** The page a refused action goes back to: its project, measure or site. */
	private static final Pattern BACK = Pattern.compile("^/programme/(projects/\\d+(/measures/\\d+)?|sites/\\d+)");

	private static final Map<String, String> MESSAGES = Map.ofEntries(Map.entry("direction", "Choose the improvement direction from the list"),
			Map.entry("feed", "Choose a feed from the list, or none"),
			Map.entry("act", "Choose adopt, adapt or abandon from the list"),
			Map.entry("sector", "Choose where they come from from the list"),
			Map.entry("level", "Choose a level of the driver diagram from the list"),
			Map.entry("value", "Value must be a number, like 42 or 12.5"),
			Map.entry("target", "Target must be a number, like 75 or 12.5"),
			Map.entry("minimumN", "Minimum n must be a whole number from 1 to 1000000"),
			Map.entry("maxSitesPerPlace", "Enter the most sites from each Place, a whole number from 0 to 50"),
			Map.entry("changeIdeaId", "Choose a change idea from the list"),
			Map.entry("followsCycleId", "Choose an earlier PDSA cycle from the list, or none"),
			Map.entry("parentId", "Choose where it belongs from the list"),
			Map.entry("rag", "Choose red, amber or green"), Map.entry("cohort", "Choose a cohort from the list"),
			Map.entry("toCohortId", "Choose a cohort from the list"), Map.entry("cohortId", "Choose a cohort from the list"),
			Map.entry("version", "This form is out of date or incomplete: open the page again and make your change"));

	/** Where two forms share a field name (kind), the type says which options were offered. */
	private static final Map<Class<?>, String> BY_TYPE = Map.of(Measure.Kind.class,
			"Choose outcome, process or balancing from the list", Portfolio.RiskKind.class,
			"Choose risk or issue from the list");

	@InitBinder
	void plainTypeErrors(WebDataBinder binder) {
		binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {

			@Override
			public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
				String field = ex.getPropertyName();
				String root = field.replaceAll("\\[.*", "").replaceAll(".*\\.", "");
				Class<?> type = ex instanceof TypeMismatchException mismatch ? mismatch.getRequiredType() : null;
				String message = type != null && BY_TYPE.containsKey(type) ? BY_TYPE.get(type) : MESSAGES.get(root);
				if (message == null) {
					message = ex instanceof TypeMismatchException mismatch && mismatch.getRequiredType() != null
							&& mismatch.getRequiredType().isEnum() ? "Choose one of the options" : "Enter a valid value";
				}
				result.addError(new FieldError(result.getObjectName(), field, ex.getValue(), true,
						new String[] { "programme.invalid" }, null, message));
			}

		});
	}

	@ExceptionHandler(Refused.class)
	ModelAndView refused(Refused refused, HttpServletRequest request) {
		return page(refused.getMessage(), request, HttpStatus.BAD_REQUEST);
	}

	@ExceptionHandler(Programme.StaleEdit.class)
	ModelAndView stale(HttpServletRequest request) {
		return page("Someone else saved a change after you opened the page, so yours has not been made. Open the "
				+ "page again to see their change, then make yours.", request, HttpStatus.CONFLICT);
	}

	private static ModelAndView page(String message, HttpServletRequest request, HttpStatus status) {
		Matcher matcher = BACK.matcher(request.getRequestURI());
		String back = matcher.find() ? matcher.group() : "/programme";
		return new ModelAndView("programme/refused", Map.of("message", message, "back", back), status);
	}

}
