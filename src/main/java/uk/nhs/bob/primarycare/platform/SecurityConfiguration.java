package uk.nhs.bob.primarycare.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import uk.nhs.bob.primarycare.identity.ApiScope;
import uk.nhs.bob.primarycare.identity.ApiTokenServer;
import uk.nhs.bob.primarycare.identity.SignInThrottledException;
import uk.nhs.bob.primarycare.identity.StaffSignIn;
import uk.nhs.bob.primarycare.shared.ModulePages.PageRule;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Who may reach what. Each module declares the rules for its own pages ({@link ModulePageRegistry}); the platform
 * adds sign-in, the administration area and the default (any member of staff). Pages use sign-in (a local password or
 * OpenID Connect) with CSRF and a session in PostgreSQL; APIs under {@code /api/**} take OAuth 2.0 access tokens with
 * one scope per capability, without a session, and answer errors as {@code application/problem+json}, never with
 * the sign-in page. Systems get their tokens from the platform's own token endpoint ({@code /oauth2/token}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self' https://assets.nhs.uk; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** No page uses these browser features; pages may not ask for them. */
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
			+ "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
			+ "usb=(), interest-cohort=()";

	/** HSTS for a year, subdomains included; sent only on HTTPS (directly or through a TLS proxy). */
	static final long HSTS_SECONDS = 31_536_000;

	/**
	 * The OAuth 2.0 token endpoint and its companions (JWKS, metadata, introspection, revocation) of Spring
	 * Authorization Server: systems get short-lived access tokens with the client-credentials grant. Off when the
	 * platform trusts an external issuer only ({@code primarycare.security.own-tokens=false}).
	 */
	/**
	 * Micrometer observes each request (http.server.requests); Spring Security would also wrap each of its filters,
	 * and its authentication and authorisation, in observations of their own: a twentieth of a page's processor time
	 * for no figure anyone reads, and still a thirtieth when those observations were only switched off.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(0)
	@ConditionalOnBooleanProperty(name = "primarycare.security.own-tokens", matchIfMissing = true)
	SecurityFilterChain tokenEndpoints(HttpSecurity http, ApiTokenServer tokens, ProblemResponses problems)
			throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			tokens.customize(server);
		})
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems::unauthorized))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'"))
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		return http.build();
	}

	/**
	 * APIs: OAuth 2.0 resource server routes. Each capability needs its scope ({@link ApiScope}); a token opens no
	 * page, and a page's session opens no API. Errors are {@code application/problem+json}: 401 for a missing,
	 * expired or forged token, 403 for a token without the scope. A failed token counts against nothing and locks
	 * nothing.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, RefusalAudit refusals,
			ApiTokenAuthentication tokens) throws Exception {
		http.securityMatcher(ApiTokenAuthentication.apiPaths())
			.authorizeHttpRequests(auth -> {
				for (ApiScope scope : ApiScope.values()) {
					if (!scope.paths().isEmpty()) {
						auth.requestMatchers(scope.paths().toArray(String[]::new)).hasAuthority(scope.authority());
					}
				}
				// the caller's own details and the OpenAPI document: any valid token
				auth.anyRequest().hasRole(Role.API_CLIENT.name());
			});
		bearerTokensOnly(http, tokens, problems::unauthorized, (request, response, denied) -> {
			refusals.record(request, denied);
			problems.forbidden(request, response, denied);
		});
		return http.build();
	}

	/**
	 * The FHIR R4 endpoint ({@link FhirEndpoint}): OAuth 2.0 access tokens like the APIs, but the scope of each
	 * interaction is checked inside the FHIR server (it knows the interaction and resource type), and every error is
	 * an OperationOutcome. The CapabilityStatement and the platform's StructureDefinitions are public, as FHIR
	 * clients read them before they authenticate.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain fhirSecurity(HttpSecurity http, RefusalAudit refusals, ApiTokenAuthentication tokens)
			throws Exception {
		http.securityMatcher("/fhir", "/fhir/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.GET, "/fhir/metadata", "/fhir/StructureDefinition",
						"/fhir/StructureDefinition/**")
				.permitAll()
				.anyRequest()
				.hasRole(Role.API_CLIENT.name()));
		bearerTokensOnly(http, tokens, FhirEndpoint::unauthorized, (request, response, denied) -> {
			refusals.record(request, denied);
			FhirEndpoint.forbidden(request, response, denied);
		});
		return http.build();
	}

	/**
	 * Public pages (the accessibility statement, the privacy notice and the modules' public pages, such as the online
	 * request form) keep no session: an anonymous page view writes nothing to the session store, and a form's CSRF
	 * token lives in a cookie.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain publicPageSecurity(HttpSecurity http, ModulePageRegistry modules) throws Exception {
		List<String> publicPages = new ArrayList<>(List.of("/accessibility", "/privacy"));
		publicPages.addAll(modules.publicPages());
		http.securityMatcher(publicPages.toArray(String[]::new))
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

	/**
	 * Pages: sign-in with a local password (unless {@code primarycare.security.local-sign-in=false}) and with every
	 * OpenID Connect provider configured under {@code spring.security.oauth2.client.registration.*} (authorization
	 * code with PKCE; roles from the provider's role claims through the sign-in mappings).
	 */
	@Bean
	@Order(3)
	SecurityFilterChain pageSecurity(HttpSecurity http, RefusalAudit refusals, ModulePageRegistry modules,
			ObjectProvider<ClientRegistrationRepository> registrations, StaffSignIn staffSignIn,
			@Value("${primarycare.security.local-sign-in:true}") boolean localSignIn) throws Exception {
		ClientRegistrationRepository providers = registrations.getIfAvailable();
		if (!localSignIn && providers == null) {
			throw new IllegalStateException("primarycare.security.local-sign-in=false needs an OpenID Connect provider "
					+ "(spring.security.oauth2.client.registration.*): no one could sign in");
		}
		// one answer for an unknown user, a wrong password and a disabled account, so none tells which it was
		ExceptionMappingAuthenticationFailureHandler failureHandler = new ExceptionMappingAuthenticationFailureHandler();
		failureHandler.setDefaultFailureUrl("/login?error");
		failureHandler.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/login?throttled"));
		LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
		signIn.setFavorRelativeUris(true);
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();

		String[] staff = names(Role.anyStaff());
		http.authorizeHttpRequests(auth -> {
			auth.requestMatchers("/login", "/error", "/nhsuk/**", "/css/**", "/js/**", "/favicon.ico",
					"/actuator/health", "/actuator/health/**", StaffSignIn.NO_ACCESS_PATH)
				.permitAll()
				// a person signed in with roles at several organisations chooses one before anything else
				.requestMatchers(StaffSignIn.CHOOSE_PATH)
				.authenticated()
				.requestMatchers(modules.publicPages().toArray(String[]::new))
				.permitAll()
				// the administration area, whichever module a page under it belongs to
				.requestMatchers("/admin/**", "/actuator/**")
				.hasRole(Role.ICB_ADMIN.name());
			// each module's own rules, as the module declares them
			for (PageRule rule : modules.pageRules()) {
				String[] patterns = rule.patterns().toArray(String[]::new);
				(rule.method() == null ? auth.requestMatchers(patterns) : auth.requestMatchers(rule.method(), patterns))
					.hasAnyRole(names(rule.roles()));
			}
			auth.anyRequest().hasAnyRole(staff);
		})
			.exceptionHandling(ex -> ex.authenticationEntryPoint(signIn).accessDeniedHandler((request, response, denied) -> {
				refusals.record(request, denied);
				forbidden.handle(request, response, denied);
			}))
			.addFilterAfter(new SignInHandlers.PasswordChangeFirst(), AuthorizationFilter.class)
			.addFilterBefore(new SignInHandlers.AccessChoiceFirst(), AuthorizationFilter.class)
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
		if (localSignIn) {
			http.formLogin(form -> form.loginPage("/login")
				.successHandler(new SignInHandlers.ReturnToSavedPage())
				.failureHandler(failureHandler));
		}
		if (providers != null) {
			http.oauth2Login(login -> login.loginPage("/login")
				.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(new ProviderSignInRequests(providers)))
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(staffSignIn))
				.successHandler(new SignInHandlers.ReturnToSavedPage())
				.failureHandler(new SignInHandlers.ProviderSignInFailed()));
		}
		return http.build();
	}

	/**
	 * A chain that takes OAuth 2.0 access tokens and nothing else: no session, and no CSRF token, as bearer tokens are
	 * sent by the caller, never by a browser on its own; errors answered by the given handlers.
	 */
	private static void bearerTokensOnly(HttpSecurity http, ApiTokenAuthentication tokens,
			AuthenticationEntryPoint unauthorized, AccessDeniedHandler forbidden) throws Exception {
		http.oauth2ResourceServer(resourceServer -> resourceServer.authenticationManagerResolver(tokens.resolver())
			.authenticationEntryPoint(unauthorized)
			.accessDeniedHandler(forbidden))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'"))
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(true))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
	}

	private static String[] names(Collection<Role> roles) {
		return roles.stream().map(Role::name).sorted().toArray(String[]::new);
	}

}
