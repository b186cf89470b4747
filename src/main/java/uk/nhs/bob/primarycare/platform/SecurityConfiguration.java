package uk.nhs.bob.primarycare.platform;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import uk.nhs.bob.primarycare.identity.SignInThrottledException;

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

	/** No page uses these browser features; pages may not ask for them. */
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
			+ "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
			+ "usb=(), interest-cohort=()";

	/** HSTS for a year, subdomains included; sent only on HTTPS (directly or through a TLS proxy). */
	static final long HSTS_SECONDS = 31_536_000;

	/** Who records and works same-day requests; Place delivery teams see only the aggregate measures. */
	static final String[] TRIAGE_ROLES = { "CARE_COORDINATOR", "CLINICAL_SUPERVISOR", "ICB_ADMIN" };

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, RefusalAudit refusals)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth
				// 111 and online-consultation systems sign in as service accounts, a role of their own
				.requestMatchers("/api/v1/triage/requests", "/api/v1/triage/requests/**")
				.hasAnyRole("API_CLIENT", "ICB_ADMIN")
				.requestMatchers("/api/v1/audit", "/api/v1/audit/**")
				.hasRole("ICB_ADMIN")
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler((request, response, denied) -> {
					refusals.record(request, denied);
					problems.forbidden(request, response, denied);
				}))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Basic-authenticated calls carry no cookie, so there is no cross-site request to forge
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'"))
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
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
				.frameOptions(frame -> frame.deny())
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageSecurity(HttpSecurity http, RefusalAudit refusals) throws Exception {
		// one answer for an unknown user, a wrong password and a disabled account, so none tells which it was
		ExceptionMappingAuthenticationFailureHandler failureHandler = new ExceptionMappingAuthenticationFailureHandler();
		failureHandler.setDefaultFailureUrl("/login?error");
		failureHandler.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/login?throttled"));
		LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
		signIn.setFavorRelativeUris(true);
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();

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
			// care coordinators may reach a care plan only to ask for break-glass access (neighbourhood decides)
			.requestMatchers("/neighbourhood/care-plans/**")
			.hasAnyRole("INT_MEMBER", "CLINICAL_SUPERVISOR", "CARE_COORDINATOR", "PLACE_DELIVERY", "ICB_ADMIN")
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
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new SignInHandlers.ReturnToSavedPage())
				.failureHandler(failureHandler))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(signIn).accessDeniedHandler((request, response, denied) -> {
				refusals.record(request, denied);
				forbidden.handle(request, response, denied);
			}))
			.addFilterAfter(new SignInHandlers.PasswordChangeFirst(), AuthorizationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny())
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
			.httpBasic(basic -> basic.disable())
			.csrf(Customizer.withDefaults());
		return http.build();
	}

}
