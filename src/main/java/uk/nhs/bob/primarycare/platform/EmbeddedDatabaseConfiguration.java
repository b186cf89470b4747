package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

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
 * <p>
 * The server listens on localhost only, and its {@code postgres} user has a password generated on first start and
 * kept in {@value #PASSWORD_FILE} inside the data directory, readable by its owner only, so restarts keep working.
 * A data directory made before passwords were set (trusting every local connection) is moved over on its next start:
 * the password is set, then saved, then every connection is made to give it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	/** The generated password of the embedded server's {@code postgres} user, in its data directory. */
	static final String PASSWORD_FILE = "app-db-password";

	/** Client authentication once the password is set: a password for every connection, local or over TCP. */
	static final String PG_HBA = """
			# Written by the app: every connection gives the generated password (see app-db-password).
			local   all             all                                     scram-sha-256
			host    all             all             127.0.0.1/32            scram-sha-256
			host    all             all             ::1/128                 scram-sha-256
			local   replication     all                                     scram-sha-256
			host    replication     all             127.0.0.1/32            scram-sha-256
			host    replication     all             ::1/128                 scram-sha-256
			""";

	// Closed by the context (not by Zonky's own shutdown hook) so there is exactly one orderly shutdown path:
	// the connection pool first, then the server.
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${primarycare.embedded-db.data-dir}") String dataDir,
			@Value("${primarycare.embedded-db.port}") int port) throws IOException {
		Path dir = Path.of(dataDir).toAbsolutePath().normalize();
		Files.createDirectories(dir);
		Optional<String> password = readPassword(dir);
		stopLeftoverServer(dir, password.orElse(""));
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "50")
			.setServerConfig("listen_addresses", "localhost");
		password.ifPresent(secret -> builder.setConnectConfig("password", secret));
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		if (password.isEmpty()) {
			secure(postgres, dir);
		}
		log.info("Embedded PostgreSQL started on localhost port {} with its data in {} (set SPRING_DATASOURCE_URL to use another server)",
				postgres.getPort(), dir);
		return postgres;
	}

	/** The saved password, if this data directory has one. */
	static Optional<String> readPassword(Path dataDir) throws IOException {
		Path file = dataDir.resolve(PASSWORD_FILE);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		String password = Files.readString(file).trim();
		return password.isEmpty() ? Optional.empty() : Optional.of(password);
	}

	/**
	 * Gives a new data directory (or one made before passwords) its password: set on the server, saved (owner-only)
	 * beside its data, and only then demanded of every connection, so a start cut short at any point still starts
	 * next time.
	 */
	static void secure(EmbeddedPostgres postgres, Path dataDir) throws IOException {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = HexFormat.of().formatHex(random);
		try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
				java.sql.Statement statement = connection.createStatement()) {
			statement.execute("ALTER USER postgres PASSWORD '" + password + "'");
			Path file = dataDir.resolve(PASSWORD_FILE);
			Path written = dataDir.resolve(PASSWORD_FILE + ".new");
			Files.deleteIfExists(written);
			Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(written, password);
			Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			// written in place, so the file keeps the owner and permissions the server gave it
			Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA);
			statement.execute("SELECT pg_reload_conf()");
		}
		catch (java.sql.SQLException ex) {
			throw new IOException("Could not set the password of the embedded PostgreSQL", ex);
		}
		log.info("Embedded PostgreSQL now asks every connection for a generated password (kept in {})",
				dataDir.resolve(PASSWORD_FILE));
	}

	/**
	 * A JVM killed hard leaves its PostgreSQL running on the data directory, which would stop this start. Ask that
	 * orphaned server to shut down (SIGTERM: smart shutdown; its clients died with the JVM) and wait for it. A server
	 * whose app is still running is left alone: this start fails with a message instead.
	 */
	static void stopLeftoverServer(Path dataDir, String password) throws IOException {
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
				if (clientsConnected(port, password) > 0) {
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
	private static int clientsConnected(int port, String password) {
		if (port <= 0) {
			return 0;
		}
		try (java.sql.Connection connection = java.sql.DriverManager
			.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
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
	DataSource dataSource(EmbeddedPostgres postgres, @Value("${primarycare.embedded-db.data-dir}") String dataDir)
			throws IOException {
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.password(readPassword(Path.of(dataDir).toAbsolutePath().normalize()).orElse(""))
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
