package uk.nhs.bob.primarycare.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;

/**
 * A form record's errors in the order of its fields (rows in order, each row's fields in order), as the NHS.UK error
 * summary asks, whatever order Bean Validation found them in, each message as written. A controller or advice
 * installs it from an {@code @InitBinder} method.
 */
public final class FieldOrder {

	private FieldOrder() {
	}

	/** Wraps the binder's validator when the form is a record. */
	public static void install(WebDataBinder binder) {
		Validator validator = binder.getValidator();
		// a form record is constructed after the binder, so the binder may know only its type yet
		Class<?> type = binder.getTarget() != null ? binder.getTarget().getClass()
				: binder.getTargetType() == null ? null : binder.getTargetType().resolve();
		if (validator != null && type != null && type.isRecord()) {
			binder.setValidator(new Sorting(validator));
		}
	}

	/** Validates with the application's validator, then adds the errors to the form's in the order of its fields. */
	private record Sorting(Validator delegate) implements SmartValidator {

		@Override
		public boolean supports(Class<?> type) {
			return delegate.supports(type);
		}

		@Override
		public void validate(Object target, Errors errors) {
			validate(target, errors, new Object[0]);
		}

		@Override
		public void validate(Object target, Errors errors, Object... hints) {
			if (!(errors instanceof BindingResult result)) {
				delegate.validate(target, errors);
				return;
			}
			BeanPropertyBindingResult found = new BeanPropertyBindingResult(target, errors.getObjectName());
			if (delegate instanceof SmartValidator smart) {
				smart.validate(target, found, hints);
			}
			else {
				delegate.validate(target, found);
			}
			// without the constraint's arguments, the page shows each message as written: with them, Spring would
			// format it as a MessageFormat pattern, which drops the apostrophe of "the member's role"
			found.getGlobalErrors()
				.forEach(error -> result.addError(new ObjectError(error.getObjectName(), error.getCodes(), null,
						error.getDefaultMessage())));
			List<FieldError> fieldErrors = new ArrayList<>(found.getFieldErrors());
			fieldErrors.sort(Comparator.comparing(error -> position(target.getClass(), error.getField()),
					Sorting::compare));
			fieldErrors.forEach(error -> result.addError(new FieldError(error.getObjectName(), error.getField(),
					error.getRejectedValue(), error.isBindingFailure(), error.getCodes(), null,
					error.getDefaultMessage())));
		}

		/** A field's place in the form: its component's index, then the row's index and the row's component's. */
		static List<Integer> position(Class<?> type, String field) {
			List<Integer> position = new ArrayList<>();
			Class<?> current = type;
			for (String part : field.split("\\.")) {
				String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
				RecordComponent[] components = current == null || !current.isRecord() ? new RecordComponent[0]
						: current.getRecordComponents();
				int index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(name);
				position.add(index < 0 ? Integer.MAX_VALUE : index);
				current = null;
				if (index >= 0 && part.contains("[")) {
					String row = part.substring(part.indexOf('[') + 1, part.indexOf(']'));
					position.add(row.matches("\\d{1,9}") ? Integer.parseInt(row) : Integer.MAX_VALUE);
					if (components[index].getGenericType() instanceof java.lang.reflect.ParameterizedType list
							&& list.getActualTypeArguments()[0] instanceof Class<?> rowType) {
						current = rowType;
					}
				}
			}
			return position;
		}

		private static int compare(List<Integer> a, List<Integer> b) {
			for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
				int c = Integer.compare(a.get(i), b.get(i));
				if (c != 0) {
					return c;
				}
			}
			return Integer.compare(a.size(), b.size());
		}

	}

}
