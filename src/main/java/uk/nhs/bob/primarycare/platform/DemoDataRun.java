package uk.nhs.bob.primarycare.platform;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.IdentityDemoData;
import uk.nhs.bob.primarycare.shared.DemoDataPart;

/**
 * Creates the demo data once, when it is switched on: every module's {@link DemoDataPart} in their order (the
 * directory's organisations and services, the synthetic population registered at them, the demo users, then the
 * feature modules' parts). Each part is skipped when it is already there, so a restart creates nothing again. A PostgreSQL advisory lock keeps two instances starting together from both creating it.
 */
@Component
@Order(-100)
class DemoDataRun implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataRun.class);

	private static final long ADVISORY_LOCK_KEY = 0x424F42_44454D4FL; // "BOB" "DEMO"

	private final Environment environment;

	private final DataSource dataSource;

	/** In {@code @Order}: Spring sorts a list of beans by it. */
	private final List<DemoDataPart> parts;

	DemoDataRun(Environment environment, DataSource dataSource, List<DemoDataPart> parts) {
		this.environment = environment;
		this.dataSource = dataSource;
		this.parts = parts;
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
		for (DemoDataPart part : parts) {
			if (!part.present()) {
				part.create();
				created = true;
			}
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
