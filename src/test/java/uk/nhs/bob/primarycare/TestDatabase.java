package uk.nhs.bob.primarycare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real PostgreSQL for the whole test run: a Testcontainers PostgreSQL 17 when a Docker engine answers, otherwise
 * the embedded PostgreSQL 17 (Zonky). Registered for every Spring test context through
 * {@code META-INF/spring.factories}, so each context points {@code spring.datasource.url} at it and the app's own
 * embedded-database configuration stays off.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static Map<String, Object> connection;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase", connectionProperties()));
	}

	public static synchronized Map<String, Object> connectionProperties() {
		if (connection == null) {
			connection = start();
		}
		return connection;
	}

	private static Map<String, Object> start() {
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			log.info("Tests use PostgreSQL in a Testcontainers container: {}", container.getJdbcUrl());
			return Map.of("spring.datasource.url", container.getJdbcUrl(), "spring.datasource.username",
					container.getUsername(), "spring.datasource.password", container.getPassword());
		}
		try {
			// Stopped after the Spring contexts have closed, never beside them: with Zonky's own shutdown hook the server
			// could stop while a context was still closing, and the event registry then waited 30 s for a connection
			// until Surefire killed the JVM. Closing also removes the temporary data directory.
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "200")
				.setRegisterShutdownHook(false)
				.start();
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Could not stop the embedded PostgreSQL for tests", ex);
				}
			});
			String url = postgres.getJdbcUrl("postgres", "postgres");
			log.info("No Docker engine: tests use the embedded PostgreSQL at {}", url);
			return Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
					"spring.datasource.password", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", ex);
		}
	}

}
