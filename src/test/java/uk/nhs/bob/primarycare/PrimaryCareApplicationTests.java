package uk.nhs.bob.primarycare;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application starts on PostgreSQL with every module's migrations applied and the demo data created. */
@IntegrationTest
class PrimaryCareApplicationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void startsWithMigrationsAndDemoData() {
		assertThat(jdbc.sql("SELECT count(*) FROM directory.place").query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM directory.practice").query(Long.class).single())
			.isGreaterThanOrEqualTo(30);
		assertThat(jdbc.sql("SELECT count(*) FROM identity.staff_user WHERE username = 'coordinator'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT to_regclass('events.event_publication') IS NOT NULL").query(Boolean.class).single())
			.isTrue();
		assertThat(jdbc.sql("SELECT to_regclass('public.spring_session') IS NOT NULL").query(Boolean.class).single())
			.isTrue();
		assertThat(jdbc.sql("SELECT to_regclass('public.shedlock') IS NOT NULL").query(Boolean.class).single())
			.isTrue();
	}

}
