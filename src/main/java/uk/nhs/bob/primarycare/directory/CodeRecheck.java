package uk.nhs.bob.primarycare.directory;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * A new practice's, PCN's or site's code was free when its form was checked but taken when it was saved (someone
 * added it in between): the form's {@link Adding} constraints are run again, and {@link NotInDirectory} now names
 * the holder on the code's field, so the message is the same either way.
 */
@Component
class CodeRecheck {

	private final SpringValidatorAdapter validator;

	CodeRecheck(Validator validator) {
		this.validator = new SpringValidatorAdapter(validator);
	}

	void takenMeanwhile(Object form, Errors errors) {
		validator.validate(form, errors, Adding.class);
	}

}
