package uk.nhs.bob.primarycare.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.context.event.EventListener;
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
 * Charging before the check bounds the passwords tried even when many attempts arrive at once. Unknown usernames are
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

	/** One sign-in attempt that has been let through; say how it went. */
	interface Attempt {

		void succeeded();

	}

	/**
	 * Lets an attempt through, charging both buckets, or refuses it with {@link SignInThrottledException} when either
	 * is empty.
	 */
	Attempt begin(String username, String clientAddress) {
		tidy();
		String accountKey = accountKey(username, clientAddress);
		Bucket account = accountBuckets.computeIfAbsent(accountKey, key -> accountBucket());
		Bucket client = clientBuckets.computeIfAbsent(clientAddress, key -> clientBucket());
		if (!account.tryConsume(1)) {
			throw new SignInThrottledException();
		}
		if (!client.tryConsume(1)) {
			account.addTokens(1);
			throw new SignInThrottledException();
		}
		return () -> {
			accountBuckets.remove(accountKey);
			client.addTokens(1);
		};
	}

	/** Forgets the failed attempts on an account from every client address (an administrator cleared them). */
	void clear(String username) {
		String prefix = normalise(username) + "|";
		accountBuckets.keySet().removeIf(key -> key.startsWith(prefix));
	}

	@EventListener
	@Transactional
	void on(AuthenticationFailureBadCredentialsEvent event) {
		accounts.recordFailedSignIn(event.getAuthentication().getName());
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		accounts.clearFailedSignIns(event.getAuthentication().getName());
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
		if (clientBuckets.size() > TIDY_ABOVE) {
			clientBuckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= CLIENT_ATTEMPTS);
		}
	}

}
