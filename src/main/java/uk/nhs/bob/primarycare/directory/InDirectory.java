package uk.nhs.bob.primarycare.directory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A code chosen from a list of the directory's Places, sites or PCNs that names one the directory holds now: blank
 * passes (add {@code @NotBlank} where a choice is required); a forged or since-removed choice is refused. Public, so
 * another module's form can check a practice chosen from the directory the same way.
 */
@Documented
@Constraint(validatedBy = InDirectory.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface InDirectory {

	DirectoryCodes.Kind value();

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Looks the code up in the directory (a bean, so Spring gives it the directory). */
	class Validator implements ConstraintValidator<InDirectory, String> {

		private final DirectoryCodes codes;

		private DirectoryCodes.Kind kind = DirectoryCodes.Kind.PLACE;

		Validator(DirectoryCodes codes) {
			this.codes = codes;
		}

		@Override
		public void initialize(InDirectory annotation) {
			this.kind = annotation.value();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || codes.holder(kind, value).isPresent();
		}

	}

}
