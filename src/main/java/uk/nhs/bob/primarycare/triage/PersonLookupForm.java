package uk.nhs.bob.primarycare.triage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.NhsNumberText;

/** Finding the person a coordinator records a request for: an NHS number, or a family name and date of birth. */
@PersonLookupForm.Searchable
record PersonLookupForm(@NhsNumberText(message = "Enter a valid 10 digit NHS number, like 943 476 5919")
@Nullable String nhsNumber,
		@Size(max = 60, message = "Family name must be 60 characters or fewer") @Nullable String familyName,
		@Nullable String day, @Nullable String month, @Nullable String year) implements DateInput.Parts {

	/** Without an NHS number, a family name and a real date of birth are needed. */
	@Documented
	@Constraint(validatedBy = Searchable.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Searchable {

		String message() default "Enter an NHS number, or a family name and date of birth";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<Searchable, PersonLookupForm> {

			@Override
			public boolean isValid(@Nullable PersonLookupForm form, ConstraintValidatorContext context) {
				if (form == null || !RequestForms.blank(form.nhsNumber())) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				if (RequestForms.blank(form.familyName())) {
					context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
						.addPropertyNode("nhsNumber")
						.addConstraintViolation();
					return false;
				}
				if (form.date().isEmpty()) {
					context.buildConstraintViolationWithTemplate("Enter a real date of birth, like 15 3 1984")
						.addPropertyNode("day")
						.addConstraintViolation();
					return false;
				}
				return true;
			}

		}

	}

}
