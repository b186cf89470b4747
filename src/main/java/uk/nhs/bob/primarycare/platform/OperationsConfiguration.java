package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.MDC;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What operators need around the application. Spring Boot Actuator (health with liveness and readiness groups,
 * Prometheus metrics) is served on its own port ({@code management.server.port}), which is never published through
 * the load balancer: on that port the endpoints answer without sign-in, so Prometheus and the orchestrator's probes
 * can read them; on the public port there is no actuator at all (and {@code /actuator/**} stays behind the ICB
 * administrator role should the two ports ever be made one). Every request carries a request id, in the logs and in
 * the {@value #REQUEST_ID_HEADER} response header.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	static final String REQUEST_ID_HEADER = "X-Request-Id";

	/** The key of the request id in the logging context (a field of its own in structured logs). */
	static final String REQUEST_ID_MDC_KEY = "requestId";

	/** An id from the load balancer is kept only when it looks like one: it goes into every log line. */
	private static final Pattern ACCEPTABLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	/** The management server's port, once it has started (0 while there is none of its own). */
	private final AtomicInteger managementPort = new AtomicInteger();

	@Bean
	ApplicationListener<WebServerInitializedEvent> managementPortListener() {
		return event -> {
			if ("management".equals(event.getApplicationContext().getServerNamespace())) {
				managementPort.set(event.getWebServer().getPort());
			}
		};
	}

	/** Actuator on the management port, without sign-in; requests on the public port never match. */
	@Bean
	@Order(0)
	SecurityFilterChain managementSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(request -> managementPort.get() > 0 && request.getLocalPort() == managementPort.get())
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			// read-only endpoints, reached by machines without cookies
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/** Gives each request an id (the load balancer's, or a new one) for its log lines and its response. */
	@Bean
	FilterRegistrationBean<Filter> requestIdFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(OperationsConfiguration::withRequestId);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static void withRequestId(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String given = ((HttpServletRequest) request).getHeader(REQUEST_ID_HEADER);
		String id = given != null && ACCEPTABLE_REQUEST_ID.matcher(given).matches() ? given
				: UUID.randomUUID().toString();
		((HttpServletResponse) response).setHeader(REQUEST_ID_HEADER, id);
		try (MDC.MDCCloseable ignored = MDC.putCloseable(REQUEST_ID_MDC_KEY, id)) {
			chain.doFilter(request, response);
		}
	}

	/**
	 * The event publication backlog: publications not yet completed by their listener (waiting, being processed or
	 * failed), how many have failed, and how long the oldest has waited. Read at most every few seconds, however often
	 * Prometheus asks.
	 */
	@Bean
	MeterBinder eventPublicationBacklog(JdbcClient jdbc) {
		EventBacklog backlog = new EventBacklog(jdbc);
		return registry -> {
			Gauge.builder("primarycare.events.incomplete", backlog, b -> b.read().incomplete())
				.description("Event publications not yet completed by their listener")
				.register(registry);
			Gauge.builder("primarycare.events.failed", backlog, b -> b.read().failed())
				.description("Event publications whose listener failed (resubmitted on restart)")
				.register(registry);
			Gauge.builder("primarycare.events.oldest.incomplete", backlog, b -> b.read().oldestSeconds())
				.description("Age of the oldest incomplete event publication")
				.baseUnit("seconds")
				.register(registry);
		};
	}

	static final class EventBacklog {

		private static final Duration FRESH_FOR = Duration.ofSeconds(5);

		private final JdbcClient jdbc;

		private volatile Counts last = new Counts(0, 0, 0, Instant.EPOCH);

		EventBacklog(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		Counts read() {
			Counts counts = last;
			if (counts.readAt().plus(FRESH_FOR).isAfter(Instant.now())) {
				return counts;
			}
			counts = jdbc.sql("""
					SELECT count(*), count(*) FILTER (WHERE status = 'FAILED'),
					       coalesce(extract(epoch FROM now() - min(publication_date)), 0)
					FROM events.event_publication WHERE completion_date IS NULL""")
				.query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getDouble(3), Instant.now()))
				.single();
			last = counts;
			return counts;
		}

		record Counts(long incomplete, long failed, double oldestSeconds, Instant readAt) {
		}

	}

}
