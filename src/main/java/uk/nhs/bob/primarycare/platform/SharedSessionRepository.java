package uk.nhs.bob.primarycare.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The sessions in PostgreSQL (Spring Session JDBC), written only when something in them changed. Every instance
 * reads the session from the database on every request, so a user signed in through one instance is signed in on
 * all of them; what this class saves is the rest of Spring Session's per-request work:
 * <ul>
 * <li>The last-access time is written when it moved on by more than {@link #LAST_ACCESS_RESOLUTION}, not on every
 * request (an {@code UPDATE} and a commit per page otherwise, all on the same row when a user opens several pages
 * at once). A session therefore expires between its timeout and its timeout less that resolution after its last
 * use.</li>
 * <li>Within one request the session is read once: Spring Session's filter reads it again after saving it, only to
 * learn whether it still exists (spring-projects/spring-session#1731), and gets the session it just saved.</li>
 * </ul>
 * Attributes (the security context, the CSRF token) are written as soon as they are set, as before.
 */
class SharedSessionRepository implements FindByIndexNameSessionRepository<SharedSessionRepository.TrackedSession> {

	/** How far the stored last-access time may lag behind the real one. */
	static final Duration LAST_ACCESS_RESOLUTION = Duration.ofSeconds(60);

	/** Sessions read or saved by the current request; none outside a request (see {@link SessionConfiguration}). */
	private static final ThreadLocal<@Nullable Map<String, TrackedSession>> REQUEST_SESSIONS = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<Session> jdbc;

	@SuppressWarnings("unchecked") // its session type is not public; it only ever gets back the sessions it made
	SharedSessionRepository(JdbcIndexedSessionRepository jdbc) {
		this.jdbc = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) jdbc;
	}

	/** Opens the per-request memory of sessions read; {@link #endRequest()} closes it. */
	static void beginRequest() {
		REQUEST_SESSIONS.set(new HashMap<>(4));
	}

	static void endRequest() {
		REQUEST_SESSIONS.remove();
	}

	static boolean inRequest() {
		return REQUEST_SESSIONS.get() != null;
	}

	@Override
	public TrackedSession createSession() {
		return new TrackedSession(jdbc.createSession(), true);
	}

	@Override
	public void save(TrackedSession session) {
		if (session.mustWrite()) {
			jdbc.save(session.delegate);
			session.written();
		}
		remember(session);
	}

	@Override
	public @Nullable TrackedSession findById(String id) {
		Map<String, TrackedSession> read = REQUEST_SESSIONS.get();
		TrackedSession known = read == null ? null : read.get(id);
		if (known != null) {
			return known;
		}
		Session stored = jdbc.findById(id);
		if (stored == null) {
			return null;
		}
		TrackedSession session = new TrackedSession(stored, false);
		remember(session);
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, TrackedSession> read = REQUEST_SESSIONS.get();
		if (read != null) {
			read.remove(id);
		}
		jdbc.deleteById(id);
	}

	@Override
	public Map<String, TrackedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, TrackedSession> sessions = new LinkedHashMap<>();
		jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new TrackedSession(session, false)));
		return sessions;
	}

	private static void remember(TrackedSession session) {
		Map<String, TrackedSession> read = REQUEST_SESSIONS.get();
		if (read != null) {
			read.values().remove(session);
			read.put(session.getId(), session);
		}
	}

	/** A stored session that knows whether anything but its last-access time changed. */
	static final class TrackedSession implements Session {

		private final Session delegate;

		private boolean unsaved;

		private boolean changed;

		private Instant lastAccessedTime;

		TrackedSession(Session delegate, boolean unsaved) {
			this.delegate = delegate;
			this.unsaved = unsaved;
			this.lastAccessedTime = delegate.getLastAccessedTime();
		}

		boolean mustWrite() {
			return unsaved || changed;
		}

		void written() {
			unsaved = false;
			changed = false;
		}

		@Override
		public String getId() {
			return delegate.getId();
		}

		@Override
		public String changeSessionId() {
			changed = true;
			return delegate.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, @Nullable Object attributeValue) {
			changed = true;
			delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			changed = true;
			delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return delegate.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.lastAccessedTime = lastAccessedTime;
			if (unsaved || delegate.getLastAccessedTime().plus(LAST_ACCESS_RESOLUTION).isBefore(lastAccessedTime)) {
				changed = true;
				delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return lastAccessedTime;
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed = true;
			delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			// by the stored time, as every other instance sees it
			return delegate.isExpired();
		}

	}

}
