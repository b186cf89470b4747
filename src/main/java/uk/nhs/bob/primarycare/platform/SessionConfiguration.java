package uk.nhs.bob.primarycare.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL. Concurrent requests of one signed-in user (a page and its assets, two tabs) can both add
 * the same session attribute, such as the CSRF token; the PostgreSQL statements upsert instead of failing with a
 * duplicate key, which otherwise surfaced as an occasional 500 under load.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionQueries() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
