package uk.nhs.bob.primarycare.platform;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Forms are records bound through their constructors only. Without this, a request parameter naming a nested or
 * indexed property (for example {@code nhsNumber[0]} or {@code familyName.bytes}) makes the binder walk into the
 * record's fields after construction and fail with a 500; with it such parameters are simply ignored.
 */
@ControllerAdvice
class FormBindingAdvice {

	@InitBinder
	void bindThroughConstructorsOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

}
