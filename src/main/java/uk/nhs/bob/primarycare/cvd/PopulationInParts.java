package uk.nhs.bob.primarycare.cvd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * The population read in parts, one range of NHS numbers ({@code Population.splitPoints}) a thread, all joined before
 * it returns; the first failure of any part fails the whole. Each part's state is made before the threads start, so
 * the caller adds the parts up afterwards without sharing anything while they run.
 */
final class PopulationInParts {

	/** The work on one range: from (inclusive) to (exclusive) NHS number; null is no bound. */
	@FunctionalInterface
	interface Work<P> {

		void read(P part, @Nullable NhsNumber from, @Nullable NhsNumber to) throws Exception;

	}

	private PopulationInParts() {
	}

	/** Runs {@code work} on each range with a part of its own, and gives back the parts; {@code what} names the job. */
	static <P> List<P> run(List<NhsNumber> points, String threadName, String what, Supplier<P> newPart, Work<P> work) {
		List<P> parts = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		for (int range = 0; range <= points.size(); range++) {
			NhsNumber from = range == 0 ? null : points.get(range - 1);
			NhsNumber to = range == points.size() ? null : points.get(range);
			P part = newPart.get();
			parts.add(part);
			threads.add(new Thread(() -> {
				try {
					work.read(part, from, to);
				}
				catch (Exception | Error ex) {
					failure.compareAndSet(null, ex);
				}
			}, threadName + "-" + range));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while trying to " + what, ex);
			}
		}
		Throwable failed = failure.get();
		if (failed != null) {
			throw new IllegalStateException("Could not " + what, failed);
		}
		return parts;
	}

}
