package uk.nhs.bob.primarycare.platform;

import org.springframework.core.env.Environment;

/**
 * Demo data is on by default with the embedded database and off with a configured server;
 * {@code primarycare.demo.enabled} overrides both ways.
 */
final class DemoDataSettings {

	private DemoDataSettings() {
	}

	static boolean enabled(Environment environment) {
		Boolean explicit = environment.getProperty("primarycare.demo.enabled", Boolean.class);
		if (explicit != null) {
			return explicit;
		}
		String url = environment.getProperty("spring.datasource.url");
		return url == null || url.isBlank();
	}

}
