package uk.nhs.bob.primarycare.cvd;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For CVD module tests about the whole population (the refresh, the dashboard's denominators, the trend): one
 * completed population refresh, run before the first such test if the database has none. It is the refresh a new
 * installation runs first (the baseline, which also back-fills the trend), over the population's generated people.
 */
class CvdBaseline implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext extension) {
		ApplicationContext context = SpringExtension.getApplicationContext(extension);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		if (jdbc.sql("SELECT count(*) FROM cvd.refresh_run WHERE status = 'COMPLETED'").query(Long.class).single() == 0) {
			context.getBean(PopulationRefresh.class).runNow("TEST", null);
		}
	}

}
