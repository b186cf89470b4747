package uk.gov.service.notify;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

/**
 * GOV.UK Notify's client with connect and read timeouts. The client opens its connections with none, so a Notify
 * that accepted a connection and never answered would hold a sender thread for ever; a timeout turns that into a
 * network error, which the platform retries after checking Notify for the message's reference. The client's
 * connection factory is package-private, hence this class sits in the client's package.
 */
public class TimeLimitedNotificationClient extends NotificationClient {

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
		return connection;
	}

}
