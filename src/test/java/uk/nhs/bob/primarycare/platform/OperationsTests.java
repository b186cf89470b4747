package uk.nhs.bob.primarycare.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.HttpSession;
import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators rely on: Actuator on its own port (health with liveness and readiness groups, Prometheus metrics
 * with the application's own figures), none of it on the public port, and a request id on every response.
 */
@IntegrationTest
class OperationsTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Test
	void healthAndItsProbeGroupsAnswerOnTheManagementPortWithoutSignIn() {
		assertThat(managementPort).isPositive().isNotEqualTo(port);

		HttpResponse<String> health = management("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");

		HttpResponse<String> liveness = management("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"").contains("livenessState").doesNotContain("\"db\"");

		HttpResponse<String> readiness = management("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"")
			.contains("readinessState")
			.contains("\"db\"")
			.contains("\"diskSpace\"");
	}

	@Test
	void prometheusShowsRequestTimingsPoolUsageRefreshAndImportDurationsAndTheEventBacklog() {
		// one FHIR import (an empty bundle) so its timer has a sample; the demo data already ran a CVD refresh
		assertThat(mvc.post()
			.uri("/api/v1/fhir")
			.contentType(MediaType.parseMediaType("application/fhir+json"))
			.content("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": []}")
			.with(tokens.bearer("fhir.import"))).hasStatusOk();
		new HttpSession(port).get("/login");

		HttpResponse<String> metrics = management("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_bucket{")
			.contains("hikaricp_connections_active{")
			.contains("hikaricp_connections_pending{")
			.contains("primarycare_cvd_refresh_seconds_count{")
			.contains("primarycare_fhir_import_seconds_count{")
			.contains("primarycare_events_incomplete ")
			.contains("primarycare_events_failed ")
			.contains("primarycare_events_oldest_incomplete_seconds ");
	}

	@Test
	void thePublicPortServesNoActuator() {
		HttpSession anonymous = new HttpSession(port);
		assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(404);
		HttpResponse<String> prometheus = anonymous.get("/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(302);
		assertThat(prometheus.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

		HttpSession admin = new HttpSession(port);
		admin.signIn("admin", "demo-password");
		HttpResponse<String> signedIn = admin.get("/actuator/prometheus");
		assertThat(signedIn.statusCode()).isEqualTo(404);
		assertThat(signedIn.body()).doesNotContain("jvm_memory");
	}

	@Test
	void everyResponseCarriesARequestIdAndAWellFormedOneFromTheLoadBalancerIsKept() {
		HttpSession session = new HttpSession(port);
		String generated = session.get("/login").headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(generated).matches("[0-9a-f-]{36}");
		assertThat(session.get("/login").headers().firstValue("X-Request-Id")).isNotEqualTo(java.util.Optional.of(generated));

		assertThat(session.get("/login", "X-Request-Id", "lb-4f2a.17").headers().firstValue("X-Request-Id"))
			.hasValue("lb-4f2a.17");
		assertThat(session.get("/login", "X-Request-Id", "x\"}{injected").headers().firstValue("X-Request-Id"))
			.hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

	@Test
	void theRequestIdIsInTheLoggingContextWhileTheRequestRunsAndGoneAfterwards() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Request-Id", "abc-123");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> during = new AtomicReference<>();

		OperationsConfiguration.withRequestId(request, response, (req, res) -> during.set(MDC.get("requestId")));

		assertThat(during.get()).isEqualTo("abc-123");
		assertThat(response.getHeader("X-Request-Id")).isEqualTo("abc-123");
		assertThat(MDC.get("requestId")).isNull();
	}

	private HttpResponse<String> management(String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
