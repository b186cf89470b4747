package uk.nhs.bob.primarycare.platform;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A fresh headless Chromium for each test, pointed at the app the test context serves. */
abstract class BrowserTestSupport {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.start();
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void signIn(String username, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
	}

}
