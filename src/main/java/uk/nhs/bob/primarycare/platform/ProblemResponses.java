package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.ApiScope;
import uk.nhs.bob.primarycare.identity.SignInThrottledException;

/** Writes RFC 9457 problem details for API requests the security filters turn away. */
@Component
class ProblemResponses {

	static final String TOKEN_ENDPOINT = "POST /oauth2/token";

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	/**
	 * 401 for a missing, expired or forged access token, with the RFC 6750 challenge. The detail says which, without
	 * the checker's own words (they may name its insides).
	 */
	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof SignInThrottledException) {
			response.setHeader("Retry-After", "180");
			write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed sign-ins from this client; wait a few minutes and try again.");
			return;
		}
		if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error
				&& BearerTokenErrorCodes.INVALID_TOKEN.equals(error.getErrorCode())) {
			boolean expired = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT).contains("expired");
			String detail = expired ? "The access token has expired: get a new one from " + TOKEN_ENDPOINT + "."
					: "The access token is not valid: it is malformed, its signature does not match, or it was not "
							+ "issued by a trusted issuer. Get one from " + TOKEN_ENDPOINT + ".";
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
					+ (expired ? "The access token expired" : "The access token is not valid") + "\"");
			write(request, response, HttpStatus.UNAUTHORIZED, detail);
			return;
		}
		response.setHeader("WWW-Authenticate", "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, "Send an access token as 'Authorization: Bearer <token>'. "
				+ "Systems get one from " + TOKEN_ENDPOINT + " (OAuth 2.0 client credentials).");
	}

	/**
	 * 403: for a token without the scope of the API, which scope it needs (RFC 6750 {@code insufficient_scope}); for
	 * anything else, that role or organisation scope does not allow it.
	 */
	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		Optional<ApiScope> needed = scopeOf(request);
		if (caller instanceof JwtAuthenticationToken && needed.isPresent()
				&& caller.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(needed.get().authority()))) {
			String held = caller.getAuthorities()
				.stream()
				.map(a -> a.getAuthority())
				.filter(a -> a.startsWith("SCOPE_"))
				.map(a -> a.substring("SCOPE_".length()))
				.sorted()
				.collect(Collectors.joining(" "));
			response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
					+ needed.get().value() + "\"");
			write(request, response, HttpStatus.FORBIDDEN, "This API needs the scope " + needed.get().value()
					+ "; the token has " + (held.isEmpty() ? "no scopes" : "the scopes " + held) + ".");
			return;
		}
		write(request, response, HttpStatus.FORBIDDEN, "Your role or organisation scope does not allow this.");
	}

	/** The scope whose paths the request's path is among. */
	static Optional<ApiScope> scopeOf(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return Arrays.stream(ApiScope.values())
			.filter(scope -> scope.paths().stream().anyMatch(p -> PathPatternParser.defaultInstance.parse(p).matches(path)))
			.findFirst();
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
