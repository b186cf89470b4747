package uk.nhs.bob.primarycare.messaging;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * GOV.UK Notify's delivery receipts arrive with the bearer token set in Notify's callback settings: the receipts
 * endpoint answers only a request carrying that token (compared in constant time), and nothing else. Without a
 * token configured it refuses every request. The endpoint lives outside {@code /api/**} on purpose: the platform's
 * API chain signs users and client systems in (and will check OAuth 2.0 access tokens and scopes there), and a token
 * Notify sends is none of those. This chain of its own, first in order and matching only this path, keeps no session
 * and needs no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class ReceiptSecurity {

	static final String PATH = "/callbacks/notify/delivery-receipts";

	@Bean
	@Order(0)
	SecurityFilterChain notifyReceipts(HttpSecurity http, NotifyProperties properties, JsonMapper json)
			throws Exception {
		byte[] expected = properties.receiptsConfigured()
				? ("Bearer " + properties.callbackBearerToken().trim()).getBytes(StandardCharsets.UTF_8) : null;
		http.securityMatcher(PATH)
			.authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) -> {
				String header = context.getRequest().getHeader("Authorization");
				boolean granted = expected != null && header != null
						&& MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
				return new AuthorizationDecision(granted);
			}))
			.exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> refuse(request, response, json))
				.accessDeniedHandler((request, response, e) -> refuse(request, response, json)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Notify calls with a bearer token and no cookie: there is no cross-site request to forge
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, JsonMapper json)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"Delivery receipts need the bearer token set in GOV.UK Notify's callback settings.");
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader("WWW-Authenticate", "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
