package uk.nhs.bob.primarycare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
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
 * <p>
 * Contexts with demo data and contexts without it use two databases of that server: the demo is made only where
 * none of its kind exists yet, so teams, sites or enrolments a module test made first would otherwise stop parts of
 * it being made, or make it fail, depending on the order in which the test classes happen to run.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static final String WITH_DEMO = "tests_with_demo";

	private static final String WITHOUT_DEMO = "tests_without_demo";

	private static Map<String, Object> connection;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		boolean demo = context.getEnvironment().getProperty("primarycare.demo.enabled", Boolean.class, false);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase", connectionProperties(demo ? WITH_DEMO : WITHOUT_DEMO)));
	}

	private static synchronized Map<String, Object> connectionProperties(String database) {
		if (connection == null) {
			connection = start();
			try (Connection admin = DriverManager.getConnection((String) connection.get("spring.datasource.url"),
					(String) connection.get("spring.datasource.username"),
					(String) connection.get("spring.datasource.password"));
					Statement statement = admin.createStatement()) {
				statement.execute("CREATE DATABASE " + WITH_DEMO);
				statement.execute("CREATE DATABASE " + WITHOUT_DEMO);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not create the test databases", ex);
			}
		}
		Map<String, Object> properties = new HashMap<>(connection);
		String url = (String) connection.get("spring.datasource.url");
		// jdbc:postgresql://host:port/name?options: the same server, the other database
		properties.put("spring.datasource.url", url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database));
		return properties;
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
