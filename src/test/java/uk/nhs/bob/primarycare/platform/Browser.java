package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by the Debian chromedriver (no browser download). Without Chromium the browser
 * tests are skipped with a message, except on CI ({@code CI=true}), where they must run.
 */
public final class Browser {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** How long a lookup waits for its element to appear (scripts may add it after the page has loaded). */
	static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

	private Browser() {
	}

	public static WebDriver start() throws IOException {
		return start(true);
	}

	/** A browser with JavaScript on, or off (as for people whose browser runs none). */
	public static WebDriver start(boolean javascript) throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but Chromium is not installed: .ci/run must install the Debian "
						+ "packages chromium and chromium-driver");
			}
			Assumptions.abort("Browser test skipped: Chromium not installed (apt-get install chromium chromium-driver)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,1024",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		if (!javascript) {
			options.setExperimentalOption("prefs",
					java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
		return driver;
	}

}
