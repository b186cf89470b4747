package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * The shared value types bind from request parameters and path segments through one formatter each, with the type's
 * own normalisation ({@code NhsNumber.parse} takes "943 476 5919" and "943-476-5919"), so a controller takes an
 * {@code NhsNumber} rather than a string it parses itself. A path segment that is not a valid value names nothing:
 * 404, as an unknown one does.
 */
@Configuration(proxyBeanMethods = false)
class TypedValueBinding implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(NhsNumber.class, formatter(NhsNumber::parse, NhsNumber::value));
		registry.addFormatterForFieldType(OdsCode.class, formatter(OdsCode::parse, OdsCode::value));
		registry.addFormatterForFieldType(Postcode.class, formatter(Postcode::parse, Postcode::value));
	}

	private static <T> Formatter<T> formatter(Function<String, Optional<T>> parse, Function<T, String> print) {
		return new Formatter<>() {
			@Override
			public T parse(String text, Locale locale) {
				return parse.apply(text).orElseThrow(() -> new IllegalArgumentException("Not a valid value"));
			}

			@Override
			public String print(T value, Locale locale) {
				return print.apply(value);
			}
		};
	}

	/** A path segment that does not parse as one of these value types (other mismatches keep Spring's 400). */
	@ControllerAdvice
	static class MalformedPathValues {

		private static final Set<Class<?>> VALUE_TYPES = Set.of(NhsNumber.class, OdsCode.class, Postcode.class);

		@ExceptionHandler(MethodArgumentTypeMismatchException.class)
		void notFound(MethodArgumentTypeMismatchException ex, HttpServletResponse response) throws IOException {
			if (!ex.getParameter().hasParameterAnnotation(PathVariable.class)
					|| !VALUE_TYPES.contains(ex.getParameter().getParameterType())) {
				throw ex;
			}
			response.sendError(HttpStatus.NOT_FOUND.value());
		}

	}

}
