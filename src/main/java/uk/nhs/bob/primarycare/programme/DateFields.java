package uk.nhs.bob.primarycare.programme;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Dates typed in the three boxes of NHS.UK date inputs ({@code prefix + "Day"}, {@code "Month"} and {@code "Year"}
 * components of a form record) must be real dates from 2000 to 2100; an optional date may also be left blank. Each
 * error is reported on its day box, where the page's date input shows it.
 */
@Documented
@Constraint(validatedBy = DateFields.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DateFields {

	/** The dates of the form. */
	Date[] value();

	String message() default "Enter a real date";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** One date: the name its three components start with ({@code "week"} for weekDay...), and its message. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target({})
	@interface Date {

		String value();

		boolean optional() default false;

		String message();

	}

	class Validator implements ConstraintValidator<DateFields, Record> {

		private Date[] dates = new Date[0];

		@Override
		public void initialize(DateFields annotation) {
			dates = annotation.value();
		}

		@Override
		public boolean isValid(@Nullable Record form, ConstraintValidatorContext context) {
			if (form == null) {
				return true;
			}
			boolean valid = true;
			context.disableDefaultConstraintViolation();
			for (Date date : dates) {
				String day = component(form, date.value() + "Day");
				String month = component(form, date.value() + "Month");
				String year = component(form, date.value() + "Year");
				if ((date.optional() && FormDates.blank(day, month, year))
						|| FormDates.parse(day, month, year).isPresent()) {
					continue;
				}
				valid = false;
				context.buildConstraintViolationWithTemplate(date.message())
					.addPropertyNode(date.value() + "Day")
					.addConstraintViolation();
			}
			return valid;
		}

		private static @Nullable String component(Record form, String name) {
			for (RecordComponent component : form.getClass().getRecordComponents()) {
				if (component.getName().equals(name)) {
					try {
						// the forms are package-private records of the programme's sub-packages
						Method accessor = component.getAccessor();
						accessor.setAccessible(true);
						Object value = accessor.invoke(form);
						return value == null ? null : value.toString();
					}
					catch (ReflectiveOperationException ex) {
						throw new IllegalStateException("Cannot read " + name, ex);
					}
				}
			}
			throw new IllegalStateException(form.getClass().getSimpleName() + " has no component " + name);
		}

	}

}
