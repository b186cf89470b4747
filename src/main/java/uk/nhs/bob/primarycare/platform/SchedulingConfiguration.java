package uk.nhs.bob.primarycare.platform;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run on one instance at a time: annotate a {@code @Scheduled} method with
 * {@code @SchedulerLock(name = "...")}. Locks live in the {@code shedlock} table (root migration) and use the
 * database clock, so instances with drifting clocks still agree. A job that can finish in seconds also needs
 * {@code lockAtLeastFor} (20 s in ours): otherwise an instance whose scheduler fires a moment later than another's
 * finds the lock already released and runs the job a second time.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
