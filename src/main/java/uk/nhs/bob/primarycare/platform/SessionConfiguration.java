package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions in PostgreSQL, shared by every instance. Concurrent requests of one signed-in user (a page and its
 * assets, two tabs) can both add the same session attribute, such as the CSRF token; the PostgreSQL statements upsert
 * instead of failing with a duplicate key, which otherwise surfaced as an occasional 500 under load. The session
 * filter works through {@link SharedSessionRepository}, which writes a session only when it changed. (Declared here
 * rather than left to Spring Boot, whose session configuration steps aside once the application has a session
 * repository of its own; {@code spring.session.timeout} still sets the timeout.)
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionConfiguration {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
			@Value("${spring.session.timeout:30m}") Duration timeout) {
		return repository -> repository.setDefaultMaxInactiveInterval(timeout);
	}

	/** Stored attributes deserialized once per distinct stored bytes ({@link SessionAttributeReads}). */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeReads() {
		return repository -> repository
			.setConversionService(new SessionAttributeReads(SessionConfiguration.class.getClassLoader()));
	}

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionQueries() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	@Primary
	SharedSessionRepository sharedSessionRepository(JdbcIndexedSessionRepository jdbc) {
		return new SharedSessionRepository(jdbc);
	}

	/** Opens the per-request memory of {@link SharedSessionRepository} around Spring Session's filter. */
	@Bean
	FilterRegistrationBean<Filter> sessionReadScope() {
		Filter filter = (ServletRequest request, ServletResponse response, FilterChain chain) -> scoped(request,
				response, chain);
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	private static void scoped(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		boolean outermost = !SharedSessionRepository.inRequest();
		if (outermost) {
			SharedSessionRepository.beginRequest();
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outermost) {
				SharedSessionRepository.endRequest();
			}
		}
	}

}
