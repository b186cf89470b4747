package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.SignInThrottledException;

/** Writes RFC 9457 problem details for API requests the security filters turn away. */
@Component
class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof SignInThrottledException) {
			response.setHeader("Retry-After", "180");
			write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed sign-ins from this client; wait a few minutes and try again.");
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"BOB Primary Care API\"");
		write(request, response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic as an active user.");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Your role or organisation scope does not allow this.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
