package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.shared.DemoDataPart;

/**
 * Creates the synthetic population at the directory's demo practices: {@code primarycare.demo.population-size}
 * people (default 20,000; up to 2,000,000, the whole ICS) from the seed {@code primarycare.demo.seed}. Generation
 * streams into PostgreSQL with COPY in a single transaction, so nothing is half-created.
 */
@Component
@Order(20)
class PopulationDemoData implements DemoDataPart {

	private static final Logger log = LoggerFactory.getLogger(PopulationDemoData.class);

	static final int MAX_SIZE = 2_000_000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Directory directory;

	private final int size;

	private final long seed;

	PopulationDemoData(JdbcClient jdbc, DataSource dataSource, Directory directory,
			@Value("${primarycare.demo.population-size:20000}") int size,
			@Value("${primarycare.demo.seed:42}") long seed) {
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException(
					"primarycare.demo.population-size must be between 1 and " + MAX_SIZE + ", not " + size);
		}
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.directory = directory;
		this.size = size;
		this.seed = seed;
	}

	@Transactional(readOnly = true)
	@Override
	public boolean present() {
		return Boolean.TRUE.equals(
				jdbc.sql("SELECT EXISTS (SELECT 1 FROM population.person)").query(Boolean.class).single());
	}

	/** Generates and loads the population; needs the directory's practices to exist. */
	@Override
	public void create() {
		long started = System.nanoTime();
		List<PracticeSummary> practices = directory.practices();
		if (practices.isEmpty()) {
			log.warn("No practices in the directory, so no synthetic population was created");
			return;
		}
		PopulationGenerator generator = new PopulationGenerator(practices, seed, LocalDate.now());
		PopulationLoader.Loaded loaded;
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				PopulationLoader loader = new PopulationLoader(connection);
				loader.lsoas(generator.lsoas().all());
				loaded = loader.load(generator, size);
				try (Statement statement = connection.createStatement()) {
					// Fresh statistics so searches use the indexes straight away
					statement.execute("ANALYZE population.person");
					statement.execute("ANALYZE population.observation");
				}
				connection.commit();
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not create the synthetic population", ex);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		log.info("Population created: {} people, {} record rows in {} s ({} people/s)", loaded.people(),
				loaded.rows(), String.format("%.1f", seconds), Math.round(loaded.people() / seconds));
	}

}
