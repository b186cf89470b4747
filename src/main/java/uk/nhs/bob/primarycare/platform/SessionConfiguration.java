package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

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

	/**
	 * Spring Session's reads and writes in plain JDBC transactions. Left to itself it takes the application's
	 * transaction manager, JPA's, which opens a Hibernate session, begins, commits and closes it around the one
	 * statement that reads the session on every request: 3-4% of a page's processor time in JFR. The bean name is the
	 * one Spring Session looks for.
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
		return new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	/**
	 * The application's own transaction template, over its (JPA) transaction manager, as Spring Boot declares it
	 * unless the application has a {@link TransactionOperations} bean, as it now has for Spring Session.
	 */
	@Bean
	@Primary
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
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
