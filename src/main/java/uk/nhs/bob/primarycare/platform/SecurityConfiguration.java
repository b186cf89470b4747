package uk.nhs.bob.primarycare.platform;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach what. Rules are keyed by URL prefix, one prefix per module. Pages use form sign-in with CSRF and a
 * session in PostgreSQL; APIs under {@code /api/**} use HTTP Basic without a session and answer errors as
 * {@code application/problem+json}, never with the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' https://assets.nhs.uk; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Every role but service accounts, which use the APIs only. */
	static final String[] STAFF_ROLES = { "CARE_COORDINATOR", "CLINICAL_SUPERVISOR", "INT_MEMBER", "PLACE_DELIVERY",
			"ICB_ADMIN" };

	/** Roles that work with identifiable records of people. */
	static final String[] CLINICAL_ROLES = { "CARE_COORDINATOR", "CLINICAL_SUPERVISOR", "INT_MEMBER", "ICB_ADMIN" };

	/** Who records and works same-day requests; Place delivery teams see only the aggregate measures. */
	static final String[] TRIAGE_ROLES = { "CARE_COORDINATOR", "CLINICAL_SUPERVISOR", "ICB_ADMIN" };

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth
				// 111 and online-consultation systems sign in as service accounts, a role of their own
				.requestMatchers("/api/v1/triage/requests", "/api/v1/triage/requests/**")
				.hasAnyRole("API_CLIENT", "ICB_ADMIN")
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Basic-authenticated calls carry no cookie, so there is no cross-site request to forge
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	/**
	 * Public pages (the online request form, the accessibility statement and privacy notice) keep no session: an
	 * anonymous page view writes nothing to the session store, and the form's CSRF token lives in a cookie.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain publicPageSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/request", "/request/**", "/accessibility", "/privacy")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		ExceptionMappingAuthenticationFailureHandler failureHandler = new ExceptionMappingAuthenticationFailureHandler();
		failureHandler.setDefaultFailureUrl("/login?error");
		failureHandler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));

		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/error", "/nhsuk/**", "/css/**", "/js/**", "/favicon.ico",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			// the public online request form: people ask for help for themselves or someone they care for
			.requestMatchers("/request", "/request/**")
			.permitAll()
			.requestMatchers("/admin/**", "/audit/**", "/actuator/**")
			.hasRole("ICB_ADMIN")
			.requestMatchers("/directory", "/directory/**")
			.hasAnyRole(STAFF_ROLES)
			.requestMatchers("/population/**")
			.hasAnyRole(CLINICAL_ROLES)
			.requestMatchers("/triage/measures", "/triage/measures/**")
			.hasAnyRole("CARE_COORDINATOR", "CLINICAL_SUPERVISOR", "PLACE_DELIVERY", "ICB_ADMIN")
			// the keyworker opens the same-day request of a person on their caseload from the alert, read-only
			.requestMatchers(HttpMethod.GET, "/triage/requests/{id:[0-9a-fA-F-]{36}}")
			.hasAnyRole("CARE_COORDINATOR", "CLINICAL_SUPERVISOR", "INT_MEMBER", "ICB_ADMIN")
			.requestMatchers("/triage", "/triage/**")
			.hasAnyRole(TRIAGE_ROLES)
			// INT pages: members work the caseloads; Place delivery teams and administrators set teams up
			.requestMatchers("/neighbourhood", "/neighbourhood/**")
			.hasAnyRole("INT_MEMBER", "CLINICAL_SUPERVISOR", "PLACE_DELIVERY", "ICB_ADMIN")
			// the CVD dashboard is aggregate; worklists and the calculator are for clinical roles
			.requestMatchers("/cvd/dashboard", "/cvd/dashboard/**")
			.hasAnyRole(STAFF_ROLES)
			.requestMatchers("/cvd", "/cvd/**")
			.hasAnyRole(CLINICAL_ROLES)
			.requestMatchers("/programme", "/programme/**")
			.hasAnyRole(STAFF_ROLES)
			.anyRequest()
			.hasAnyRole(STAFF_ROLES))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failureHandler))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny()))
			.httpBasic(basic -> basic.disable())
			.csrf(Customizer.withDefaults());
		return http.build();
	}

}
