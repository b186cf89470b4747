package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fresh headless Chromium for each test, pointed at the app the test context serves. Public so each module's
 * browser tests (in the module's own test package) extend it.
 */
public abstract class BrowserTestSupport {

	@LocalServerPort
	protected int port;

	protected WebDriver browser;

	@BeforeEach
	protected void startBrowser() throws IOException {
		browser = Browser.start();
	}

	@AfterEach
	protected void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Opens a page and waits until it has loaded and its script has run. */
	protected void open(String path) {
		browser.get(url(path));
		awaitReady();
	}

	/**
	 * Clicks something that loads another page, and waits for that page: reading too early would see the old page,
	 * or the new one before its script ran (on a busy machine both happen).
	 */
	protected void clickAndWait(By target) {
		WebElement oldPage = browser.findElement(By.tagName("html"));
		browser.findElement(target).click();
		pageWait().until(driver -> gone(oldPage));
		awaitReady();
	}

	/**
	 * Whether an element's page has gone. Asked mid-navigation, Chromium may answer "Node with given id does not
	 * belong to the document" rather than "stale element": that too means the old page has gone.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/**
	 * Every element the loaded page has that matches, without the browser's implicit wait: a test that asks whether
	 * something is there (or that it is not) would otherwise wait the whole implicit wait for each answer of none.
	 * Ask it only after {@link #open} or {@link #clickAndWait}, which wait for the page and its script.
	 */
	protected List<WebElement> present(By target) {
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			return browser.findElements(target);
		}
		finally {
			browser.manage().timeouts().implicitlyWait(Browser.IMPLICIT_WAIT);
		}
	}

	/** Whether pages run their script; a test that turns it off waits only for the page to load. */
	protected boolean javascript = true;

	/** Replaces this test's browser with one that runs no JavaScript. */
	protected void withoutJavaScript() throws IOException {
		browser.quit();
		browser = Browser.start(false);
		javascript = false;
	}

	/**
	 * Up to 20 s for a page, asking every 50 ms: WebDriver's default half-second poll would add up to half a second
	 * to every page a test opens, and the browser tests open some two hundred.
	 */
	private WebDriverWait pageWait() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.pollingEvery(Duration.ofMillis(50));
		return wait;
	}

	protected void awaitReady() {
		// WebDriver's own script runs even when the page's may not, so it can read the state either way
		String ready = javascript ? "return document.readyState === 'complete' && document.body.dataset.appReady === 'true'"
				: "return document.readyState === 'complete'";
		pageWait().until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(ready)));
	}

	protected void signIn(String username, String password) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		clickAndWait(By.cssSelector("button[type=submit]"));
	}

}
