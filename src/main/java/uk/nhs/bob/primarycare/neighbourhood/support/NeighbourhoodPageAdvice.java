package uk.nhs.bob.primarycare.neighbourhood.support;

import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;

import uk.nhs.bob.primarycare.shared.FieldOrder;


/**
 * What the neighbourhood pages share: a team, plan, meeting or member that is not there
 * ({@link NoSuchElementException} from the services) is the 404 page; and a form's errors are listed in the order of
 * its fields (rows in order, each row's fields in order), as the NHS.UK error summary asks, whatever order Bean
 * Validation found them in, each message as written. (The module's APIs answer for themselves.)
 */
@ControllerAdvice(assignableTypes = NeighbourhoodPage.class)
class NeighbourhoodPageAdvice {

	@ExceptionHandler(NoSuchElementException.class)
	String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "error/404";
	}

	@InitBinder
	void errorsInFieldOrder(WebDataBinder binder) {
		FieldOrder.install(binder);
	}

}
