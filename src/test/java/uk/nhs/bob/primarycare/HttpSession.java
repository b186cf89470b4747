package uk.nhs.bob.primarycare;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP client against the running test server, with cookies, for what MockMvc cannot show: the servlet
 * container's error dispatch (styled error pages) and whole sign-in round trips.
 */
public final class HttpSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	public HttpSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in through the sign-in form and returns the response to the form post. */
	public HttpResponse<String> signIn(String username, String password) {
		String token = csrfToken(get("/login").body());
		return postForm("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(token));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
	}

	/** A GET with one extra request header. */
	public HttpResponse<String> get(String path, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html")
			.header(header, value)
			.GET()
			.build());
	}

	/** The status codes of the same GET sent {@code times} times by {@code parallel} threads at once. */
	public java.util.List<Integer> getConcurrently(String path, int times, int parallel) {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
		try {
			java.util.List<java.util.concurrent.Future<Integer>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < times; i++) {
				futures.add(pool.submit(() -> get(path).statusCode()));
			}
			java.util.List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> future : futures) {
				statuses.add(future.get());
			}
			return statuses;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	public HttpResponse<String> postForm(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public static String csrfToken(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in the page");
		}
		return matcher.group(1);
	}

	/** Every CSRF token in the page's forms, in the order they appear. */
	public static java.util.List<String> csrfTokens(String html) {
		java.util.List<String> found = new java.util.ArrayList<>();
		Matcher matcher = CSRF.matcher(html);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
