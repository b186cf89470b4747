package uk.nhs.bob.primarycare.population;

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

import org.springframework.web.multipart.MultipartFile;

/** An upload field with a file in it: a browser sends an empty part, not no part, when none was chosen. */
@Documented
@Constraint(validatedBy = FileChosen.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface FileChosen {

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<FileChosen, MultipartFile> {

		@Override
		public boolean isValid(@Nullable MultipartFile file, ConstraintValidatorContext context) {
			return file != null && !file.isEmpty();
		}

	}

}
