package uk.nhs.bob.primarycare.population;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * For the benchmark ({@code bench/generate-population.sh}): with {@code primarycare.demo.exit-after-creation=true}
 * the app stops as soon as it is ready, that is once the demo data exists.
 */
@Component
class DemoDataExit {

	private static final Logger log = LoggerFactory.getLogger(DemoDataExit.class);

	private final boolean exit;

	DemoDataExit(@Value("${primarycare.demo.exit-after-creation:false}") boolean exit) {
		this.exit = exit;
	}

	@EventListener
	void on(ApplicationReadyEvent event) {
		if (exit) {
			log.info("Demo data is ready; stopping (primarycare.demo.exit-after-creation)");
			ApplicationContext context = event.getApplicationContext();
			System.exit(SpringApplication.exit(context, () -> 0));
		}
	}

}
