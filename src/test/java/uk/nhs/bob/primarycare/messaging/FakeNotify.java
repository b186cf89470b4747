package uk.nhs.bob.primarycare.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local GOV.UK Notify for the whole test run: a WireMock server speaking Notify's API (send a text message, an
 * email or a precompiled letter; list notifications by reference), started once and pointed at by every Spring test
 * context through {@code META-INF/spring.factories}, with an API key, template ids, a callback token and short retry
 * waits. Like Notify, it remembers what it accepted: asked for a reference, it lists the notifications it created with
 * it, so a retry after a lost answer can be seen to find the first message rather than send a second one. A context
 * with {@code fake-notify.enabled=false} is left without a key (the outbox).
 */
public class FakeNotify implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String CALLBACK_TOKEN = "test-callback-token-4f1c9";

	/** Stub metadata marking a stub whose request, like Notify's, creates a notification (even if the answer is lost). */
	static final String CREATES = "createsNotification";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static WireMockServer server;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if ("false".equals(context.getEnvironment().getProperty("fake-notify.enabled"))) {
			return;
		}
		WireMockServer notify = server();
		Map<String, Object> properties = new HashMap<>();
		properties.put("primarycare.notify.api-key",
				"bobtest-" + UUID.nameUUIDFromBytes("service".getBytes(StandardCharsets.UTF_8)) + "-"
						+ UUID.nameUUIDFromBytes("secret".getBytes(StandardCharsets.UTF_8)));
		properties.put("primarycare.notify.base-url", notify.baseUrl());
		properties.put("primarycare.notify.callback-bearer-token", CALLBACK_TOKEN);
		for (NotifyTemplate template : NotifyTemplate.values()) {
			properties.put("primarycare.notify.templates." + template.propertyName(), templateId(template));
		}
		properties.put("primarycare.notify.first-retry-delay", "PT0.2S");
		properties.put("primarycare.notify.max-retry-delay", "PT1S");
		properties.put("primarycare.notify.max-attempts", "4");
		properties.put("primarycare.notify.poll-interval", "PT0.5S");
		properties.put("primarycare.notify.read-timeout", "PT10S");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fakeNotify", properties));
	}

	static String templateId(NotifyTemplate template) {
		return UUID.nameUUIDFromBytes(template.propertyName().getBytes(StandardCharsets.UTF_8)).toString();
	}

	static synchronized WireMockServer server() {
		if (server == null) {
			server = new WireMockServer(options().dynamicPort().globalTemplating(true).extensions(new Lookup()));
			server.start();
			acceptEverything(server);
		}
		return server;
	}

	/** Notify's answers to sends that succeed, and the lookup by reference. */
	static void acceptEverything(WireMockServer notify) {
		Metadata creates = Metadata.metadata().attr(CREATES, true).build();
		for (String type : List.of("sms", "email")) {
			notify.stubFor(post(urlPathEqualTo("/v2/notifications/" + type)).atPriority(10)
				.withMetadata(creates)
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody("""
							{"id": "{{randomValue type='UUID'}}", "reference": "{{jsonPath request.body '$.reference'}}",
							 "content": {"body": "Rendered by the fake Notify", "subject": "Fake subject",
							             "from_number": "BOBNHS", "from_email": "bob@notifications.service.gov.uk"},
							 "uri": "https://fake/v2/notifications/1",
							 "template": {"id": "{{jsonPath request.body '$.template_id'}}", "version": 1,
							              "uri": "https://fake/v2/template/1"}}""")));
		}
		notify.stubFor(post(urlPathEqualTo("/v2/notifications/letter")).atPriority(10)
			.withMetadata(creates)
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("""
						{"id": "{{randomValue type='UUID'}}", "reference": "{{jsonPath request.body '$.reference'}}",
						 "postage": "second"}""")));
		notify.stubFor(get(urlPathEqualTo("/v2/notifications")).atPriority(10)
			.willReturn(aResponse().withTransformers(Lookup.NAME)));
	}

	/** The sends the fake received with this Notify reference, oldest first. */
	static List<LoggedRequest> sendsWithReference(String reference) {
		List<LoggedRequest> found = new ArrayList<>();
		List<ServeEvent> events = new ArrayList<>(server().getAllServeEvents());
		java.util.Collections.reverse(events);
		for (ServeEvent event : events) {
			LoggedRequest request = event.getRequest();
			if (request.getMethod().getName().equals("POST") && reference.equals(field(request, "reference"))) {
				found.add(request);
			}
		}
		return found;
	}

	static long lookupsOf(String reference) {
		return server().getAllServeEvents()
			.stream()
			.filter(e -> e.getRequest().getMethod().getName().equals("GET")
					&& reference.equals(e.getRequest().queryParameter("reference").firstValue()))
			.count();
	}

	static JsonNode body(LoggedRequest request) {
		return JSON.readTree(request.getBodyAsString());
	}

	private static String field(LoggedRequest request, String name) {
		try {
			return body(request).path(name).asString(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** GET /v2/notifications?reference=...: the notifications the fake created with that reference. */
	static class Lookup implements ResponseDefinitionTransformerV2 {

		static final String NAME = "notify-lookup";

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			String reference = serveEvent.getRequest().queryParameter("reference").firstValue();
			ArrayNode notifications = JSON.createArrayNode();
			for (ServeEvent earlier : server().getAllServeEvents()) {
				LoggedRequest request = earlier.getRequest();
				boolean created = earlier.getStubMapping() != null && earlier.getStubMapping().getMetadata() != null
						&& earlier.getStubMapping().getMetadata().getBoolean(CREATES, false);
				if (created && request.getMethod().getName().equals("POST")
						&& reference.equals(field(request, "reference"))) {
					JsonNode sent = body(request);
					ObjectNode n = notifications.addObject();
					n.put("id", UUID.nameUUIDFromBytes(earlier.getId().toString().getBytes(StandardCharsets.UTF_8))
						.toString());
					n.put("reference", reference);
					n.put("phone_number", sent.path("phone_number").asString(null));
					n.put("email_address", sent.path("email_address").asString(null));
					n.put("type", request.getUrl().contains("email") ? "email"
							: request.getUrl().contains("letter") ? "letter" : "sms");
					ObjectNode template = n.putObject("template");
					template.put("id", sent.path("template_id").asString(UUID.randomUUID().toString()));
					template.put("version", 1);
					template.put("uri", "https://fake/v2/template/1");
					n.put("body", "Rendered by the fake Notify");
					n.put("status", "sending");
					n.put("created_at", Instant.now().toString());
				}
			}
			ObjectNode list = JSON.createObjectNode();
			list.set("notifications", notifications);
			list.putObject("links").put("current", "https://fake/v2/notifications").putNull("next");
			return ResponseDefinition.okForJson(JSON.readValue(list.toString(), Object.class));
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return NAME;
		}

	}

}
