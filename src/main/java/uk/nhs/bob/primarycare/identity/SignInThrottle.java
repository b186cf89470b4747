package uk.nhs.bob.primarycare.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing without letting anyone lock anyone else out. Two token buckets (Bucket4j) are charged for
 * every sign-in attempt before its password is checked, and refunded when it succeeds:
 * <ul>
 * <li>per account and client address: {@value #ACCOUNT_ATTEMPTS} failed attempts, then one more every
 * {@value #REFILL_MINUTES_PER_ACCOUNT_ATTEMPT} minutes, so guesses from one client never stop the same account
 * signing in from anywhere else (the 111 service account included);</li>
 * <li>per client address: {@value #CLIENT_ATTEMPTS} failed attempts over any accounts in 15 minutes.</li>
 * </ul>
 * Attempts on one account from one client are checked one at a time, so the buckets bound the passwords tried even
 * when many attempts arrive at once; a password that succeeded from that client lately (kept as a salted digest in
 * memory) skips the queue and the charge, so a service account's concurrent calls are never held back by it. Unknown usernames are
 * throttled exactly like real ones, so the answers never tell whether an account exists. Failed sign-ins are also
 * counted in the database, with one atomic update each, for administrators to see; that count locks nothing.
 */
@Component
class SignInThrottle {

	static final int ACCOUNT_ATTEMPTS = 5;

	static final int REFILL_MINUTES_PER_ACCOUNT_ATTEMPT = 3;

	static final int CLIENT_ATTEMPTS = 30;

	/** Past this many tracked keys, buckets that are full again (nothing to remember) are dropped. */
	private static final int TIDY_ABOVE = 10_000;

	private final Map<String, Bucket> accountBuckets = new ConcurrentHashMap<>();

	private final Map<String, Bucket> clientBuckets = new ConcurrentHashMap<>();

	private final StaffAccountRepository accounts;

	SignInThrottle(StaffAccountRepository accounts) {
		this.accounts = accounts;
	}

	/** What the caller does with an attempt let through: report success, and always finish it. */
	interface Attempt extends AutoCloseable {

		void succeeded();

		@Override
		void close();

	}

	private final Map<String, java.util.concurrent.locks.ReentrantLock> checking = new ConcurrentHashMap<>();

	/** Digests of username, client and password that signed in lately, with when. */
	private final Map<String, Long> recentSuccesses = new ConcurrentHashMap<>();

	private final byte[] salt = new java.security.SecureRandom().generateSeed(16);

	static final long RECENT_MILLIS = Duration.ofMinutes(10).toMillis();

	/** Lets an attempt through with its password digest unknown (re-authentication). */
	Attempt begin(String username, String clientAddress) {
		return begin(username, clientAddress, null);
	}

	/**
	 * Lets an attempt through, charging both buckets, or refuses it with {@link SignInThrottledException} when either
	 * is empty. Close the attempt when its password has been checked.
	 */
	Attempt begin(String username, String clientAddress, @org.jspecify.annotations.Nullable String password) {
		tidy();
		String accountKey = accountKey(username, clientAddress);
		String digest = password == null ? null : digest(accountKey, password);
		if (digest != null && recentlySucceeded(digest)) {
			return new Attempt() {
				@Override
				public void succeeded() {
					recentSuccesses.put(digest, System.currentTimeMillis());
				}

				@Override
				public void close() {
				}
			};
		}
		java.util.concurrent.locks.ReentrantLock lock = checking.computeIfAbsent(accountKey,
				key -> new java.util.concurrent.locks.ReentrantLock(true));
		lock.lock();
		if (digest != null && recentlySucceeded(digest)) {
			lock.unlock();
			return begin(username, clientAddress, password);
		}
		Bucket account = accountBuckets.computeIfAbsent(accountKey, key -> accountBucket());
		Bucket client = clientBuckets.computeIfAbsent(clientAddress, key -> clientBucket());
		if (!account.tryConsume(1)) {
			lock.unlock();
			throw new SignInThrottledException();
		}
		if (!client.tryConsume(1)) {
			account.addTokens(1);
			lock.unlock();
			throw new SignInThrottledException();
		}
		return new Attempt() {

			private boolean open = true;

			@Override
			public void succeeded() {
				accountBuckets.remove(accountKey);
				client.addTokens(1);
				if (digest != null) {
					recentSuccesses.put(digest, System.currentTimeMillis());
				}
			}

			@Override
			public void close() {
				if (open) {
					open = false;
					lock.unlock();
				}
			}

		};
	}

	private boolean recentlySucceeded(String digest) {
		Long at = recentSuccesses.get(digest);
		return at != null && System.currentTimeMillis() - at < RECENT_MILLIS;
	}

	private String digest(String accountKey, String password) {
		try {
			java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
			sha.update(salt);
			sha.update(accountKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(sha.digest());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Forgets the failed attempts on an account from every client address (an administrator cleared them). */
	void clear(String username) {
		String prefix = normalise(username) + "|";
		accountBuckets.keySet().removeIf(key -> key.startsWith(prefix));
		recentSuccesses.clear();
	}

	@EventListener
	@Transactional
	void on(AuthenticationFailureBadCredentialsEvent event) {
		// passwords only: a bad access token or client credential names no staff account, and counts nothing
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			accounts.recordFailedSignIn(event.getAuthentication().getName());
		}
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			accounts.clearFailedSignIns(event.getAuthentication().getName());
		}
	}

	private static String accountKey(String username, String clientAddress) {
		return normalise(username) + "|" + clientAddress;
	}

	private static String normalise(String username) {
		String name = username.trim().toLowerCase(Locale.UK);
		return name.length() <= 100 ? name : name.substring(0, 100);
	}

	private static Bucket accountBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(ACCOUNT_ATTEMPTS)
				.refillGreedy(1, Duration.ofMinutes(REFILL_MINUTES_PER_ACCOUNT_ATTEMPT))
				.build())
			.build();
	}

	private static Bucket clientBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(CLIENT_ATTEMPTS).refillGreedy(CLIENT_ATTEMPTS, Duration.ofMinutes(15))
				.build())
			.build();
	}

	private void tidy() {
		if (accountBuckets.size() > TIDY_ABOVE) {
			accountBuckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= ACCOUNT_ATTEMPTS);
		}
		if (checking.size() > TIDY_ABOVE) {
			checking.values().removeIf(lock -> !lock.isLocked() && !lock.hasQueuedThreads());
		}
		if (recentSuccesses.size() > TIDY_ABOVE) {
			recentSuccesses.values().removeIf(at -> System.currentTimeMillis() - at >= RECENT_MILLIS);
		}
		if (clientBuckets.size() > TIDY_ABOVE) {
			clientBuckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= CLIENT_ATTEMPTS);
		}
	}

}
