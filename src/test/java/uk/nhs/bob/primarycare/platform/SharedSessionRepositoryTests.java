package uk.nhs.bob.primarycare.platform;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored session is written when something in it changed, and for its last-access time only once a minute. */
class SharedSessionRepositoryTests {

	private final Instant stored = Instant.parse("2026-12-01T10:00:00Z");

	private SharedSessionRepository.TrackedSession storedSession() {
		MapSession session = new MapSession();
		session.setLastAccessedTime(stored);
		return new SharedSessionRepository.TrackedSession(session, false);
	}

	@Test
	void aRequestWithinTheResolutionOfTheStoredLastAccessWritesNothing() {
		SharedSessionRepository.TrackedSession session = storedSession();
		session.setLastAccessedTime(stored.plusSeconds(59));
		assertThat(session.mustWrite()).isFalse();
		assertThat(session.getLastAccessedTime()).isEqualTo(stored.plusSeconds(59));
	}

	@Test
	void aRequestPastTheResolutionWritesTheNewLastAccess() {
		SharedSessionRepository.TrackedSession session = storedSession();
		session.setLastAccessedTime(stored.plus(SharedSessionRepository.LAST_ACCESS_RESOLUTION).plusSeconds(1));
		assertThat(session.mustWrite()).isTrue();
	}

	@Test
	void anyChangeOfAttributesIdOrTimeoutIsWritten() {
		SharedSessionRepository.TrackedSession attribute = storedSession();
		attribute.setAttribute("token", "value");
		assertThat(attribute.mustWrite()).isTrue();

		SharedSessionRepository.TrackedSession removed = storedSession();
		removed.removeAttribute("token");
		assertThat(removed.mustWrite()).isTrue();

		SharedSessionRepository.TrackedSession id = storedSession();
		id.changeSessionId();
		assertThat(id.mustWrite()).isTrue();

		SharedSessionRepository.TrackedSession timeout = storedSession();
		timeout.setMaxInactiveInterval(Duration.ofMinutes(5));
		assertThat(timeout.mustWrite()).isTrue();
	}

	@Test
	void aNewSessionIsWrittenOnceAndThenOnlyWhenItChanges() {
		SharedSessionRepository.TrackedSession session = new SharedSessionRepository.TrackedSession(new MapSession(),
				true);
		assertThat(session.mustWrite()).isTrue();
		session.written();
		session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(1));
		assertThat(session.mustWrite()).isFalse();
	}

}
