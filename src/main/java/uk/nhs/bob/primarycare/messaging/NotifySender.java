package uk.nhs.bob.primarycare.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.messaging.NotifyGateway.Accepted;
import uk.nhs.bob.primarycare.messaging.NotifyGateway.NotifyFailure;

/**
 * Sends queued messages to GOV.UK Notify: as soon as a message commits, and every poll interval for retries and
 * anything a stopped instance left. Each message is leased in the database before it is sent, so two threads or two
 * instances never send the same one. A failure worth retrying waits twice as long each time; before a retry Notify is
 * asked whether the earlier attempt reached it after all, so a lost answer never becomes a second message. A refusal
 * (a 4xx) is final, with Notify's reason.
 */
@Component
class NotifySender {

	private static final Logger log = LoggerFactory.getLogger(NotifySender.class);

	/** Longer than the client's timeouts together, so a lease never ends while its send is still running. */
	private static final Duration LEASE = Duration.ofMinutes(2);

	private final Messages messages;

	private final NotifyGateway gateway;

	private final NotifyProperties properties;

	private final ExecutorService dispatcher;

	private final ExecutorService workers;

	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	/**
	 * Every call to Notify takes a token: a backlog is sent at Notify's pace rather than met with 429s. Notify counts
	 * calls in any 60 seconds, and a bucket lets through its capacity plus its refill in one window, so the capacity
	 * (a second's share) is taken off the refill: never more than {@code max-per-minute} in any minute.
	 */
	private final Bucket rateLimit;

	NotifySender(Messages messages, NotifyGateway gateway, NotifyProperties properties) {
		this.messages = messages;
		this.gateway = gateway;
		this.properties = properties;
		this.dispatcher = Executors.newSingleThreadExecutor(threads("notify-dispatch"));
		this.workers = Executors.newFixedThreadPool(properties.senderThreads(), threads("notify-send"));
		this.rateLimit = rateLimit(properties.maxPerMinute(), TimeMeter.SYSTEM_MILLISECONDS);
	}

	static Bucket rateLimit(int maxPerMinute, TimeMeter clock) {
		long burst = Math.max(1, maxPerMinute / 60);
		long refill = Math.max(1, maxPerMinute - burst);
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(burst).refillGreedy(refill, Duration.ofMinutes(1)))
			.withCustomTimePrecision(clock)
			.build();
	}

	/** Asks for a send soon; several nudges while one is waiting make one send. */
	void nudge() {
		if (gateway.configured() && drainScheduled.compareAndSet(false, true)) {
			dispatcher.execute(() -> {
				drainScheduled.set(false);
				drain();
			});
		}
	}

	@Scheduled(fixedDelayString = "${primarycare.notify.poll-interval:PT5S}",
			initialDelayString = "${primarycare.notify.poll-interval:PT5S}")
	void poll() {
		nudge();
	}

	/** Sends everything due, a batch at a time across the worker threads; returns how many were attempted. */
	int drain() {
		int attempted = 0;
		try {
			List<MessageRecord> batch;
			while (!(batch = messages.claimDue(properties.senderThreads() * 8, LEASE)).isEmpty()) {
				List<Callable<Void>> sends = new ArrayList<>();
				for (MessageRecord message : batch) {
					sends.add(() -> {
						deliver(message);
						return null;
					});
				}
				workers.invokeAll(sends);
				attempted += batch.size();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// the database was unavailable: the next poll tries again, and leases free any message left half-done
			log.warn("Sending messages stopped: {}", ex.toString());
		}
		return attempted;
	}

	/** One attempt at one leased message; its outcome is stored whatever happens. */
	void deliver(MessageRecord message) {
		try {
			if (message.attempts() > 1) {
				rateLimit.asBlocking().consume(1);
				Optional<Accepted> earlier = gateway.findByReference(message);
				if (earlier.isPresent()) {
					messages.accepted(message.id(), earlier.get().notificationId(), earlier.get().status(),
							earlier.get().body(), "Attempt " + message.attempts()
									+ ": GOV.UK Notify already had this message from an earlier attempt, not sent again");
					return;
				}
			}
			byte[] pdf = message.channel() == Channel.LETTER ? messages.letterPdf(message.id()) : null;
			rateLimit.asBlocking().consume(1);
			Accepted accepted = gateway.send(message, pdf);
			messages.accepted(message.id(), accepted.notificationId(), accepted.status(), accepted.body(),
					"Attempt " + message.attempts() + ": accepted by GOV.UK Notify (notification "
							+ accepted.notificationId() + ")");
		}
		catch (NotifyFailure failure) {
			failed(message, failure);
		}
		catch (InterruptedException ex) {
			// stopping: the lease ends and the message is taken again, by this instance or another
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Message {} could not be sent", message.id(), ex);
			failed(message, new NotifyFailure(0, "Could not send: " + ex, ex));
		}
	}

	private void failed(MessageRecord message, NotifyFailure failure) {
		String what = "Attempt " + message.attempts() + ": " + failure.describe();
		if (!failure.retryable()) {
			messages.failed(message.id(), MessageStatus.REJECTED, failure.describe());
		}
		else if (message.attempts() >= properties.maxAttempts()) {
			messages.failed(message.id(), MessageStatus.GAVE_UP,
					"No success after " + message.attempts() + " attempts. Last: " + failure.describe());
		}
		else {
			Duration delay = properties.retryDelay(message.attempts());
			messages.retryLater(message.id(), Instant.now().plus(delay),
					what + ". Trying again in " + describe(delay));
		}
	}

	private static String describe(Duration delay) {
		if (delay.toSeconds() < 1) {
			return delay.toMillis() + " ms";
		}
		if (delay.toMinutes() < 1) {
			return delay.toSeconds() + " seconds";
		}
		return delay.toMinutes() + (delay.toMinutes() == 1 ? " minute" : " minutes");
	}

	@PreDestroy
	void stop() throws InterruptedException {
		dispatcher.shutdownNow();
		workers.shutdown();
		workers.awaitTermination(10, TimeUnit.SECONDS);
	}

	private static ThreadFactory threads(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
