package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL 17 (Zonky's packaged binaries) inside the app when no database server is configured, so
 * {@code ./mvnw spring-boot:run} needs no set-up. Its data directory survives restarts. With
 * {@code spring.datasource.url} set, this configuration is skipped entirely and the embedded server never starts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	// Closed by the context (not by Zonky's own shutdown hook) so there is exactly one orderly shutdown path:
	// the connection pool first, then the server.
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${primarycare.embedded-db.data-dir}") String dataDir,
			@Value("${primarycare.embedded-db.port}") int port) throws IOException {
		Path dir = Path.of(dataDir).toAbsolutePath().normalize();
		Files.createDirectories(dir);
		stopLeftoverServer(dir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "50");
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL started on port {} with its data in {} (set SPRING_DATASOURCE_URL to use another server)",
				postgres.getPort(), dir);
		return postgres;
	}

	/**
	 * A JVM killed hard leaves its PostgreSQL running on the data directory, which would stop this start. Ask that
	 * orphaned server to shut down (SIGTERM: smart shutdown; its clients died with the JVM) and wait for it. A server
	 * whose app is still running is left alone: this start fails with a message instead.
	 */
	static void stopLeftoverServer(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		java.util.List<String> lines = Files.readAllLines(pidFile);
		String firstLine = lines.isEmpty() ? "" : lines.get(0).trim();
		if (!firstLine.matches("\\d+")) {
			return;
		}
		// postmaster.pid: line 1 the server's pid, line 4 its port
		int port = lines.size() > 3 && lines.get(3).trim().matches("\\d+") ? Integer.parseInt(lines.get(3).trim()) : -1;
		ProcessHandle.of(Long.parseLong(firstLine))
			.filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
			.ifPresent(process -> {
				if (clientsConnected(port) > 0) {
					// a running app owns this server: never shut it out, say what to do instead
					throw new IllegalStateException("Another running instance of the app uses the embedded database in "
							+ dataDir + " (PostgreSQL pid " + process.pid() + "). Stop it, or give this one its own "
							+ "folder with PRIMARYCARE_EMBEDDED_DB_DATA_DIR.");
				}
				log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier run", process.pid(), dataDir);
				process.destroy();
				try {
					process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException("PostgreSQL pid " + process.pid() + " still holds " + dataDir
							+ "; stop it and start again", ex);
				}
			});
	}

	/**
	 * How many clients other than this check are connected to the server on that port. A server left behind by a
	 * killed JVM has none; one whose app is running has its connection pool.
	 */
	private static int clientsConnected(int port) {
		if (port <= 0) {
			return 0;
		}
		try (java.sql.Connection connection = java.sql.DriverManager
			.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
				java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
						+ "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
		catch (java.sql.SQLException ex) {
			// not answering: nothing can be using it
			return 0;
		}
	}

	/** Readiness: the embedded server itself answers (the {@code db} indicator checks the pool's connections). */
	@Bean
	HealthIndicator embeddedPostgresHealthIndicator(EmbeddedPostgres postgres,
			@Value("${primarycare.embedded-db.data-dir}") String dataDir) {
		return () -> {
			try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection()) {
				Health.Builder health = connection.isValid(2) ? Health.up() : Health.down();
				return health.withDetail("port", postgres.getPort())
					.withDetail("dataDirectory", Path.of(dataDir).toAbsolutePath().normalize().toString())
					.build();
			}
			catch (java.sql.SQLException ex) {
				return Health.down(ex).withDetail("port", postgres.getPort()).build();
			}
		};
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.password("")
			.build();
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("embedded-postgres");
		return dataSource;
	}

	static class NoDatabaseConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}

	}

}
