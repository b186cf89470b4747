package uk.nhs.bob.primarycare.triage;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A real CSRF token for the public form, the way a browser sends it: the token in the XSRF-TOKEN cookie and its masked
 * form in the {@code _csrf} field. Spring Security's test {@code csrf()} would instead swap the public chain's
 * cookie token store for a session-based one for the rest of the shared test context.
 */
public final class PublicFormCsrf {

	private static final SecureRandom RANDOM = new SecureRandom();

	private PublicFormCsrf() {
	}

	public static RequestPostProcessor token() {
		String token = UUID.randomUUID().toString();
		byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
		byte[] random = new byte[tokenBytes.length];
		RANDOM.nextBytes(random);
		byte[] combined = new byte[tokenBytes.length * 2];
		System.arraycopy(random, 0, combined, 0, random.length);
		for (int i = 0; i < tokenBytes.length; i++) {
			combined[random.length + i] = (byte) (random[i] ^ tokenBytes[i]);
		}
		String masked = Base64.getUrlEncoder().encodeToString(combined);
		return request -> {
			request.setCookies(new Cookie("XSRF-TOKEN", token));
			request.addParameter("_csrf", masked);
			return request;
		};
	}

}
