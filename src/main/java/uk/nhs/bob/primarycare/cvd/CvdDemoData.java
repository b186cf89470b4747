package uk.nhs.bob.primarycare.cvd;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.shared.DemoDataPart;

/**
 * The CVD part of the demo: one population refresh over the demo population, so the worklists and the dashboard
 * have content the moment a user signs in. It is the baseline refresh, so it publishes no "found" events.
 */
@Component
@Order(60)
class CvdDemoData implements DemoDataPart {

	private final JdbcClient jdbc;

	private final PopulationRefresh refresh;

	CvdDemoData(JdbcClient jdbc, PopulationRefresh refresh) {
		this.jdbc = jdbc;
		this.refresh = refresh;
	}

	@Override
	public boolean present() {
		return jdbc.sql("SELECT count(*) FROM cvd.refresh_run WHERE status = 'COMPLETED'").query(Long.class).single() > 0;
	}

	@Override
	public void create() {
		refresh.runNow("DEMO", null);
	}

}
