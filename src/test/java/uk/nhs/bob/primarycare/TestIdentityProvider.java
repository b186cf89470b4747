package uk.nhs.bob.primarycare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real OpenID Connect and OAuth 2.0 provider in the test JVM (NAV's mock-oauth2-server), started once for the test
 * run and registered for every Spring test context through {@code META-INF/spring.factories}: the issuer
 * {@value #STAFF_ISSUER} is the staff sign-in provider (registration {@value #REGISTRATION}, shown as "Sign in with
 * {@value #PROVIDER_NAME}"), and the issuer {@value #EXTERNAL_ISSUER} an external token issuer the APIs trust for the
 * audience {@value #API_AUDIENCE}. A test decides who signs in next with {@link #nextSignIn}.
 */
public class TestIdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String STAFF_ISSUER = "cis2";

	public static final String EXTERNAL_ISSUER = "external";

	public static final String REGISTRATION = "test-cis2";

	public static final String PROVIDER_NAME = "NHS CIS2 (test)";

	public static final String CLIENT_ID = "bob-primarycare";

	public static final String API_AUDIENCE = "bob-primarycare-api";

	private static MockOAuth2Server server;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		MockOAuth2Server provider = server();
		Map<String, Object> properties = new LinkedHashMap<>();
		String prefix = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
		properties.put(prefix + "client-id", CLIENT_ID);
		properties.put(prefix + "client-secret", "test-client-secret");
		properties.put(prefix + "client-name", PROVIDER_NAME);
		properties.put(prefix + "scope", "openid,profile,email");
		properties.put("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri",
				provider.issuerUrl(STAFF_ISSUER).toString());
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri",
				provider.issuerUrl(EXTERNAL_ISSUER).toString());
		properties.put("spring.security.oauth2.resourceserver.jwt.audiences", API_AUDIENCE);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testIdentityProvider", properties));
	}

	public static synchronized MockOAuth2Server server() {
		if (server == null) {
			MockOAuth2Server started = new MockOAuth2Server();
			started.start();
			server = started;
		}
		return server;
	}

	/** The next sign-in with the staff provider is this person, with these claims (roles, email, name...). */
	public static void nextSignIn(String subject, Map<String, Object> claims) {
		server().enqueueCallback(
				new DefaultOAuth2TokenCallback(STAFF_ISSUER, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
	}

	/** A CIS2-style {@code nhsid_nrbac_roles} entry. */
	public static Map<String, Object> role(String personRoleId, String roleCode, String orgCode) {
		return Map.of("person_roleid", personRoleId, "role_code", "S8000:G8000:" + roleCode, "org_code", orgCode,
				"role_name", "\"Clinical\":\"Clinical Provision\":\"Test role " + roleCode + "\"");
	}

}
