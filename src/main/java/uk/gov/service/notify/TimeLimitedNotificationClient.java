package uk.gov.service.notify;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * GOV.UK Notify's client with connect and read timeouts, and no hidden re-send. The client opens its connections
 * with no timeouts, so a Notify that accepted a connection and never answered would hold a sender thread for ever; a
 * timeout turns that into a network error, which the platform retries after checking Notify for the message's
 * reference. The client's
 * connection factory is package-private, hence this class sits in the client's package.
 */
public class TimeLimitedNotificationClient extends NotificationClient {

	private static final Pattern SEND = Pattern.compile(".*/v2/notifications/(sms|email|letter)$");

	private final int connectTimeoutMillis;

	private final int readTimeoutMillis;

	public TimeLimitedNotificationClient(String apiKey, String baseUrl, Duration connectTimeout, Duration readTimeout) {
		// no proxy, and no SSL context: the JVM's default one, left as it is
		super(apiKey, baseUrl, null, null);
		this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
		this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
	}

	@Override
	HttpURLConnection getConnection(URL url) throws IOException {
		HttpURLConnection connection = super.getConnection(url);
		connection.setConnectTimeout(connectTimeoutMillis);
		connection.setReadTimeout(readTimeoutMillis);
		// A streamed body cannot be replayed, so HttpURLConnection never re-sends a POST by itself when a connection
		// drops before the answer (sun.net.http.retryPost): a silent second send would be a second text message.
		// Retries are the platform's, after asking Notify whether the first attempt arrived.
		// Only the sends are POSTs (a GET must not stream a body), and the method is set after this returns.
		if (SEND.matcher(url.getPath()).matches()) {
			connection.setChunkedStreamingMode(0);
		}
		return connection;
	}

}
