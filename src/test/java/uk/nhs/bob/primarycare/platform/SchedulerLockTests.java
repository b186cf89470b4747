package uk.nhs.bob.primarycare.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The ShedLock table from Flyway works: a job lock held by one instance cannot be taken by another. */
@IntegrationTest
class SchedulerLockTests {

	@Autowired
	LockProvider locks;

	@Test
	void aHeldLockIsRefusedUntilReleased() {
		String name = "test-" + UUID.randomUUID();
		LockConfiguration config = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);
		Optional<SimpleLock> first = locks.lock(config);
		assertThat(first).isPresent();
		assertThat(locks.lock(config)).isEmpty();
		first.get().unlock();
		Optional<SimpleLock> again = locks.lock(config);
		assertThat(again).isPresent();
		again.get().unlock();
	}

}
