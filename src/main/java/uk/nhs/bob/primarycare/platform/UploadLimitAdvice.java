package uk.nhs.bob.primarycare.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the limit is refused before any controller runs: explain it on a page of its own. A multipart body
 * that cannot be read at all (cut short, a wrong boundary) is the client's mistake: 400, never a 500.
 */
@ControllerAdvice
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return new ModelAndView("error/413", Map.of("status", 413), HttpStatus.CONTENT_TOO_LARGE);
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView unreadable() {
		return new ModelAndView("error", Map.of("status", 400, "problem",
				"The form could not be read: the upload was cut short or is not a valid form upload."),
				HttpStatus.BAD_REQUEST);
	}

}
