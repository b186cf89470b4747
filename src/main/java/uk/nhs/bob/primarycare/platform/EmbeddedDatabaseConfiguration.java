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
	 * server to shut down (SIGTERM: smart shutdown; its clients died with the JVM) and wait for it.
	 */
	static void stopLeftoverServer(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
		if (!firstLine.matches("\\d+")) {
			return;
		}
		ProcessHandle.of(Long.parseLong(firstLine))
			.filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
			.ifPresent(process -> {
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
