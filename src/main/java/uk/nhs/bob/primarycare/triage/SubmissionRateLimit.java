package uk.nhs.bob.primarycare.triage;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A per-client limit on public form submissions (Bucket4j token buckets, one per client address): by default 10
 * requests an hour, refilled gradually. Only sending counts, not moving between pages. Buckets live in this instance's
 * memory, the least recently used dropped beyond 10,000 clients; with several instances each keeps its own limit.
 */
@Component
class SubmissionRateLimit {

	/** Whether a submission may go ahead, and if not, how long to wait. */
	record Result(boolean allowed, long minutesToWait) {
	}

	private static final int MAX_CLIENTS = 10_000;

	private final Bandwidth bandwidth;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_CLIENTS;
		}

	};

	SubmissionRateLimit(@Value("${primarycare.triage.public-form.submissions-per-hour:10}") int perHour) {
		this.bandwidth = Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build();
	}

	Result tryConsume(String client) {
		Bucket bucket;
		synchronized (buckets) {
			bucket = buckets.computeIfAbsent(client, key -> Bucket.builder().addLimit(bandwidth).build());
		}
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return new Result(true, 0);
		}
		return new Result(false, Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toMinutes() + 1));
	}

}
