package uk.nhs.bob.primarycare;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduler lock provider for module tests: the platform declares it for the application, but a module test
 * starts without the platform, and a module whose jobs take the lock themselves (CVD's refresh) needs one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestLocks {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
