package uk.nhs.bob.primarycare.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** An upload over the limit is refused before any controller runs: explain it on a page of its own. */
@ControllerAdvice
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return new ModelAndView("error/413", Map.of("status", 413), HttpStatus.CONTENT_TOO_LARGE);
	}

}
