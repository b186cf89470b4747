package uk.nhs.bob.primarycare.platform;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.directory.DirectoryDemoData;
import uk.nhs.bob.primarycare.identity.IdentityDemoData;
import uk.nhs.bob.primarycare.population.PopulationDemoData;

/**
 * Creates the demo data once, when it is switched on: the directory's organisations and services, the synthetic
 * population registered at them, then the demo users. Each part is skipped when it is already there, so a restart
 * creates nothing again. A PostgreSQL advisory lock keeps two instances starting together from both creating it.
 */
@Component
@Order(-100)
class DemoDataRun implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataRun.class);

	private static final long ADVISORY_LOCK_KEY = 0x424F42_44454D4FL; // "BOB" "DEMO"

	private final Environment environment;

	private final DataSource dataSource;

	private final DirectoryDemoData directory;

	private final PopulationDemoData population;

	private final IdentityDemoData identity;

	DemoDataRun(Environment environment, DataSource dataSource, DirectoryDemoData directory,
			PopulationDemoData population, IdentityDemoData identity) {
		this.environment = environment;
		this.dataSource = dataSource;
		this.directory = directory;
		this.population = population;
		this.identity = identity;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!DemoDataSettings.enabled(environment)) {
			log.info("Demo data is off (primarycare.demo.enabled)");
			return;
		}
		try (Connection lockConnection = dataSource.getConnection()) {
			try (Statement statement = lockConnection.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
			}
			try {
				createMissingParts();
			}
			finally {
				try (Statement statement = lockConnection.createStatement()) {
					statement.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
				}
			}
		}
	}

	private void createMissingParts() {
		long started = System.nanoTime();
		boolean created = false;
		if (!directory.present()) {
			directory.create();
			created = true;
		}
		if (!population.present()) {
			population.create();
			created = true;
		}
		if (!identity.present()) {
			identity.create();
			created = true;
		}
		if (created) {
			log.info("Demo data created in {} ms; sign in as any demo user with the password '{}'",
					(System.nanoTime() - started) / 1_000_000, IdentityDemoData.DEMO_PASSWORD);
		}
		else {
			log.info("Demo data already present; nothing created");
		}
	}

}
