package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.identity.IdentityDemoData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real server, with raw HTTP so that any Host and forwarded headers can be sent: the session cookie is
 * Secure and HSTS is sent when the request came over HTTPS through a TLS proxy (X-Forwarded-Proto from a trusted
 * proxy address), never over plain HTTP; Permissions-Policy is on every answer; redirects carry a path only, never
 * the Host a client sent.
 */
@IntegrationTest
class TransportSecurityTests {

	@LocalServerPort
	int port;

	String exchange(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	String get(String path, String... headers) throws IOException {
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nConnection: close\r\n");
		boolean host = false;
		for (String header : headers) {
			request.append(header).append("\r\n");
			host |= header.toLowerCase().startsWith("host:");
		}
		if (!host) {
			request.append("Host: localhost:").append(port).append("\r\n");
		}
		return exchange(request.append("\r\n").toString());
	}

	static String header(String response, String name) {
		Matcher matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*)$").matcher(response);
		return matcher.find() ? matcher.group(1).trim() : null;
	}

	@Test
	void overHttpsThroughAProxyTheCookieIsSecureAndHstsIsSent() throws IOException {
		String response = get("/login", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9");
		assertThat(header(response, "Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Lax");
		assertThat(header(response, "Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");
	}

	@Test
	void overPlainHttpNeither() throws IOException {
		String response = get("/login");
		assertThat(header(response, "Set-Cookie")).doesNotContain("Secure");
		assertThat(header(response, "Strict-Transport-Security")).isNull();
	}

	@Test
	void pagesAndApisForbidBrowserFeatures() throws IOException {
		assertThat(header(get("/login"), "Permissions-Policy")).contains("camera=()", "geolocation=()",
				"microphone=()");
		assertThat(header(get("/api/v1/me"), "Permissions-Policy")).contains("camera=()");
	}

	@Test
	void theSignInRedirectIgnoresTheHostHeader() throws IOException {
		String response = get("/triage", "Host: evil.example");
		assertThat(response).startsWith("HTTP/1.1 302");
		assertThat(header(response, "Location")).isEqualTo("/login");
		String forwarded = get("/cvd", "Host: evil.example", "X-Forwarded-Host: evil.example");
		assertThat(header(forwarded, "Location")).doesNotContain("evil");
	}

	@Test
	void afterSignInTheReturnToTheFirstPageIsAPathOnly() throws IOException {
		String first = get("/cvd/calculator", "Host: evil.example:8443");
		String cookie = header(first, "Set-Cookie").split(";")[0];
		String login = get("/login", "Host: evil.example:8443", "Cookie: " + cookie);
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(token.find()).isTrue();
		String body = "username=coordinator&password=" + IdentityDemoData.DEMO_PASSWORD + "&_csrf="
				+ java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		String response = exchange("POST /login HTTP/1.1\r\nHost: evil.example:8443\r\nConnection: close\r\n"
				+ "Cookie: " + cookie + "\r\nX-Forwarded-For: 203.0.113.10\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
				+ body);
		assertThat(header(response, "Location")).startsWith("/cvd/calculator").doesNotContain("evil");
	}

}
