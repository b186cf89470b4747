package uk.nhs.bob.primarycare.platform;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.boot.webmvc.error.ErrorController;

/**
 * Everything that goes wrong ends here: API callers get {@code application/problem+json}, people get a styled NHS.UK
 * page ({@code error/403}, {@code error/404}, {@code error/500}, or the general {@code error} page). No stack traces
 * or exception messages are shown.
 */
@Controller
class PlatformErrorController implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		if (request.getDispatcherType() != DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			// asked for directly, not an error being shown: there is no page here
			return new ModelAndView("error/404", Map.of("status", 404), HttpStatus.NOT_FOUND);
		}
		HttpStatus status = status(request);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Object problemText = request.getAttribute(HostileInputFilter.PROBLEM);
		if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
					problemText instanceof String text ? text : detail(status));
			problem.setInstance(URI.create(path));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		String view = switch (status.value()) {
			case 403, 404, 500 -> "error/" + status.value();
			default -> "error";
		};
		Map<String, Object> model = new HashMap<>();
		model.put("status", status.value());
		if (problemText instanceof String text) {
			model.put("problem", text);
		}
		return new ModelAndView(view, model, status);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus resolved = HttpStatus.resolve(value);
			if (resolved != null) {
				return resolved;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "There is nothing at this address.";
			case FORBIDDEN -> "Your role or organisation scope does not allow this.";
			case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
			case BAD_REQUEST -> "The request is not valid.";
			case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; nothing was saved.";
			default -> status.getReasonPhrase();
		};
	}

}
