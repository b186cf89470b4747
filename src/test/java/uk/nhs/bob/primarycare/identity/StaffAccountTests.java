package uk.nhs.bob.primarycare.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in throttling as the account counts it: 5 failures in a row lock it for 15 minutes. */
class StaffAccountTests {

	final Instant start = Instant.parse("2026-03-27T09:00:00Z");

	StaffAccount account() {
		return new StaffAccount("tester", "Tess Tester", "{noop}x", EnumSet.of(Role.CARE_COORDINATOR),
				OrganisationScope.ICB);
	}

	@Test
	void fourFailuresDoNotLock() {
		StaffAccount account = account();
		for (int i = 0; i < 4; i++) {
			account.recordFailedSignIn(start.plusSeconds(i));
		}
		assertThat(account.getFailedSignIns()).isEqualTo(4);
		assertThat(account.getLockedUntil()).isNull();
		assertThat(account.isLockedAt(start.plusSeconds(5))).isFalse();
	}

	@Test
	void theFifthFailureLocksForFifteenMinutes() {
		StaffAccount account = account();
		for (int i = 0; i < 5; i++) {
			account.recordFailedSignIn(start.plusSeconds(i));
		}
		Instant fifth = start.plusSeconds(4);
		assertThat(account.getFailedSignIns()).isEqualTo(5);
		assertThat(account.getLockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
		assertThat(account.isLockedAt(fifth)).isTrue();
		assertThat(account.isLockedAt(fifth.plus(Duration.ofMinutes(15)).minusSeconds(1))).isTrue();
		assertThat(account.isLockedAt(fifth.plus(Duration.ofMinutes(15)))).isFalse();
	}

	@Test
	void aFailureAfterTheLockHasRunOutStartsAFreshCount() {
		StaffAccount account = account();
		for (int i = 0; i < 5; i++) {
			account.recordFailedSignIn(start);
		}
		account.recordFailedSignIn(start.plus(Duration.ofMinutes(16)));
		assertThat(account.getFailedSignIns()).isEqualTo(1);
		assertThat(account.getLockedUntil()).isNull();
		assertThat(account.isLockedAt(start.plus(Duration.ofMinutes(16)))).isFalse();
	}

	@Test
	void aSuccessfulSignInClearsTheCount() {
		StaffAccount account = account();
		for (int i = 0; i < 4; i++) {
			account.recordFailedSignIn(start);
		}
		account.recordSuccessfulSignIn();
		account.recordFailedSignIn(start.plusSeconds(10));
		assertThat(account.getFailedSignIns()).isEqualTo(1);
		assertThat(account.getLockedUntil()).isNull();
	}

	@Test
	void unlockingEndsTheLockAtOnce() {
		StaffAccount account = account();
		for (int i = 0; i < 5; i++) {
			account.recordFailedSignIn(start);
		}
		account.unlock();
		assertThat(account.isLockedAt(start.plusSeconds(1))).isFalse();
		assertThat(account.getFailedSignIns()).isZero();
	}

}
