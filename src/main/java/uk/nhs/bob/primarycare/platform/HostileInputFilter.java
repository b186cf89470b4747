package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Refuses, before any controller or the security filters see them, request parameters (query string and form
 * fields, multipart fields included) that no person types: control characters other than tab and line breaks (a NUL
 * byte, which PostgreSQL cannot store, among them), and values longer than {@value #MAX_VALUE_LENGTH} characters,
 * more than any field of any form allows. Pages get a 400 page that says what was wrong; APIs a 400
 * {@code application/problem+json} naming the parameter. JSON bodies are checked while they are read
 * ({@link JsonInputConfiguration}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class HostileInputFilter extends OncePerRequestFilter {

	/** The longest value any form field may have: well above the longest text a form takes. */
	static final int MAX_VALUE_LENGTH = 20_000;

	/** Request attribute read by the error page: what was wrong, in words. */
	static final String PROBLEM = HostileInputFilter.class.getName() + ".problem";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = problem(request);
		if (problem != null) {
			request.setAttribute(PROBLEM, problem);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, problem);
			return;
		}
		chain.doFilter(request, response);
	}

	private static @Nullable String problem(HttpServletRequest request) {
		if (hasControlCharacter(decoded(request.getRequestURI()))) {
			return "The address contains characters that are not allowed.";
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException unreadable) {
			// a malformed body: the controller's own handling (or the multipart advice) answers it
			return null;
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (hasControlCharacter(name) || name.length() > 200) {
				return "A field name contains characters that are not allowed, or is too long.";
			}
			for (String value : parameter.getValue()) {
				if (value == null) {
					continue;
				}
				if (hasControlCharacter(value)) {
					return "The field '" + name + "' contains characters that are not allowed (control characters "
							+ "such as NUL). Remove them and try again.";
				}
				if (value.length() > MAX_VALUE_LENGTH) {
					return "The field '" + name + "' is too long: it has " + value.length() + " characters, and no "
							+ "field takes more than " + MAX_VALUE_LENGTH + ".";
				}
			}
		}
		return null;
	}

	/** The path as the application reads it (%00 is a NUL byte there). */
	private static String decoded(String uri) {
		try {
			return UriUtils.decode(uri, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			return uri;
		}
	}

	/** Control characters other than tab, line feed and carriage return, which text areas send. */
	static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
				return true;
			}
		}
		return false;
	}

}
